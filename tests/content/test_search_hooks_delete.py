"""Deleting a published item (admin, superuser) removes it from the search index too."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from portal.actions.delete import content_delete
from portal.actions.publish import content_publish
from portal.content.search.models import SearchEntry
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def published_article(moderator):
    article = ArticleFactory(status="in_review", title="Kyverna explainer to delete")
    content_publish(item=article, moderator=moderator)
    return article


def test_superuser_bulk_delete_drops_the_search_entry(client, moderator):
    article = published_article(moderator)
    assert SearchEntry.objects.filter(object_id=article.pk).exists()
    client.force_login(UserFactory(is_staff=True, is_superuser=True, username="root"))
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "post": "yes", ACTION_CHECKBOX_NAME: [article.pk]},
    )
    assert not type(article).objects.filter(pk=article.pk).exists()
    assert not SearchEntry.objects.filter(object_id=article.pk).exists()


def test_moderator_cannot_delete(moderator):
    article = published_article(moderator)
    with pytest.raises(PermissionDenied):
        content_delete(item=article, user=moderator)
    assert SearchEntry.objects.filter(object_id=article.pk).exists()
