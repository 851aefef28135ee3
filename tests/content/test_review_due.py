"""Review intervals: "review due" after last review + interval, on the dashboard list and the public page."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from portal.content.models import Status, add_months
from portal.content.selectors import review_due, review_due_items
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory

pytestmark = pytest.mark.django_db

NOTE = "This page is due for review."


@pytest.fixture
def today(monkeypatch):
    """Freeze the clock at noon on a given day: `today("2027-01-15")`."""

    def set_day(iso: str) -> datetime.date:
        day = datetime.date.fromisoformat(iso)
        frozen = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
        monkeypatch.setattr(timezone, "now", lambda: frozen)
        return day

    return set_day


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-01-15", 12, "2027-01-15"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-12-01", 1, "2027-01-01"),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(datetime.date.fromisoformat(day), months) == datetime.date.fromisoformat(expected)


def test_the_due_date_follows_the_review_and_the_interval():
    article = ArticleFactory(last_reviewed=datetime.date(2026, 1, 15))
    assert article.review_interval_months == 12
    assert article.review_due_on == datetime.date(2027, 1, 15)
    article.review_interval_months = 6
    article.save(update_fields=["review_interval_months"])
    article.refresh_from_db()
    assert article.review_due_on == datetime.date(2026, 7, 15)
    article.last_reviewed = datetime.date(2026, 9, 1)
    article.save(update_fields=["last_reviewed"])
    article.refresh_from_db()
    assert article.review_due_on == datetime.date(2027, 3, 1)


def test_review_due_selector():
    due = ArticleFactory(last_reviewed=datetime.date(2026, 1, 15))
    not_yet = ArticleFactory(last_reviewed=datetime.date(2026, 1, 16))
    never = ArticleFactory(last_reviewed=None, status=Status.DRAFT)  # the review gate publishes none unreviewed
    found = set(review_due(Article.objects.all(), today=datetime.date(2027, 1, 15)))
    assert found == {due, never} and not_yet not in found


def test_review_due_items_lists_published_articles_and_faqs_most_overdue_first():
    old = ArticleFactory(last_reviewed=datetime.date(2025, 6, 1), title="Old explainer")
    faq = QuestionFactory(last_reviewed=datetime.date(2025, 9, 1))
    never = ArticleFactory()
    # Published before the review gate existed: no review date (the gate publishes none like it now).
    Article.objects.filter(pk=never.pk).update(last_reviewed=None, review_due_on=None)
    ArticleFactory(last_reviewed=datetime.date(2026, 12, 1))  # not due
    ArticleFactory(last_reviewed=datetime.date(2025, 1, 1), status=Status.DRAFT)  # not public
    TrialFactory(last_reviewed=datetime.date(2020, 1, 1))  # trials are not periodically reviewed
    rows = review_due_items(today=datetime.date(2027, 1, 1))
    assert [row.item for row in rows] == [never, old, faq]
    assert rows[1].when == datetime.date(2026, 6, 1) and rows[1].kind == "Article"
    assert rows[1].admin_url == f"/admin/articles/article/{old.pk}/change/"


def test_review_due_items_has_a_constant_query_count(django_assert_num_queries):
    def make(count: int) -> None:
        ArticleFactory.create_batch(count, last_reviewed=datetime.date(2025, 1, 1))
        QuestionFactory.create_batch(count, last_reviewed=datetime.date(2025, 1, 1))

    make(3)
    with CaptureQueriesContext(connection) as baseline:
        assert len(review_due_items(today=datetime.date(2027, 1, 1))) == 6
    make(27)
    with django_assert_num_queries(len(baseline.captured_queries)):
        assert len(review_due_items(today=datetime.date(2027, 1, 1))) == 50  # the default limit


@pytest.mark.parametrize("factory", [ArticleFactory, QuestionFactory])
def test_the_public_page_says_when_a_review_is_due(client, today, factory):
    item = factory(last_reviewed=datetime.date(2026, 1, 15))
    today("2027-01-14")
    assert NOTE not in client.get(item.get_absolute_url()).content.decode()
    today("2027-01-15")
    page = client.get(item.get_absolute_url()).content.decode()
    assert NOTE in page
    assert 'It was last reviewed on <time datetime="2026-01-15">15 January 2026</time>.' in page


def test_the_cached_page_shows_the_note_from_the_day_it_is_due(client, today, page_cache):
    article = ArticleFactory(last_reviewed=datetime.date(2026, 1, 15))
    today("2027-01-14")
    assert NOTE not in client.get(article.get_absolute_url()).content.decode()
    assert NOTE not in client.get(article.get_absolute_url()).content.decode()  # from the cache
    today("2027-01-15")  # no content changed, only the date
    assert NOTE in client.get(article.get_absolute_url()).content.decode()
