"""The buttons on an item's change page: which ones each person gets in each state, what each does,
the send-back comment typed inline, and the reviewer's comment shown at the top until resubmission."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.content.models import ModerationEvent, Status
from portal.glossary.services import VERSION_KEY
from tests.factories import ArticleFactory, QuestionFactory, TermFactory, TrialFactory

pytestmark = pytest.mark.django_db

FACTORIES = {"article": ArticleFactory, "faq": QuestionFactory, "trial": TrialFactory, "term": TermFactory}


def change_url(item) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def moderate_url(item, transition: str) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_moderate", args=[item.pk, transition])


def buttons(client, item) -> list[str]:
    """The transitions offered on the change page, in page order."""
    html = client.get(change_url(item)).content.decode()
    return re.findall(rf'action="{re.escape(reverse("admin:index"))}[^"]*/{item.pk}/moderate/([a-z_]+)/"', html)


def status_of(item) -> str:
    item.refresh_from_db()
    return item.status


@pytest.mark.parametrize("kind", FACTORIES)
@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.DRAFT, ["submit", "archive"]),
        (Status.IN_REVIEW, ["publish", "archive", "send_back"]),  # send back (with its comment box) comes last
        (Status.PUBLISHED, ["archive", "send_back"]),
        (Status.ARCHIVED, ["restore"]),
    ],
)
def test_moderator_gets_the_buttons_for_the_state(moderator_client, kind, status, expected):
    assert buttons(moderator_client, FACTORIES[kind](status=status)) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [(Status.DRAFT, ["submit"]), (Status.IN_REVIEW, []), (Status.PUBLISHED, []), (Status.ARCHIVED, [])],
)
def test_editor_gets_only_submit(editor_client, status, expected):
    assert buttons(editor_client, ArticleFactory(status=status)) == expected


def test_editor_submits_from_the_change_page(editor_client, editor):
    item = ArticleFactory(status=Status.DRAFT, author=editor)
    response = editor_client.post(moderate_url(item, "submit"), follow=True)
    assert response.redirect_chain[-1][0] == change_url(item)
    assert status_of(item) == Status.IN_REVIEW
    assert "is now in review" in response.content.decode()


@pytest.mark.parametrize("transition", ["send_back", "archive", "restore"])
def test_editor_cannot_post_moderator_transitions(editor_client, transition):
    item = ArticleFactory(status=Status.ARCHIVED if transition == "restore" else Status.IN_REVIEW)
    before = status_of(item)
    response = editor_client.post(moderate_url(item, transition), {"comment": "Fix it."}, follow=True)
    assert status_of(item) == before
    assert "Only moderators" in response.content.decode()


def test_send_back_asks_for_the_comment_inline(moderator_client):
    item = ArticleFactory(status=Status.IN_REVIEW)
    html = moderator_client.get(change_url(item)).content.decode()
    form = html.split("<details", 1)[1].split("</details>", 1)[0]
    assert f'action="{moderate_url(item, "send_back")}"' in form
    assert '<textarea name="comment"' in form and 'for="id_send_back_comment"' in form
    assert "csrfmiddlewaretoken" in form


def test_send_back_with_a_comment(moderator_client, moderator):
    item = ArticleFactory(status=Status.IN_REVIEW)
    response = moderator_client.post(moderate_url(item, "send_back"), {"comment": "  Add a source for the dose.  "},
                                     follow=True)
    assert status_of(item) == Status.DRAFT
    event = ModerationEvent.objects.filter(object_id=item.pk).first()
    assert (event.actor, event.comment) == (moderator, "Add a source for the dose.")
    assert "back in draft" in response.content.decode()


def test_send_back_without_a_comment_changes_nothing(moderator_client):
    item = ArticleFactory(status=Status.IN_REVIEW)
    response = moderator_client.post(moderate_url(item, "send_back"), {"comment": "  "}, follow=True)
    assert status_of(item) == Status.IN_REVIEW
    assert "Say what needs to change" in response.content.decode()


def test_archive_then_restore_to_draft(moderator_client):
    item = ArticleFactory(status=Status.PUBLISHED)
    moderator_client.post(moderate_url(item, "archive"))
    assert status_of(item) == Status.ARCHIVED
    response = moderator_client.post(moderate_url(item, "restore"), follow=True)
    assert status_of(item) == Status.DRAFT
    assert "is a draft again" in response.content.decode()


def test_restore_refuses_an_item_that_is_not_archived(moderator_client):
    item = ArticleFactory(status=Status.PUBLISHED)
    response = moderator_client.post(moderate_url(item, "restore"), follow=True)
    assert status_of(item) == Status.PUBLISHED
    assert "cannot become draft" in response.content.decode()


def test_term_button_runs_the_glossary_follow_up(moderator_client, django_capture_on_commit_callbacks):
    term = TermFactory(status=Status.IN_REVIEW)
    before = cache.get(VERSION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(moderate_url(term, "publish"))
    assert status_of(term) == Status.PUBLISHED
    assert cache.get(VERSION_KEY) not in (None, before)


def test_latest_reviewer_comment_is_at_the_top_until_resubmitted(moderator_client, editor_client, editor):
    item = ArticleFactory(status=Status.IN_REVIEW, author=editor)
    moderator_client.post(moderate_url(item, "send_back"), {"comment": "Please date the trial results."})
    html = editor_client.get(change_url(item)).content.decode()
    panel = html.split('class="moderation-panel"', 1)[1]
    assert panel.index("Please date the trial results.") < panel.index(f'id="{item._meta.model_name}_form"')
    assert "Sent back by moderator" in panel
    editor_client.post(moderate_url(item, "submit"))
    html = editor_client.get(change_url(item)).content.decode()
    assert "Sent back by" not in html


def test_change_page_query_count_does_not_grow_with_history(moderator_client):
    item = ArticleFactory(status=Status.IN_REVIEW)
    with CaptureQueriesContext(connection) as few:
        moderator_client.get(change_url(item))
    for _ in range(5):
        moderator_client.post(moderate_url(item, "send_back"), {"comment": "Again."})
        moderator_client.post(moderate_url(item, "submit"))
    with CaptureQueriesContext(connection) as many:
        moderator_client.get(change_url(item))
    assert len(few) > 0 and len(many) == len(few)


def test_published_item_with_a_draft_in_review_gets_publish(moderator_client, editor):
    from portal.actions.save import content_save
    from portal.actions.submit import content_submit

    item = ArticleFactory(status=Status.PUBLISHED, author=editor, body="Approved.")
    item.body = "Changed."
    content_save(item=item, user=editor)
    content_submit(item=item, user=editor)
    assert buttons(moderator_client, item) == ["publish", "archive", "send_back"]
    moderator_client.post(moderate_url(item, "publish"))
    item.refresh_from_db()
    assert (item.status, item.body) == (Status.PUBLISHED, "Changed.")
