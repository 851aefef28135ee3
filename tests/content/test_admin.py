"""The moderators' admin: queue, bulk actions through the services, preview, history, permissions."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from portal.actions import save
from portal.actions.publish import content_publish
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.models import ModerationEvent, Status
from portal.content.search.models import SearchEntry
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory

pytestmark = pytest.mark.django_db

ADMINS = {
    "articles_article": ArticleFactory,
    "faq_question": QuestionFactory,
    "trials_trial": TrialFactory,
}


def changelist(name: str) -> str:
    return reverse(f"admin:{name}_changelist")


@pytest.mark.parametrize("name", ADMINS)
def test_moderator_bulk_publishes_through_the_service(moderator_client, moderator, name):
    items = ADMINS[name].create_batch(2, status=Status.IN_REVIEW, published_at=None)
    response = moderator_client.post(
        changelist(name), {"action": "publish", ACTION_CHECKBOX_NAME: [i.pk for i in items]}, follow=True
    )
    assert response.status_code == 200
    for item in items:
        item.refresh_from_db()
        assert item.status == Status.PUBLISHED and item.published_at is not None
    assert ModerationEvent.objects.filter(actor=moderator, to_status=Status.PUBLISHED).count() == 2


@pytest.mark.parametrize("name", ADMINS)
def test_editor_cannot_publish_with_a_bulk_action(editor_client, name):
    item = ADMINS[name](status=Status.IN_REVIEW)
    page = editor_client.get(changelist(name)).content.decode()
    assert 'value="publish"' not in page
    assert 'value="submit_for_review"' in page
    editor_client.post(changelist(name), {"action": "publish", ACTION_CHECKBOX_NAME: [item.pk]})
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW


def test_editor_cannot_publish_by_posting_the_status_field(editor_client, editor):
    article = ArticleFactory(status=Status.DRAFT, author=editor, tags=["car-t"])
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": "Changed summary",
        "body": article.body,
        "tags": "car-t",
        "status": Status.PUBLISHED,
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "content-moderationevent-content_type-object_id-TOTAL_FORMS": "0",
        "content-moderationevent-content_type-object_id-INITIAL_FORMS": "0",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.summary == "Changed summary"
    assert article.status == Status.DRAFT


def test_admin_edit_of_a_published_item_leaves_the_index_until_its_draft_is_published(
    moderator_client, editor, moderator, monkeypatch
):
    # The edit is a pending draft (tests/content/test_revisions.py): the index changes on publication, once.
    article = ArticleFactory(status=Status.IN_REVIEW, author=editor, tags=["car-t"])
    content_publish(item=article, moderator=moderator)
    calls = []
    real_update = save.search_index_update
    monkeypatch.setattr(save, "search_index_update", lambda item: calls.append(item.pk) or real_update(item))
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "tags": "car-t, whales",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "content-moderationevent-content_type-object_id-TOTAL_FORMS": "0",
        "content-moderationevent-content_type-object_id-INITIAL_FORMS": "0",
    }
    response = moderator_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert calls == []
    assert "whales" not in SearchEntry.objects.get(object_id=article.pk).tags
    content_submit(item=article, user=editor)
    content_publish(item=article, moderator=moderator)
    assert "whales" in SearchEntry.objects.get(object_id=article.pk).tags


def test_send_back_asks_for_a_comment_then_records_it(moderator_client):
    article = ArticleFactory(status=Status.IN_REVIEW)
    url = changelist("articles_article")
    first = moderator_client.post(url, {"action": "send_back", ACTION_CHECKBOX_NAME: [article.pk]})
    assert first.status_code == 200
    assert "What needs to change?" in first.content.decode()
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    moderator_client.post(
        url, {"action": "send_back", "apply": "1", "comment": "Add a source.", ACTION_CHECKBOX_NAME: [article.pk]}
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert ModerationEvent.objects.get(to_status=Status.DRAFT).comment == "Add a source."


def test_history_is_shown_on_the_item(moderator_client, moderator):
    article = ArticleFactory(status=Status.IN_REVIEW)
    content_send_back(item=article, moderator=moderator, comment="Needs dates on every claim")
    page = moderator_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Moderation history" in page
    assert "Needs dates on every claim" in page


def test_admin_index_shows_review_queue_counts(moderator_client):
    ArticleFactory.create_batch(2, status=Status.IN_REVIEW)
    page = moderator_client.get(reverse("admin:index")).content.decode()
    assert "Review queue" in page
    assert f"{changelist('articles_article')}?status__exact=in_review" in page


def test_review_queue_filter_lists_only_items_in_review(moderator_client):
    ArticleFactory(status=Status.IN_REVIEW, title="Waiting for review")
    ArticleFactory(status=Status.DRAFT, title="Still a draft")
    page = moderator_client.get(changelist("articles_article") + "?status__exact=in_review").content.decode()
    assert "Waiting for review" in page and "Still a draft" not in page


@pytest.mark.parametrize("name", ADMINS)
def test_changelist_query_count_does_not_grow(moderator_client, django_assert_num_queries, name):
    ADMINS[name].create_batch(3, tags=["a", "b"])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as baseline:
        moderator_client.get(changelist(name))
    ADMINS[name].create_batch(27, tags=["a", "b"])
    with django_assert_num_queries(len(baseline.captured_queries)):
        assert moderator_client.get(changelist(name)).status_code == 200


class TestPreview:
    def url(self, item) -> str:
        opts = item._meta
        return reverse("preview", args=[opts.app_label, opts.model_name, item.pk])

    @pytest.mark.parametrize("factory", ADMINS.values())
    def test_staff_editor_previews_a_draft_as_the_public_would_see_it(self, editor_client, factory):
        item = factory(status=Status.DRAFT, title="Draft to preview")
        response = editor_client.get(self.url(item))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Draft to preview" in html and "Preview:" in html

    def test_anonymous_visitor_cannot_preview(self, client):
        item = ArticleFactory(status=Status.DRAFT)
        response = client.get(self.url(item))
        assert response.status_code == 302
        assert "Draft" not in response.content.decode()

    def test_signed_in_member_without_staff_cannot_preview(self, client, user):
        client.force_login(user)
        assert client.get(self.url(ArticleFactory(status=Status.DRAFT))).status_code == 403

    def test_preview_of_non_content_model_is_404(self, editor_client, editor):
        assert editor_client.get(reverse("preview", args=["accounts", "user", editor.pk])).status_code == 404


def test_admin_index_review_queue_counts_new_reader_questions(moderator_client):
    from tests.factories import SubmissionFactory

    SubmissionFactory.create_batch(2)
    page = moderator_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:faq_submission_changelist") + "?state__exact=received" in page
    assert "Reader questions waiting" in page


def test_sources_inline_inputs_have_their_own_labels(moderator_client):
    from tests.factories import SourceFactory

    article = ArticleFactory(status=Status.DRAFT)
    SourceFactory(article=article)
    html = moderator_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    labels = ("Title, source 1", "Address, source 1", "Position, source 1", "Delete, source 1", "Title, source new")
    for label in labels:
        assert f'aria-label="{label}"' in html


def test_select_all_column_header_has_text(moderator_client):
    ArticleFactory()
    html = moderator_client.get(changelist("articles_article")).content.decode()
    assert '<span class="visually-hidden">Select</span>' in html
