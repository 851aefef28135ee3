"""Playwright driving Debian's Chromium against pytest-django's live server: the fixtures of every browser test.

A plugin loaded once by tests/conftest.py (`pytest_plugins`), so tests/browser and tests/security share one
session browser: Playwright's sync API cannot start a second one while the first is open.

One browser per session, a fresh context (cookies, viewport, colour scheme) per test. The browser
is never downloaded: without /usr/bin/chromium every browser test fails and says how to get it.

The sample site is built once per test module and saved; every test starts from that saved state.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.browser.chromium import DARK, DESKTOP, MOBILE, ChromiumMissing, Variant, launch_chromium
from tests.browser.data import SiteContent, build_site_content
from tests.conftest import FAST_PASSWORD_HASHERS

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run in one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

TIMEOUT_MS = 10_000
# The most a page action (click, fill) and an expect() assertion wait for what they need. Tests wait for
# events (a response, a navigation, a focus change), never for a fixed time; this is only the ceiling.
expect.set_options(timeout=TIMEOUT_MS)


# Every journey runs once per variant (the `page` fixture is parametrised over these).
VARIANTS = [DESKTOP, MOBILE, DARK]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        try:
            browser = launch_chromium(playwright)
        except ChromiumMissing as exc:
            pytest.fail(str(exc), pytrace=False)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def saved_site(django_db_setup, django_db_blocker) -> tuple[SiteContent, str]:
    """The sample site, built once per module through the factories and services, and the whole
    database saved right after (Django's own test serialisation: every row of every table)."""
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS), django_db_blocker.unblock():
        site = build_site_content()
        return site, connection.creation.serialize_db_to_string()


@pytest.fixture
def site(saved_site, transactional_db) -> SiteContent:
    """The shared sample site (articles, FAQs, trials, one article in review, editor, moderator, member).

    Each test gets the database exactly as it was saved after building, whatever earlier tests in the
    module changed (journeys publish, save, sign up and ask): the tables are emptied (without Django's
    post-migrate re-creation of content types, which the saved rows bring back with their own ids) and
    the saved rows loaded again. The teardown flush of `transactional_db` then leaves the usual empty
    database for the next module. The cache is cleared too: allauth's and the question form's rate
    limits live there, and the database cache table outlives every flush."""
    built, saved = saved_site
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
    connection.creation.deserialize_db_from_string(saved)
    cache.clear()
    return copy.deepcopy(built)


@pytest.fixture
def new_page(browser, live_server) -> Iterator[Callable[..., Page]]:
    """Factory: `new_page(variant, **context_options)` opens a page in a fresh context on the live server.

    Every page opened this way fails the test at teardown if the browser logged an error (a CSP
    violation, a failed script or stylesheet, an uncaught exception).
    """
    contexts: list[tuple[BrowserContext, list[str]]] = []

    def open_page(variant: Variant = DESKTOP, **options) -> Page:
        context = browser.new_context(base_url=live_server.url, **{**variant.context_options(), **options})
        context.set_default_timeout(TIMEOUT_MS)
        errors: list[str] = []
        contexts.append((context, errors))
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(f"{page.url}: uncaught {exc}"))

        def on_console(msg) -> None:
            # A 404 page logs its own status as a failed resource: that one is expected.
            if msg.type == "error" and msg.location.get("url") != page.url:
                errors.append(f"{page.url}: {msg.text} ({msg.location.get('url')})")

        page.on("console", on_console)
        return page

    yield open_page
    for context, errors in contexts:
        context.close()
        assert not errors, f"Browser errors: {errors}"


@pytest.fixture(params=VARIANTS, ids=lambda v: v.name)
def variant(request) -> Variant:
    return request.param


@pytest.fixture
def page(new_page, variant) -> Page:
    """A fresh page for the current variant: tests using it run at desktop, 360 px mobile and dark."""
    return new_page(variant)


@pytest.fixture
def log_in(live_server) -> Callable[[Page, object], None]:
    """`log_in(page, user)` without the form (journeys type it; other tests only need the session)."""

    def add_session(page: Page, user) -> None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])

    return add_session
