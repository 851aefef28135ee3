from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from portal.accounts import services
from portal.accounts.models import Alert, Bookmark
from portal.content.models import Status
from tests.factories import ArticleFactory, TrialFactory
from trials.models import RecruitmentStatus, TrialFollow

pytestmark = pytest.mark.django_db


def test_database_allows_one_bookmark_per_member_and_item(member):
    article = ArticleFactory()
    services.bookmark_create(user=member, item=article)
    with pytest.raises(IntegrityError), transaction.atomic():
        Bookmark.objects.create(
            user=member, content_type=ContentType.objects.get_for_model(article), object_id=article.pk
        )


def test_saving_twice_returns_the_same_bookmark(member):
    article = ArticleFactory()
    first = services.bookmark_create(user=member, item=article)
    assert services.bookmark_create(user=member, item=article) == first


def test_bookmark_remembers_trial_status_when_saved(member):
    trial = TrialFactory(overall_status=RecruitmentStatus.NOT_YET_RECRUITING)
    assert services.bookmark_create(user=member, item=trial).saved_status == RecruitmentStatus.NOT_YET_RECRUITING


def test_drafts_cannot_be_saved_or_followed(member):
    with pytest.raises(ValidationError):
        services.bookmark_create(user=member, item=ArticleFactory(status=Status.DRAFT))
    with pytest.raises(ValidationError):
        services.trial_follow(user=member, trial=TrialFactory(status=Status.DRAFT))


def test_account_delete_keeps_content_the_member_wrote(member):
    article = ArticleFactory(author=member)
    services.bookmark_create(user=member, item=article)
    TrialFollow.objects.create(user=member, trial=TrialFactory())
    Alert.objects.create(user=member, change_key="k", title="t", summary="s", url="/")
    services.account_delete(user=member)
    article.refresh_from_db()
    assert article.author is None
    assert not Bookmark.objects.exists()
    assert not TrialFollow.objects.exists()
    assert not Alert.objects.exists()


def test_export_can_be_extended_by_other_apps(member, monkeypatch):
    monkeypatch.setitem(services.DATA_EXPORTERS, "extra", lambda user: [f"extra for {user.pk}"])
    data = services.account_export(user=member)
    assert data["extra"] == [f"extra for {member.pk}"]
    assert {"profile", "saved_items", "following"} <= data.keys()
