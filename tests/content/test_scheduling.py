"""Scheduled publishing: a moderator approves an item for a future time; `publish_scheduled` carries it out.

The clock is frozen (`clock` patches `django.utils.timezone.now`); nothing sleeps.
"""

from __future__ import annotations

import datetime
import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from portal.accounts.models import Alert, TagFollow
from portal.actions.schedule import _carry_out, content_schedule, scheduled_run
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.cache import content_generation
from portal.content.models import ModerationEvent, Status
from portal.content.scheduling import due_to_publish_q
from portal.content.search.models import SearchEntry
from portal.content.selectors import scheduled_items
from tests.content.forms import article_form_data as form_data
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory, UserFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)
TEN = START.replace(hour=10)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime.datetime:
        return self.now

    def move(self, **delta) -> None:
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    frozen = Clock()
    monkeypatch.setattr(timezone, "now", frozen)
    return frozen


def in_review(factory=ArticleFactory, **kwargs):
    return factory(status=Status.IN_REVIEW, published_at=None, last_reviewed=datetime.date(2027, 2, 1), **kwargs)


def scheduled(moderator, factory=ArticleFactory, *, publish_at=TEN, archive_at=None, **kwargs):
    """An item in review that `moderator` approved to go live at `publish_at` (10:00 on the first day)."""
    item = in_review(factory, **kwargs)
    return content_schedule(item=item, moderator=moderator, publish_at=publish_at, archive_at=archive_at)


def publish_events(item) -> int:
    return ModerationEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk, to_status=Status.PUBLISHED
    ).count()


def change_url(item) -> str:
    return reverse("admin:articles_article_change", args=[item.pk])


class TestScheduleInTheAdmin:
    def test_moderator_schedules_an_item_in_review_and_it_stays_unpublished(self, clock, moderator_client, moderator):
        article = in_review()
        response = moderator_client.post(
            change_url(article), form_data(article, publish_at_0="2027-03-02", publish_at_1="10:00:00")
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
        article.refresh_from_db()
        assert article.publish_at == datetime.datetime(2027, 3, 2, 10, 0, tzinfo=datetime.UTC)
        assert article.scheduled_by == moderator
        assert article.status == Status.IN_REVIEW
        assert not SearchEntry.objects.filter(object_id=article.pk, kind="article").exists()

    def test_archive_at_on_a_published_page_applies_to_the_live_item(self, clock, moderator_client, moderator):
        article = ArticleFactory(status=Status.PUBLISHED, last_reviewed=datetime.date(2027, 2, 1))
        response = moderator_client.post(
            change_url(article), form_data(article, archive_at_0="2027-03-05", archive_at_1="09:00:00")
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
        article.refresh_from_db()
        assert article.archive_at == datetime.datetime(2027, 3, 5, 9, 0, tzinfo=datetime.UTC)
        assert article.status == Status.PUBLISHED and article.scheduled_by == moderator

    def test_the_change_form_has_the_schedule_fields_for_moderators_only(self, moderator_client, editor_client):
        article = in_review()
        page = moderator_client.get(change_url(article)).content.decode()
        assert 'name="publish_at_0"' in page
        assert 'aria-label="Publish at: date"' in page and 'aria-label="Archive at: time"' in page
        page = editor_client.get(change_url(article)).content.decode()
        assert 'name="publish_at_0"' not in page and "publish at" in page.lower()

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"publish_at_0": "2027-02-28", "publish_at_1": "10:00:00"}, "Choose a time in the future"),
            (
                {"publish_at_0": "2027-03-05", "publish_at_1": "10:00:00", "archive_at_0": "2027-03-04",
                 "archive_at_1": "10:00:00"},
                "must leave the site after it goes live",
            ),
        ],
    )
    def test_a_bad_schedule_is_refused_and_the_input_kept(self, clock, moderator_client, fields, message):
        article = in_review()
        response = moderator_client.post(change_url(article), form_data(article, summary="Kept summary", **fields))
        assert response.status_code == 200
        page = response.content.decode()
        assert message in page
        assert "Kept summary" in page and fields["publish_at_0"] in page
        article.refresh_from_db()
        assert article.publish_at is None and article.summary != "Kept summary"

    def test_a_draft_cannot_be_scheduled_to_go_live(self, clock, moderator_client):
        article = ArticleFactory(status=Status.DRAFT, published_at=None)
        response = moderator_client.post(
            change_url(article), form_data(article, publish_at_0="2027-03-02", publish_at_1="10:00:00")
        )
        assert response.status_code == 200
        assert "Submit it for review first" in response.content.decode()

    def test_a_moderator_cannot_schedule_their_own_item(self, clock, moderator_client, moderator):
        article = in_review(author=moderator)
        response = moderator_client.post(
            change_url(article), form_data(article, publish_at_0="2027-03-02", publish_at_1="10:00:00")
        )
        assert response.status_code == 200
        assert "another moderator has to approve it (two-person rule)" in response.content.decode()
        with pytest.raises(ValidationError, match="two-person rule"):
            content_schedule(item=article, moderator=moderator, publish_at=START.replace(day=2), archive_at=None)

    def test_an_editor_cannot_change_a_scheduled_item(self, clock, editor_client, editor, moderator):
        article = in_review(author=editor)
        content_schedule(item=article, moderator=moderator, publish_at=START.replace(day=2), archive_at=None)
        response = editor_client.post(change_url(article), form_data(article, summary="Unreviewed change"))
        assert response.status_code in (302, 403)
        article.refresh_from_db()
        assert article.summary != "Unreviewed change"

    def test_changelist_filter_and_column(self, clock, moderator_client, moderator):
        scheduled(moderator, title="Goes live later", publish_at=START.replace(day=2))
        in_review(title="Just waiting")
        page = moderator_client.get(reverse("admin:articles_article_changelist") + "?scheduled=publish")
        text = page.content.decode()
        assert "Goes live later" in text and "Just waiting" not in text
        assert "Goes live 2 Mar 2027, 09:00" in text


class TestPublishScheduled:
    def test_nothing_is_public_before_the_time_and_it_goes_live_once(self, clock, client, moderator):
        article = in_review()
        content_schedule(item=article, moderator=moderator, publish_at=START + datetime.timedelta(hours=1),
                         archive_at=None)
        assert client.get(article.get_absolute_url()).status_code == 404

        clock.move(minutes=59)
        assert scheduled_run().published == []
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.title not in client.get(reverse("articles:list")).content.decode()

        clock.move(minutes=1)
        assert len(scheduled_run().published) == 1
        assert scheduled_run().published == []  # run twice: one publication
        article.refresh_from_db()
        assert article.status == Status.PUBLISHED and article.published_at == clock.now
        assert article.publish_at is None
        assert publish_events(article) == 1
        event = ModerationEvent.objects.get(object_id=article.pk, to_status=Status.PUBLISHED)
        assert event.actor == moderator and "as scheduled for 1 March 2027, 10:00" in event.comment
        assert SearchEntry.objects.filter(object_id=article.pk, kind="article").exists()
        assert client.get(article.get_absolute_url()).status_code == 200

    def test_publishing_on_time_alerts_topic_followers_and_refreshes_the_page_cache(
        self, clock, moderator, user, django_capture_on_commit_callbacks
    ):
        article = scheduled(moderator, tags=["car-t"])
        TagFollow.objects.create(user=user, tag=Tag.objects.get(name="car-t"))
        before = content_generation()[0]
        clock.move(hours=1)
        with django_capture_on_commit_callbacks(execute=True):
            scheduled_run()
        assert content_generation()[0] > before
        assert Alert.objects.filter(user=user, change_key=f"new:articles.article:{article.pk}").count() == 1

    def test_the_command_is_idempotent(self, clock, moderator):
        items = [scheduled(moderator, factory) for factory in (ArticleFactory, QuestionFactory, TrialFactory)]
        clock.move(hours=2)
        call_command("publish_scheduled")
        call_command("publish_scheduled")
        for item in items:
            item.refresh_from_db()
            assert item.status == Status.PUBLISHED
            assert publish_events(item) == 1

    def test_the_command_reports_what_it_did(self, clock, moderator, capsys):
        scheduled(moderator, title="Scheduled explainer")
        clock.move(hours=1)
        call_command("publish_scheduled")
        out = capsys.readouterr().out
        assert "Published Article “Scheduled explainer”" in out and "1 published, 0 archived, 0 failed." in out

    def test_archive_at_takes_a_published_item_off_the_site(self, clock, client, moderator):
        article = ArticleFactory(status=Status.PUBLISHED)
        content_schedule(item=article, moderator=moderator, publish_at=None, archive_at=START.replace(hour=12))
        clock.move(hours=2)
        assert scheduled_run().archived == []
        assert client.get(article.get_absolute_url()).status_code == 200
        clock.move(hours=1)
        assert len(scheduled_run().archived) == 1
        assert scheduled_run().archived == []
        article.refresh_from_db()
        assert article.status == Status.ARCHIVED and article.archive_at is None
        assert client.get(article.get_absolute_url()).status_code == 404

    def test_publish_and_archive_in_one_schedule(self, clock, moderator):
        article = scheduled(moderator, archive_at=START.replace(hour=11))
        clock.move(hours=1)
        scheduled_run()
        article.refresh_from_db()
        assert article.status == Status.PUBLISHED and article.archive_at == START.replace(hour=11)
        clock.move(hours=1)
        scheduled_run()
        article.refresh_from_db()
        assert article.status == Status.ARCHIVED

    def test_sending_back_cancels_the_schedule(self, clock, moderator):
        article = scheduled(moderator)
        content_send_back(item=article, moderator=moderator, comment="Check the dose.")
        article.refresh_from_db()
        assert article.publish_at is None and article.scheduled_by is None
        content_submit(item=article, user=moderator)  # resubmitted: needs a new approval
        clock.move(hours=2)
        scheduled_run()
        article.refresh_from_db()
        assert article.status == Status.IN_REVIEW

    def test_a_scheduler_who_is_no_longer_a_moderator_is_reported_and_nothing_changes(self, clock, moderator):
        article = scheduled(moderator)
        moderator.groups.clear()
        clock.move(hours=2)
        report = scheduled_run()
        assert report.published == [] and len(report.failed) == 1
        article.refresh_from_db()
        assert article.status == Status.IN_REVIEW and article.publish_at is not None

    def test_an_item_another_run_just_published_is_skipped(self, clock, moderator):
        article = scheduled(moderator)
        clock.move(hours=2)
        scheduled_run()
        # A second server read the candidates before the first committed: under the lock it is no longer due.
        report = scheduled_run()
        done: list[str] = []
        _carry_out(Article, article.pk, due_to_publish_q(clock.now), lambda item: pytest.fail("ran twice"), done,
                   report)
        assert done == [] and publish_events(article) == 1

    def test_schedule_validation_in_the_action(self, clock, moderator):
        article = in_review()
        with pytest.raises(ValidationError):
            content_schedule(item=article, moderator=moderator, publish_at=START, archive_at=None)
        with pytest.raises(PermissionDenied):
            content_schedule(item=article, moderator=UserFactory(), publish_at=START.replace(day=9), archive_at=None)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIP LOCKED is PostgreSQL's")
def test_a_row_another_server_holds_is_skipped_not_waited_for(clock, moderator):
    article = scheduled(moderator)
    clock.move(hours=2)
    locked, release = threading.Event(), threading.Event()

    def other_server() -> None:
        try:
            with transaction.atomic():
                list(Article.objects.select_for_update().filter(pk=article.pk))
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=other_server)
    thread.start()
    try:
        assert locked.wait(10)
        assert scheduled_run().published == []  # returns at once, leaving the row to the other server
    finally:
        release.set()
        thread.join()
    assert len(scheduled_run().published) == 1


@pytest.mark.parametrize("factory", [ArticleFactory, QuestionFactory, TrialFactory])
def test_scheduled_items_has_a_constant_query_count(clock, moderator, django_assert_num_queries, factory):
    def schedule(count: int) -> None:
        for _ in range(count):
            scheduled(moderator, factory, publish_at=START.replace(day=5))

    schedule(3)
    with CaptureQueriesContext(connection) as baseline:
        assert len(scheduled_items()) == 3
    schedule(27)
    with django_assert_num_queries(len(baseline.captured_queries)):
        rows = scheduled_items()
        assert len(rows) == 30
        assert {row.what for row in rows} == {"publish"} and rows[0].item.scheduled_by.username == "moderator"


def test_an_item_the_review_gate_refuses_cannot_be_approved_for_later(clock, moderator):
    """Scheduling is approving: the run at publish_at must not be the first to find the medical review missing."""
    article = in_review(reviewer_name="", reviewer_credentials="")
    with pytest.raises(ValidationError, match="no medical reviewer"):
        content_schedule(item=article, moderator=moderator, publish_at=START.replace(day=2), archive_at=None)
    article.refresh_from_db()
    assert article.publish_at is None and article.scheduled_by is None
