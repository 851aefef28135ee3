"""The content generation: bumped after the commit of every change the public can see, never before."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction

from portal.actions.archive import content_archive
from portal.actions.delete import content_delete
from portal.actions.publish import content_publish
from portal.actions.save import content_changed, content_save
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.cache import GENERATION_KEY, bump_content_generation, content_generation
from portal.content.models import Status
from tests.factories import ArticleFactory, CategoryFactory, QuestionFactory, TrialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[ArticleFactory, QuestionFactory, TrialFactory], ids=["article", "faq", "trial"])
def factory(request):
    return request.param


def generation() -> int:
    return content_generation()[0]


def test_bump_increments_by_one_and_moves_the_timestamp():
    before, changed_at = content_generation()
    assert bump_content_generation() == before + 1
    after, changed_again = content_generation()
    assert after == before + 1
    assert changed_again >= changed_at


def test_a_lost_generation_restarts_above_every_earlier_number():
    for _ in range(3):
        bump_content_generation()
    old = generation()
    cache.delete(GENERATION_KEY)
    assert generation() > old


def test_bump_starts_a_missing_generation():
    cache.clear()
    assert bump_content_generation() == generation()


def test_publish_bumps_only_once_committed(factory, moderator, django_capture_on_commit_callbacks):
    item = factory(status=Status.IN_REVIEW, published_at=None)
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        content_publish(item=item, moderator=moderator)
        assert generation() == before  # Not yet committed: a reader must still see the old number.
    assert generation() > before


def test_rolled_back_publish_does_not_bump(moderator, django_capture_on_commit_callbacks):
    item = ArticleFactory(status=Status.IN_REVIEW)
    before = generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            content_publish(item=item, moderator=moderator)
            raise RuntimeError("rolled back")
    assert callbacks == []
    assert generation() == before


def _edit_submit_publish(item, moderator, *, tags):
    content_save(item=item, user=moderator, tags=tags)
    content_submit(item=item, user=moderator)
    content_publish(item=item, moderator=moderator)


@pytest.mark.parametrize(
    ("write", "bumps"),
    [
        (lambda item, mod: content_archive(item=item, moderator=mod), True),
        (lambda item, mod: content_send_back(item=item, moderator=mod, comment="Fix it."), True),
        # A published item's edit is a pending draft: nothing public changes until it is published.
        (lambda item, mod: content_save(item=item, user=mod, tags=["new-tag"]), False),
        (lambda item, mod: _edit_submit_publish(item, mod, tags=["new-tag"]), True),
        (lambda item, mod: content_changed(item=item), True),
    ],
    ids=["archive", "send-back", "tag-change-draft", "tag-change-published", "edited"],
)
def test_changes_to_a_published_item_bump(factory, moderator, django_capture_on_commit_callbacks, write, bumps):
    item = factory(status=Status.PUBLISHED)
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        write(item, moderator)
    assert (generation() > before) is bumps


def test_unpublished_changes_do_not_bump(editor, django_capture_on_commit_callbacks):
    item = ArticleFactory(status=Status.DRAFT)
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        content_save(item=item, user=editor, tags=["x"])
        content_submit(item=item, user=editor)
    assert generation() == before


def test_delete_bumps(django_capture_on_commit_callbacks):
    from tests.factories import UserFactory

    item = ArticleFactory(status=Status.PUBLISHED)
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        content_delete(item=item, user=UserFactory(is_superuser=True))
    assert generation() > before


def test_registry_refresh_that_changes_a_published_trial_bumps(moderator, django_capture_on_commit_callbacks):
    from tests.trials.helpers import changed, study
    from trials.models import Trial
    from trials.registry.parse import parse_study
    from trials.sync import trial_import

    trial_import(parsed=parse_study(study()))
    content_submit(item=Trial.objects.get(), user=moderator)
    content_publish(item=Trial.objects.get(), moderator=moderator)
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        trial_import(parsed=parse_study(study()))  # unchanged: no bump
    assert generation() == before
    with django_capture_on_commit_callbacks(execute=True):
        trial_import(parsed=parse_study(changed(study(), overallStatus="RECRUITING")))
    assert generation() > before


def test_category_change_in_the_admin_bumps(moderator, django_capture_on_commit_callbacks):
    from django.contrib.admin.sites import site
    from django.test import RequestFactory

    from faq.models import Category

    category = CategoryFactory(name="Safety")
    category.name = "Safety and side effects"
    before = generation()
    request = RequestFactory().post("/")
    request.user = moderator
    with django_capture_on_commit_callbacks(execute=True):
        site._registry[Category].save_model(request, category, None, True)
    assert generation() > before


def test_a_value_kept_for_a_generation_is_computed_again_after_a_bump(django_assert_num_queries):
    from portal.content.cache import bump_content_generation, cached_for_generation

    calls = []

    def compute():
        calls.append(1)
        return {"n": len(calls)}

    assert cached_for_generation("test:value", compute, timeout=60) == {"n": 1}
    assert cached_for_generation("test:value", compute, timeout=60) == {"n": 1}  # kept
    bump_content_generation()
    assert cached_for_generation("test:value", compute, timeout=60) == {"n": 2}  # never stale


def test_popular_tags_follow_publishing():
    from portal.content.search.selectors import popular_tags
    from tests.factories import ArticleFactory

    ArticleFactory(tags=["fatigue"])
    assert [t["tag__slug"] for t in popular_tags()] == ["fatigue"]
    from portal.content.cache import bump_content_generation

    ArticleFactory(tags=["vision"])
    ArticleFactory(tags=["vision"])
    bump_content_generation()  # what the publish action does after its commit
    assert [t["tag__slug"] for t in popular_tags()] == ["vision", "fatigue"]
