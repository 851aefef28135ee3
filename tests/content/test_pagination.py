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
            assert all(list(item.tags.all()) for item in page)


def test_rows_keep_the_querysets_preloads(articles, django_assert_num_queries):
    page = IdPaginator(Article.objects.published().for_listing().newest_first(), 5).page(1)
    with django_assert_num_queries(0):
        assert all(item.author is not None or item.author_id is None for item in page)
        assert all(list(item.tags.all()) for item in page)


def test_get_page_on_an_empty_list_is_an_empty_first_page():
    page = IdPaginator(Article.objects.published(), 5).get_page("3")
    assert page.number == 1 and list(page) == []
