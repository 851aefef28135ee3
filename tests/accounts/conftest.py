from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import Client

from portal.content.selectors import content_models
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth keeps its rate-limit counters in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def make_member(**kwargs):
    user = UserFactory(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def member(db):
    return make_member()


@pytest.fixture
def other_member(db):
    return make_member()


@pytest.fixture
def member_client(member) -> Client:
    client = Client()
    client.force_login(member)
    return client


@pytest.fixture
def content_types(db) -> dict[str, ContentType]:
    """Warm ContentType's cache so query counts do not depend on test order."""
    return {model._meta.model_name: ContentType.objects.get_for_model(model) for model in content_models()}
