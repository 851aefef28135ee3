"""IdPaginator: pages through ids, then loads the page's rows; same pages and order as Django's Paginator."""

from __future__ import annotations

import datetime

import pytest
from django.core.paginator import Paginator
from django.utils import timezone

from articles.models import Article
from portal.content.pagination import IdPaginator
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    now = timezone.now()
    # Equal dates on purpose: the id tie-break must order them the same way in both paginators.
    return [ArticleFactory(published_at=now - datetime.timedelta(days=n // 2), tags=["a"]) for n in range(23)]


@pytest.mark.parametrize("per_page,orphans", [(5, 0), (10, 3), (23, 0), (7, 2)])
def test_same_pages_as_djangos_paginator(articles, per_page, orphans):
    queryset = Article.objects.published().for_listing().newest_first()
    ours, django = IdPaginator(queryset, per_page, orphans=orphans), Paginator(queryset, per_page, orphans=orphans)
    assert ours.num_pages == django.num_pages
    for number in ours.page_range:
        assert [a.pk for a in ours.page(number)] == [a.pk for a in django.page(number)]


def test_a_deep_page_costs_what_the_first_does(articles, django_assert_num_queries):
    queryset = Article.objects.published().for_listing().newest_first()
    for number in (1, 5):
        with django_assert_num_queries(4):  # count, the page's ids, its rows + author, tags
            page = IdPaginator(queryset, 5).page(number)
            assert all(item.tag_links for item in page)


def test_rows_keep_the_querysets_preloads(articles, django_assert_num_queries):
    page = IdPaginator(Article.objects.published().for_listing().newest_first(), 5).page(1)
    with django_assert_num_queries(0):
        assert all(item.author is not None or item.author_id is None for item in page)
        assert all(item.tag_links for item in page)


def test_get_page_on_an_empty_list_is_an_empty_first_page():
    page = IdPaginator(Article.objects.published(), 5).get_page("3")
    assert page.number == 1 and list(page) == []


def test_tag_links_match_taggit_and_link_to_the_tag_pages(django_assert_num_queries):
    from django.urls import reverse

    tagged = ArticleFactory(tags=["Zebra topic", "alpha", "Middle"])
    plain = ArticleFactory()
    with django_assert_num_queries(2):  # the rows + author, then every row's tags
        rows = {a.pk: a for a in Article.objects.published().for_listing()}
    assert [t.name for t in rows[tagged.pk].tag_links] == ["alpha", "Middle", "Zebra topic"]
    assert {t.slug for t in rows[tagged.pk].tag_links} == {t.slug for t in tagged.tags.all()}
    assert all(t.url == reverse("tag", args=[t.slug]) for t in rows[tagged.pk].tag_links)
    assert rows[plain.pk].tag_links == []
    # An item loaded without for_listing() still has them (one query).
    fresh = Article.objects.get(pk=tagged.pk)
    with django_assert_num_queries(1):
        assert len(fresh.tag_links) == 3


def test_a_page_in_the_back_half_is_read_from_the_end(articles, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queryset = Article.objects.published().for_listing().newest_first()
    with CaptureQueriesContext(connection) as queries:
        last = IdPaginator(queryset, 5).page(5)
    ids_sql = queries.captured_queries[1]["sql"]
    assert "OFFSET 20" not in ids_sql and "LIMIT 3" in ids_sql
    assert [a.pk for a in last] == [a.pk for a in Paginator(queryset, 5).page(5)]


def test_an_ordering_without_the_primary_key_is_not_reversed(articles):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queryset = Article.objects.published().order_by("-published_at")  # ties: reversing could reorder them
    with CaptureQueriesContext(connection) as queries:
        IdPaginator(queryset, 5).page(5)
    assert "OFFSET 20" in queries.captured_queries[1]["sql"]
