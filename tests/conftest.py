from __future__ import annotations

import importlib

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _test_cache(settings):
    """An empty cache per test: in-process (locmem), or the Redis that DJANGO_CACHE names (CI runs the page
    cache and rate-limit tests so). The page cache is off unless a test turns it on (`page_cache`)."""
    if not settings.CACHE_URL.startswith("redis"):
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE = False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache(settings):
    """Turns the anonymous page cache on for one test."""
    settings.PAGE_CACHE = True


def staff_group(name: str) -> Group:
    """The group from the data migration; re-created the same way if a transactional test flushed it."""
    if not Group.objects.filter(name=name).exists():
        from django.apps import apps

        groups_migration = importlib.import_module("portal.content.migrations.0002_editor_and_moderator_groups")
        groups_migration.create_groups(apps, None)
    return Group.objects.get(name=name)


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def editor(db):
    user = UserFactory(is_staff=True, username="editor")
    user.groups.add(staff_group("Editors"))
    return user


@pytest.fixture
def moderator(db):
    user = UserFactory(is_staff=True, username="moderator")
    user.groups.add(staff_group("Moderators"))
    return user


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def moderator_client(moderator) -> Client:
    client = Client()
    client.force_login(moderator)
    return client
