from __future__ import annotations

import importlib

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory

# One set of browser fixtures (one session browser) for tests/browser and tests/security.
pytest_plugins = ["tests.browser.fixtures"]

# Fast to hash; also for data built once per module (before `_test_settings` applies), whose
# passwords the tests must be able to check.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS
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


# The data migrations that create the staff groups and then grant them more permissions, in order.
GROUP_MIGRATIONS = [
    ("portal.content.migrations.0002_editor_and_moderator_groups", "create_groups"),
    ("faq.migrations.0003_submission_permissions", "grant"),
    ("portal.glossary.migrations.0002_glossary_permissions", "grant"),
]


def staff_group(name: str) -> Group:
    """The group from the data migrations; re-created the same way if a transactional test flushed it
    (all of them: the reader-question and glossary permissions come from later migrations)."""
    if not Group.objects.filter(name=name).exists():
        from django.apps import apps

        # The migrations set `models_module = None` on every app config they are given, harmless on a
        # migration's historical apps but not on the real registry: without it, later flushes re-create
        # no content types or permissions and Django's test serialisation sees no models. Put it back.
        models_modules = {config: config.models_module for config in apps.get_app_configs()}
        try:
            for module, function in GROUP_MIGRATIONS:
                getattr(importlib.import_module(module), function)(apps, None)
        finally:
            for config, module in models_modules.items():
                config.models_module = module
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
