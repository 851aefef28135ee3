"""Every public page is bounded: the same queries with 3 and with 300 items, and never over 60 KB of HTML."""

from __future__ import annotations

import itertools

import pytest
from django.urls import reverse

from portal.content.cache import bump_content_generation
from tests.factories import ArticleFactory, CategoryFactory, QuestionFactory, TrialFactory

pytestmark = pytest.mark.django_db

MAX_HTML_BYTES = 60 * 1024


@pytest.fixture
def categories(db):
    return [CategoryFactory(name=f"Topic {n}", slug=f"topic-{n}", position=n) for n in range(3)]


def add_items(n: int, categories) -> None:
    """n published items of each type, all tagged "a", FAQs spread over three categories."""
    ArticleFactory.create_batch(n, tags=["a", "b"])
    cycle = itertools.cycle(categories)
    for _ in range(n):
        QuestionFactory(tags=["a"], category=next(cycle), featured=True)
    TrialFactory.create_batch(n, tags=["a"])


# (url, queries): what each page needs, the same whatever the number of items.
PAGES = [
    (lambda: reverse("home"), 7),  # (rows, tags) for latest articles and featured FAQs; open trials: ids, rows, tags
    (lambda: reverse("articles:list"), 4),  # count, page ids, rows + author, tags
    (lambda: reverse("articles:tag", args=["a"]), 5),  # + the tag
    (lambda: reverse("faq:list"), 3),  # categories with counts, top ids per category, their rows (no tags)
    (lambda: reverse("faq:category", args=["topic-1"]), 5),  # category, count, page ids, rows, tags
    (lambda: reverse("trials:list") + "?status=", 9),  # page ids, rows, tags + six facet counts (the total)
    (lambda: reverse("tag", args=["a"]), 8),  # tag + topic description + (rows, tags) per type
    (lambda: reverse("tag", args=["a"]) + "?type=question&page=2", 6),  # tag, description, count, ids, rows, tags
    (lambda: reverse("search:results") + "?q=article", None),  # search: tested in test_search.py
]


def detail_pages() -> list[tuple[str, int]]:
    return [
        (ArticleFactory._meta.model.objects.published().order_by("pk").last().get_absolute_url(), None),
        (QuestionFactory._meta.model.objects.published().order_by("pk").last().get_absolute_url(), None),
        (TrialFactory._meta.model.objects.published().order_by("pk").last().get_absolute_url(), None),
    ]


def measure(client, django_assert_num_queries, url: str, expected: int | None) -> int:
    # Each page as the first view after a content change: the finder caches its filter counts per content
    # generation, and the factories' on-commit generation bumps never run inside a test's transaction.
    bump_content_generation()
    if expected is None:
        response = client.get(url)
    else:
        with django_assert_num_queries(expected):
            response = client.get(url)
    assert response.status_code == 200, url
    return len(response.content)


def test_public_pages_are_bounded_at_3_and_300_items(client, categories, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add_items(3, categories)
    for make_url, expected in PAGES:
        measure(client, django_assert_num_queries, make_url(), expected)
    detail_queries = {}
    for index, (url, _) in enumerate(detail_pages()):
        client.get(url)  # warm: the first render of a page caches its glossary links
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        detail_queries[index] = len(queries)

    add_items(297, categories)
    for make_url, expected in PAGES:
        url = make_url()
        size = measure(client, django_assert_num_queries, url, expected)
        assert size < MAX_HTML_BYTES, url
    for index, (url, _) in enumerate(detail_pages()):
        client.get(url)  # warm, as above
        with django_assert_num_queries(detail_queries[index]):
            client.get(url)
    for url, expected in DEEP_PAGES:  # the last pages cost the same queries as the first
        assert measure(client, django_assert_num_queries, url, expected) < MAX_HTML_BYTES


DEEP_PAGES = [
    ("/articles/?page=30", 4),
    ("/trials/?status=&page=15", 9),
    ("/faq/category/topic-2/?page=5", 5),
    ("/tags/a/?type=trial&page=15", 6),  # tag, topic description, count, page ids, rows, tags
]

def test_faq_page_shows_the_top_questions_and_links_each_category(client, categories):
    for n in range(8):
        QuestionFactory(category=categories[0], title=f"Safety question {n}?", position=n)
    html = client.get(reverse("faq:list")).content.decode()
    assert "Safety question 4?" in html and "Safety question 5?" not in html
    assert reverse("faq:category", args=["topic-0"]) in html
    assert "All 8 questions about Topic 0" in html


def test_faq_category_page_is_paginated(client, categories):
    for n in range(25):
        QuestionFactory(category=categories[1], title=f"Access question {n:02d}?", position=n)
    url = reverse("faq:category", args=["topic-1"])
    first = client.get(url).content.decode()
    assert "Access question 19?" in first and "Access question 20?" not in first
    assert "Access question 24?" in client.get(url + "?page=2").content.decode()


def test_unknown_faq_category_is_404(client):
    assert client.get(reverse("faq:category", args=["nope"])).status_code == 404


def test_tag_page_shows_a_few_of_each_type_and_pages_through_one(client):
    for n in range(8):
        ArticleFactory(tags=["cd19"], title=f"Tagged article {n}")
    QuestionFactory(tags=["cd19"], title="One tagged question?")
    html = client.get(reverse("tag", args=["cd19"])).content.decode()
    assert html.count('class="card"') == 7  # six articles and the question
    assert "?type=article" in html
    assert "?type=question" not in html  # all shown already
    typed = client.get(reverse("tag", args=["cd19"]) + "?type=article").content.decode()
    assert typed.count('class="card"') == 8
    assert "One tagged question?" not in typed


def test_unknown_type_on_a_tag_page_shows_every_type(client):
    ArticleFactory(tags=["cd19"], title="Tagged article")
    html = client.get(reverse("tag", args=["cd19"]) + "?type=nope").content.decode()
    assert "Tagged article" in html


def test_a_tags_count_per_type_is_kept_until_the_next_content_change(client, django_assert_num_queries):
    ArticleFactory.create_batch(3, tags=["kept"])
    url = reverse("tag", args=["kept"]) + "?type=article"
    bump_content_generation()
    with django_assert_num_queries(6):  # tag, description, count, page ids, rows, tags
        client.get(url)
    with django_assert_num_queries(5):  # the count comes from the cache
        client.get(url)
    from taggit.models import Tag

    from portal.content.selectors import tagged_count

    tag = Tag.objects.get(slug="kept")
    ArticleFactory(tags=["kept"])  # (inside a test transaction: its on-commit bump does not run)
    assert tagged_count(tag, ArticleFactory._meta.model) == 3
    bump_content_generation()  # what every publish does after its commit
    assert tagged_count(tag, ArticleFactory._meta.model) == 4
