"""The admin under the strict Content-Security-Policy: its own scripts run, nothing is blocked."""

from __future__ import annotations

import os

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.data import build_site_content

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db):
    cache.clear()
    return build_site_content()


def test_admin_scripts_work_under_the_policy(browser, live_server, site, log_in):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    log_in(page, site.moderator)

    response = page.goto(reverse("admin:articles_article_add"))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "camera=()" in response.headers["permissions-policy"]
    page.locator("#id_title").press_sequentially("Prepopulated by the admin's own script")
    expect(page.locator("#id_slug")).to_have_value("prepopulated-by-the-admins-own-script")  # prepopulate.js
    expect(page.locator(".datetimeshortcuts").first).to_be_visible()  # DateTimeShortcuts.js added "Today"

    page.goto(reverse("admin:articles_article_changelist"))
    page.locator("input.action-select").first.check()
    expect(page.locator(".action-counter")).to_contain_text("1 of")  # actions.js
    page.goto(reverse("admin:articles_article_change", args=[site.in_review.pk]))
    expect(page.locator("#id_title")).to_have_value(site.in_review.title)
    context.close()
    assert not problems, problems
