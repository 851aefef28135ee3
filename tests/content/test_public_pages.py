"""What the public sees: only published items, on every list, detail and tag page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.content.cache import bump_content_generation
from portal.content.models import Status
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory

pytestmark = pytest.mark.django_db

HIDDEN = [Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED]
FACTORIES = {"articles": ArticleFactory, "faq": QuestionFactory, "trials": TrialFactory}


@pytest.mark.parametrize("app", FACTORIES)
@pytest.mark.parametrize("status", HIDDEN)
def test_unpublished_item_is_absent_from_list(client, app, status):
    visible = FACTORIES[app](title="Visible item title")
    hidden = FACTORIES[app](status=status, title="Secret unpublished title")
    query = "?status=" if app == "trials" else ""
    html = client.get(reverse(f"{app}:list") + query).content.decode()
    assert visible.title in html
    assert hidden.title not in html


@pytest.mark.parametrize("app", FACTORIES)
@pytest.mark.parametrize("status", HIDDEN)
def test_unpublished_item_detail_is_404(client, app, status):
    item = FACTORIES[app](status=status)
    assert client.get(item.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("app", FACTORIES)
def test_published_item_detail_shows_content_tags_and_advice_note(client, app):
    item = FACTORIES[app](tags=["car-t", "progressive-ms"], body="Plain **answer** text.")
    html = client.get(item.get_absolute_url()).content.decode()
    assert item.title in html
    assert "<strong>answer</strong>" in html
    assert reverse("tag", args=["progressive-ms"]) in html
    assert "Not medical advice" in html


@pytest.mark.parametrize("status", HIDDEN)
def test_tag_page_lists_only_published_items_of_every_type(client, status):
    shown = [f(tags=["bcma"]) for f in FACTORIES.values()]
    hidden = [f(tags=["bcma"], status=status, title=f"Hidden {i}") for i, f in enumerate(FACTORIES.values())]
    ArticleFactory(tags=["other"], title="Other tag article")
    html = client.get(reverse("tag", args=["bcma"])).content.decode()
    for item in shown:
        assert item.title in html
    for item in hidden:
        assert item.title not in html
    assert "Other tag article" not in html


def test_unknown_tag_is_404(client):
    assert client.get(reverse("tag", args=["no-such-tag"])).status_code == 404


def test_article_tag_list_filters_by_tag(client):
    ArticleFactory(tags=["lupus"], title="Lupus article")
    ArticleFactory(tags=["cd19"], title="CD19 article")
    html = client.get(reverse("articles:tag", args=["lupus"])).content.decode()
    assert "Lupus article" in html and "CD19 article" not in html


def test_article_list_is_newest_first_and_paginated(client):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for days in range(12):
        ArticleFactory(title=f"Article aged {days}", published_at=now - timedelta(days=days))
    first = client.get(reverse("articles:list")).content.decode()
    assert first.index("Article aged 0") < first.index("Article aged 1")
    assert "Article aged 11" not in first
    assert "Article aged 11" in client.get(reverse("articles:list") + "?page=2").content.decode()


def test_faq_page_groups_questions_by_category_in_details(client):
    from tests.factories import CategoryFactory

    safety = CategoryFactory(name="Safety", slug="safety", position=1)
    access = CategoryFactory(name="Access", slug="access", position=0)
    QuestionFactory(category=safety, title="Is it safer than for cancer?")
    QuestionFactory(category=access, title="Is it available for MS?")
    html = client.get(reverse("faq:list")).content.decode()
    assert html.index("Access") < html.index("Is it available for MS?") < html.index("Safety")
    assert html.count("<details class=\"faq\"") == 2  # the header menu is a <details> too


def test_trial_filters_combine_and_show_in_url(client):
    TrialFactory(title="Recruiting CD19 phase 1", overall_status="RECRUITING", car_t_target="cd19", phases=["PHASE1"])
    TrialFactory(title="Recruiting BCMA phase 2", overall_status="RECRUITING", car_t_target="bcma", phases=["PHASE2"])
    TrialFactory(title="Completed CD19 phase 1", overall_status="COMPLETED", car_t_target="cd19", phases=["PHASE1"])
    html = client.get(reverse("trials:list"), {"status": "open", "target": "cd19", "phase": "PHASE1"}).content.decode()
    assert "Recruiting CD19 phase 1" in html
    assert "Recruiting BCMA phase 2" not in html
    assert "Completed CD19 phase 1" not in html


def test_home_shows_latest_articles_open_trials_and_featured_faqs(client):
    ArticleFactory(title="Fresh explainer")
    TrialFactory(title="Open trial", overall_status="RECRUITING")
    TrialFactory(title="Closed trial", overall_status="COMPLETED")
    QuestionFactory(title="Featured question?", featured=True)
    html = client.get(reverse("home")).content.decode()
    assert "Fresh explainer" in html and "Open trial" in html and "Featured question?" in html
    assert "Closed trial" not in html
    assert "talk to your MS team" in html


def test_pages_have_title_and_meta_description(client):
    article = ArticleFactory(title="Meta article", summary="Meta summary sentence.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Meta article" in html
    assert '<meta name="description" content="Meta summary sentence.">' in html


def test_custom_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_responses_carry_a_content_security_policy(client):
    assert "script-src 'self'" in client.get(reverse("home"))["Content-Security-Policy"]


def _all_types(n: int, **kwargs) -> None:
    ArticleFactory.create_batch(n, **kwargs)
    QuestionFactory.create_batch(n, featured=True, **kwargs)
    TrialFactory.create_batch(n, **kwargs)


# Each number is what the page needs; the test proves it is the same with 3 and with 30 rows.
QUERY_COUNTS = [
    # paginator count, the page's ids, its rows + author (join), tags prefetch
    ("articles:list", [], 4, lambda n: ArticleFactory.create_batch(n, tags=["a", "b"])),
    # + the tag lookup
    ("articles:tag", ["a"], 5, lambda n: ArticleFactory.create_batch(n, tags=["a", "b"])),
    # categories with their counts, the top rows of each category (ranked ids) + author (no tags on the overview)
    ("faq:list", [], 3, lambda n: QuestionFactory.create_batch(n, tags=["a", "b"])),
    # the finder: ids, rows and tags for the page, plus one aggregate per filter's option counts (status, phase,
    # target, condition, country, sponsor type), which also give the total
    ("trials:list", ["?status="], 9, lambda n: TrialFactory.create_batch(n, tags=["a", "b"])),
    # tag lookup + the editors' topic description + (rows, tags) for each of the three types
    ("tag", ["a"], 8, lambda n: _all_types(n, tags=["a"])),
    # (rows, tags) for latest articles and featured FAQs, (ids, rows, tags) for open trials
    ("home", [], 7, lambda n: _all_types(n, tags=["a"])),
]


@pytest.mark.parametrize(("url_name", "args", "expected", "factory"), QUERY_COUNTS)
def test_list_page_query_count_does_not_grow_with_rows(
    client, django_assert_num_queries, url_name, args, expected, factory
):
    query = args[0] if args and args[0].startswith("?") else ""
    url = reverse(url_name, args=[] if query else args) + query
    factory(3)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    factory(27)
    # What publishing does after its commit (the factories' on-commit callbacks never run in a test's
    # transaction): a new content generation, so the finder counts again instead of using its cache.
    bump_content_generation()
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
