from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from taggit.models import Tag

from portal.accounts.models import Alert, TagFollow
from portal.actions import publish
from portal.actions.archive import content_archive
from portal.actions.publish import content_publish
from portal.actions.save import content_save
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.models import ModerationEvent, Status
from portal.content.moderation import moderation_history
from portal.content.search.models import SearchEntry
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[ArticleFactory, QuestionFactory, TrialFactory], ids=["article", "faq", "trial"])
def factory(request):
    return request.param


def test_editor_can_submit_draft_for_review(factory, editor):
    item = factory(status=Status.DRAFT)
    content_submit(item=item, user=editor)
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW


def test_editor_cannot_publish(factory, editor):
    item = factory(status=Status.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        content_publish(item=item, moderator=editor)
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW


def test_publish_sets_published_at_and_writes_history(factory, moderator):
    item = factory(status=Status.IN_REVIEW, published_at=None)
    content_publish(item=item, moderator=moderator)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.published_at is not None
    event = ModerationEvent.objects.get(object_id=item.pk, to_status=Status.PUBLISHED)
    assert (event.actor, event.from_status) == (moderator, Status.IN_REVIEW)


def test_send_back_needs_a_comment(factory, moderator):
    item = factory(status=Status.IN_REVIEW)
    with pytest.raises(ValidationError):
        content_send_back(item=item, moderator=moderator, comment="  ")
    content_send_back(item=item, moderator=moderator, comment="Please cite the registry.")
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert moderation_history(item).first().comment == "Please cite the registry."


def test_archive_hides_published_item(factory, moderator):
    item = factory(status=Status.PUBLISHED)
    content_archive(item=item, moderator=moderator)
    assert not type(item).objects.published().filter(pk=item.pk).exists()


def test_invalid_transition_is_refused(factory, moderator):
    item = factory(status=Status.ARCHIVED)
    with pytest.raises(ValidationError):
        content_publish(item=item, moderator=moderator)


def test_anonymous_cannot_do_anything(factory):
    item = factory(status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        content_submit(item=item, user=None)


def test_content_save_forces_new_items_to_draft(editor):
    from articles.models import Article

    article = Article(title="New explainer", status=Status.PUBLISHED)
    content_save(item=article, user=editor, tags=["car-t"])
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.author == editor
    assert [t.name for t in article.tags.all()] == ["car-t"]


def test_publish_indexes_the_item_and_alerts_its_topic_followers(moderator):
    article = ArticleFactory(status=Status.IN_REVIEW)
    article.tags.add("car-t")
    follower = UserFactory()
    TagFollow.objects.create(user=follower, tag=Tag.objects.get(name="car-t"))
    content_publish(item=article, moderator=moderator)
    assert SearchEntry.objects.filter(object_id=article.pk, title=article.title).exists()
    alerts = list(Alert.objects.values_list("user", "change_key"))
    assert alerts == [(follower.pk, f"new:articles.article:{article.pk}")]


def test_publish_is_one_transaction_with_its_side_effects(moderator, monkeypatch):
    def broken(item):
        raise RuntimeError("alerts are down")

    monkeypatch.setattr(publish, "alert_record_new_item", broken)
    article = ArticleFactory(status=Status.IN_REVIEW)
    with pytest.raises(RuntimeError):
        content_publish(item=article, moderator=moderator)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert not ModerationEvent.objects.filter(to_status=Status.PUBLISHED).exists()
    assert not SearchEntry.objects.exists()


def test_send_back_and_archive_drop_the_search_entry(moderator):
    article = ArticleFactory(status=Status.IN_REVIEW)
    content_publish(item=article, moderator=moderator)
    content_send_back(item=article, moderator=moderator, comment="Add a source.")
    assert not SearchEntry.objects.exists()
    content_submit(item=article, user=moderator)
    content_publish(item=article, moderator=moderator)
    assert SearchEntry.objects.exists()
    content_archive(item=article, moderator=moderator)
    assert not SearchEntry.objects.exists()
