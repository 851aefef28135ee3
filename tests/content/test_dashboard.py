"""The editorial dashboard on the admin home: what to do next, in a fixed number of queries."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from faq.models import SubmissionState
from portal.actions.drafts import content_save_draft
from portal.actions.schedule import content_schedule
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.models import ModerationEvent, Status
from portal.content.search.models import FailedSearch
from tests.factories import ArticleFactory, QuestionFactory, SubmissionFactory, TrialFactory
from trials.evidence import evidence_flags_record
from trials.models import ChangeField, TrialChange

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def board(client) -> dict:
    return client.get(INDEX).context["dashboard"]


def titles(rows) -> list[str]:
    return [row["title"] for row in rows]


def send_back(item, author, moderator, comment):
    content_submit(item=item, user=author)
    content_send_back(item=item, moderator=moderator, comment=comment)


def test_my_drafts_lists_only_my_drafts(editor_client, editor):
    ArticleFactory(status=Status.DRAFT, author=editor, title="My article draft")
    QuestionFactory(status=Status.DRAFT, author=editor, title="My FAQ draft")
    ArticleFactory(status=Status.DRAFT, title="Someone else's draft")
    ArticleFactory(status=Status.IN_REVIEW, author=editor, title="Mine but in review")
    assert sorted(titles(board(editor_client)["my_drafts"])) == ["My FAQ draft", "My article draft"]


def test_sent_back_to_me_shows_the_latest_comment_until_resubmitted(editor_client, editor, moderator):
    article = ArticleFactory(status=Status.DRAFT, author=editor, title="Needs work")
    send_back(article, editor, moderator, "First: add a source.")
    send_back(article, editor, moderator, "Second: date every claim.")
    ArticleFactory(status=Status.DRAFT, author=editor, title="Never submitted")
    (row,) = board(editor_client)["sent_back"]
    assert (row["title"], row["comment"], row["by"]) == ("Needs work", "Second: date every claim.", "moderator")
    html = editor_client.get(INDEX).content.decode()
    assert "Second: date every claim." in html and "First: add a source." not in html
    content_submit(item=article, user=editor)
    assert board(editor_client)["sent_back"] == []


def test_waiting_for_review_is_oldest_first_with_its_age(moderator_client):
    newer = ArticleFactory(status=Status.IN_REVIEW, title="Submitted today")
    older = QuestionFactory(status=Status.IN_REVIEW, title="Submitted three days ago")
    ModerationEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(older), object_id=older.pk, to_status=Status.IN_REVIEW
    ).update(
        created_at=timezone.now() - datetime.timedelta(days=3, minutes=5)
    )
    ArticleFactory(status=Status.DRAFT, title="A draft")
    rows = board(moderator_client)["waiting"]
    assert titles(rows) == [older.title, newer.title]
    assert rows[0]["age"] == "3\xa0days"
    assert "waiting 3\xa0days" in moderator_client.get(INDEX).content.decode()


def test_waiting_for_review_includes_changes_to_a_published_page(moderator_client, editor):
    """An edit of a published page waits as its pending draft; once submitted, moderators see it here."""
    live = ArticleFactory(status=Status.PUBLISHED, title="Live title")
    live.summary = "A corrected summary, waiting for approval."
    content_save_draft(item=live, user=editor)
    assert titles(board(moderator_client)["waiting"]) == []  # a draft, not yet submitted
    content_submit(item=live, user=editor)
    rows = board(moderator_client)["waiting"]
    assert titles(rows) == ["Live title"]
    assert "changes to the published page" in moderator_client.get(INDEX).content.decode()


def test_reader_questions_by_state_with_links(editor_client):
    SubmissionFactory.create_batch(2)
    SubmissionFactory(state=SubmissionState.DECLINED)
    rows = {row["label"]: row for row in board(editor_client)["questions"]}
    assert rows["Received"]["count"] == 2 and rows["Declined"]["count"] == 1 and rows["In review"]["count"] == 0
    assert rows["Received"]["url"] == reverse("admin:faq_submission_changelist") + "?state__exact=received"


def change(trial, when, old="RECRUITING", new="ACTIVE_NOT_RECRUITING"):
    return TrialChange.objects.create(
        trial=trial, field=ChangeField.OVERALL_STATUS, old_value=old, new_value=new, changed_at=when
    )


def test_trial_changes_since_i_last_looked_and_mark_as_seen(editor_client, editor):
    trial = TrialFactory(title="KYV-101 in MS")
    first = change(trial, timezone.now() - datetime.timedelta(days=2))
    rows = board(editor_client)["trial_changes"]["rows"]
    assert [row["change"] for row in rows] == [first]
    assert "KYV-101 in MS" in editor_client.get(INDEX).content.decode()

    until = board(editor_client)["trial_changes"]["until"]
    response = editor_client.post(reverse("admin:trial_changes_seen"), {"until": until})
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.trial_changes_seen_at == first.changed_at
    assert board(editor_client)["trial_changes"]["rows"] == []

    later = change(trial, timezone.now(), old="ACTIVE_NOT_RECRUITING", new="COMPLETED")
    assert [row["change"] for row in board(editor_client)["trial_changes"]["rows"]] == [later]


def test_mark_as_seen_from_an_older_page_does_not_move_the_mark_back(editor_client, editor):
    now = timezone.now()
    editor_client.post(reverse("admin:trial_changes_seen"), {"until": now.isoformat()})
    editor_client.post(reverse("admin:trial_changes_seen"), {"until": (now - datetime.timedelta(days=1)).isoformat()})
    editor.refresh_from_db()
    assert editor.trial_changes_seen_at == now


def test_mark_as_seen_is_post_only(editor_client):
    assert editor_client.get(reverse("admin:trial_changes_seen")).status_code == 405


def test_searches_that_found_nothing(admin_client):
    FailedSearch.objects.create(query="zzqxv", day=timezone.localdate(), count=4)
    FailedSearch.objects.create(query="ancient", day=timezone.localdate() - datetime.timedelta(days=60), count=9)
    rows = board(admin_client)["failed_searches"]["rows"]
    assert rows == [{"query": "zzqxv", "total": 4}]


def test_searches_need_the_view_permission(editor_client, editor):
    assert board(editor_client)["failed_searches"] is None
    editor.user_permissions.add(Permission.objects.get(codename="view_failedsearch"))
    assert board(editor_client)["failed_searches"] is not None


def test_admin_home_names_taggit_tags(admin_client):
    html = admin_client.get(INDEX).content.decode()
    assert ">Tags<" in html and "Taggit" not in html and "TAGGIT" not in html


def test_slots_for_other_lists_are_in_the_template(admin_client, monkeypatch):
    from portal.admin_site import PortalAdminSite

    monkeypatch.setattr(PortalAdminSite, "review_due", lambda self, request: [{"title": "Due item", "url": ""}])
    html = admin_client.get(INDEX).content.decode()
    assert "Due for medical review" in html and "Due item" in html


def test_scheduled_review_due_and_outdated_lists(moderator_client, moderator):
    article = ArticleFactory(status=Status.IN_REVIEW, published_at=None, title="Goes live on Friday")
    content_schedule(
        item=article, moderator=moderator, publish_at=timezone.now() + datetime.timedelta(days=2), archive_at=None
    )
    ArticleFactory(title="Reviewed long ago", last_reviewed=datetime.date(2020, 5, 4))
    faq = QuestionFactory(title="Linked FAQ", last_reviewed=timezone.localdate())
    trial = TrialFactory(title="KYV-101 study")
    faq.related_trials.add(trial)
    recorded = TrialChange.objects.create(
        trial=trial, field=ChangeField.OVERALL_STATUS, old_value="RECRUITING", new_value="COMPLETED"
    )
    evidence_flags_record(trial=trial, changes=[recorded])
    data = board(moderator_client)
    assert [(row["title"], row["note"][:10]) for row in data["scheduled"]] == [
        ("Article: Goes live on Friday", "goes live ")
    ]
    assert ("Article: Reviewed long ago", "review due since 4 May 2021") in [
        (row["title"], row["note"]) for row in data["review_due"]
    ]
    assert data["outdated"] == [
        {
            "title": "Linked FAQ",
            "url": reverse("admin:faq_question_change", args=[faq.pk]),
            "note": f"May be outdated: KYV-101 study: recruitment status changed from Recruiting to Completed on "
            f"{date_format(recorded.when, 'j F Y')}",
        }
    ]
    html = moderator_client.get(INDEX).content.decode()
    assert "Goes live on Friday" in html and "Reviewed long ago" in html and "Linked FAQ" in html


def make_items(n: int, editor, moderator) -> None:
    for _ in range(n):
        scheduled = ArticleFactory(status=Status.IN_REVIEW, published_at=None, last_reviewed=datetime.date(2020, 1, 1))
        content_schedule(
            item=scheduled, moderator=moderator, publish_at=timezone.now() + datetime.timedelta(days=1), archive_at=None
        )
        ArticleFactory(last_reviewed=datetime.date(2020, 1, 1))
        linked = TrialFactory()
        QuestionFactory().related_trials.add(linked)
        grown = TrialChange.objects.create(trial=linked, field=ChangeField.ENROLLMENT, old_value=10, new_value=20)
        evidence_flags_record(trial=linked, changes=[grown])
        ArticleFactory(status=Status.DRAFT, author=editor, tags=["a"])
        send_back(QuestionFactory(status=Status.DRAFT, author=editor), editor, moderator, "Fix it")
        ArticleFactory(status=Status.IN_REVIEW)
        TrialFactory(status=Status.IN_REVIEW)
        SubmissionFactory()
        change(TrialFactory(), timezone.now())
    FailedSearch.objects.create(query=f"nothing {n}", day=timezone.localdate(), count=n)


def test_dashboard_query_count_does_not_grow(client, editor, moderator, django_assert_num_queries):
    editor.user_permissions.add(Permission.objects.get(codename="view_failedsearch"))
    client.force_login(editor)
    make_items(3, editor, moderator)
    with CaptureQueriesContext(connection) as baseline:
        assert client.get(INDEX).status_code == 200
    make_items(27, editor, moderator)
    with django_assert_num_queries(len(baseline.captured_queries)):
        assert client.get(INDEX).status_code == 200
