from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from portal.content import services
from portal.content.models import ModerationEvent, Status
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[ArticleFactory, QuestionFactory, TrialFactory], ids=["article", "faq", "trial"])
def factory(request):
    return request.param


def test_editor_can_submit_draft_for_review(factory, editor):
    item = factory(status=Status.DRAFT)
    services.content_submit(item=item, user=editor)
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW


def test_editor_cannot_publish(factory, editor):
    item = factory(status=Status.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.content_publish(item=item, moderator=editor)
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW


def test_publish_sets_published_at_and_writes_history(factory, moderator):
    item = factory(status=Status.IN_REVIEW, published_at=None)
    services.content_publish(item=item, moderator=moderator)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.published_at is not None
    event = ModerationEvent.objects.get(object_id=item.pk, to_status=Status.PUBLISHED)
    assert (event.actor, event.from_status) == (moderator, Status.IN_REVIEW)


def test_send_back_needs_a_comment(factory, moderator):
    item = factory(status=Status.IN_REVIEW)
    with pytest.raises(ValidationError):
        services.content_send_back(item=item, moderator=moderator, comment="  ")
    services.content_send_back(item=item, moderator=moderator, comment="Please cite the registry.")
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert services.moderation_history(item).first().comment == "Please cite the registry."


def test_archive_hides_published_item(factory, moderator):
    item = factory(status=Status.PUBLISHED)
    services.content_archive(item=item, moderator=moderator)
    assert not type(item).objects.published().filter(pk=item.pk).exists()


def test_invalid_transition_is_refused(factory, moderator):
    item = factory(status=Status.ARCHIVED)
    with pytest.raises(ValidationError):
        services.content_publish(item=item, moderator=moderator)


def test_anonymous_cannot_do_anything(factory):
    item = factory(status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        services.content_submit(item=item, user=None)


def test_content_save_forces_new_items_to_draft(editor):
    from articles.models import Article

    article = Article(title="New explainer", status=Status.PUBLISHED)
    services.content_save(item=article, user=editor, tags=["car-t"])
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.author == editor
    assert [t.name for t in article.tags.all()] == ["car-t"]


def test_after_change_hooks_run_inside_the_transition(moderator):
    seen = []
    hook = services.register_after_change(lambda item: seen.append(item.status))
    try:
        services.content_publish(item=ArticleFactory(status=Status.IN_REVIEW), moderator=moderator)
    finally:
        services.AFTER_CHANGE_HOOKS.remove(hook)
    assert seen == [Status.PUBLISHED]
