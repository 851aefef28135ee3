"""Nothing unpublished reaches the public: tags only drafts use, titles changed after unpublishing,
and edits of a published item (pending drafts until published; tests/content/test_revisions.py)."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from portal.accounts.services import bookmark_create
from portal.actions.publish import content_publish
from portal.actions.save import content_save
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.drafts import pending_draft_for
from portal.content.models import ModerationEvent, Status
from tests.accounts.conftest import make_member
from tests.factories import ArticleFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client():
    client = Client()
    client.force_login(make_member())
    return client


def test_a_tag_only_drafts_use_has_no_public_page_and_cannot_be_followed(client, member_client):
    ArticleFactory(status=Status.DRAFT, published_at=None, tags=["secret-drug-name"])
    for url in ["/tags/secret-drug-name/", "/articles/tag/secret-drug-name/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "secret-drug-name" not in response.content.decode()
    assert member_client.get("/accounts/follow/tag/secret-drug-name/").status_code == 404
    assert member_client.post("/accounts/follow/tag/secret-drug-name/").status_code == 404


def test_a_tag_becomes_public_with_its_first_published_item(client, member_client):
    QuestionFactory(tags=["ocrelizumab"])
    assert client.get("/tags/ocrelizumab/").status_code == 200
    assert client.get("/articles/tag/ocrelizumab/").status_code == 200  # published FAQ uses it; no articles yet
    assert member_client.post("/accounts/follow/tag/ocrelizumab/").status_code == 302


def test_unknown_tags_are_404(client):
    assert client.get("/tags/nothing-here/").status_code == 404
    assert client.get("/articles/tag/nothing-here/").status_code == 404


def _unpublish_and_retitle(article, moderator, editor):
    content_send_back(item=article, moderator=moderator, comment="Needs an update")
    article.title = "Leaked draft title"
    content_save(item=article, user=editor)


def test_saved_items_and_export_show_the_title_from_when_it_was_last_published(moderator, editor):
    member = make_member()
    client = Client()
    client.force_login(member)
    article = ArticleFactory(title="Public title")
    bookmark_create(user=member, item=article)
    _unpublish_and_retitle(article, moderator, editor)

    html = client.get(reverse("accounts:bookmarks")).content.decode()
    assert "Public title" in html and "No longer available" in html
    assert "Leaked draft title" not in html
    export = json.loads(client.get(reverse("accounts:export")).content)
    assert [entry["title"] for entry in export["saved_items"]] == ["Public title"]
    assert "Leaked draft title" not in json.dumps(export)


def test_an_item_never_published_under_a_title_shows_as_no_longer_available(moderator, editor):
    member = make_member()
    article = ArticleFactory(title="Public title")
    bookmark_create(user=member, item=article)
    article.__class__.objects.filter(pk=article.pk).update(public_title="")  # e.g. unpublished before the field
    content_send_back(item=article, moderator=moderator, comment="Update")
    client = Client()
    client.force_login(member)
    html = client.get(reverse("accounts:bookmarks")).content.decode()
    assert "An item that is no longer available" in html and "Public title" not in html


def test_republishing_records_the_new_public_title(moderator, editor):
    article = ArticleFactory(title="First")
    _unpublish_and_retitle(article, moderator, editor)
    article.refresh_from_db()
    assert article.public_title == "First"
    content_publish(item=article, moderator=moderator)
    article.refresh_from_db()
    assert article.public_title == "Leaked draft title"


def test_an_editors_change_to_a_published_item_is_only_a_draft_through_the_service(editor):
    article = ArticleFactory(title="Reviewed title", body="Reviewed body")
    article.body = "Unreviewed change"
    content_save(item=article, user=editor)
    article.refresh_from_db()
    assert article.body == "Reviewed body"
    assert pending_draft_for(article).fields["body"] == "Unreviewed change"


def test_an_editors_change_to_a_published_item_in_the_admin_does_not_go_live(editor_client, client):
    article = ArticleFactory(title="Reviewed title", body="Reviewed body")
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    assert 'name="body"' in page.content.decode()
    response = editor_client.post(
        url,
        {
            "title": "Changed live",
            "slug": article.slug,
            "body": "Unreviewed",
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
            "content-moderationevent-content_type-object_id-TOTAL_FORMS": "0",
            "content-moderationevent-content_type-object_id-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == ("Reviewed title", "Reviewed body")
    assert "Unreviewed" not in client.get(article.get_absolute_url()).content.decode()


def test_after_a_send_back_the_editor_can_change_it_and_it_needs_review_again(editor, moderator):
    article = ArticleFactory(title="Reviewed title")
    content_send_back(item=article, moderator=moderator, comment="Please update the dates")
    article.body = "Updated"
    content_save(item=article, user=editor)
    article.refresh_from_db()
    assert article.status == Status.DRAFT and article.body == "Updated"
    assert ModerationEvent.objects.filter(to_status=Status.DRAFT).count() == 1


def test_moderators_correct_published_items_through_review(moderator):
    article = ArticleFactory(title="Typo titel")
    article.title = "Typo title"
    content_save(item=article, user=moderator)
    article.refresh_from_db()
    assert article.public_title == "Typo titel"
    content_submit(item=article, user=moderator)
    content_publish(item=article, moderator=moderator)
    article.refresh_from_db()
    assert article.public_title == "Typo title"
