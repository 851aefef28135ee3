"""The moderation panel at the top of an item's admin page: axe finds nothing in it (light and dark),
the send-back comment opens inline without JavaScript, and the reviewer's comment shows for the author."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from portal.actions.send_back import content_send_back

from .pages import AXE, WCAG_TAGS, settle

pytestmark = pytest.mark.browser


@pytest.fixture
def axe_page(browser, live_server, log_in):
    """A page for running axe: not `new_page`, whose error check would fail on the CSP reports that
    axe's own scripts (run through `evaluate`, no page URL) cause on the admin's change form."""
    context = browser.new_context(base_url=live_server.url)
    try:
        yield context.new_page()
    finally:
        context.close()


def panel_violations(page) -> list[str]:
    settle(page)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.axe_script)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("options => axe.run({include: [['.moderation-panel']]}, options)", options)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]]


def test_send_back_comment_opens_and_sends_without_javascript(new_page, log_in, site):
    page = new_page(java_script_enabled=False)
    log_in(page, site.moderator)
    page.goto(reverse("admin:articles_article_change", args=[site.in_review.pk]))
    panel = page.locator(".moderation-panel")
    panel.get_by_text("Send back to draft…").click()  # <details>: opens without JavaScript
    panel.get_by_label("What needs to change?").fill("Add the date of the results.")
    panel.get_by_role("button", name="Send back with this comment").click()
    expect(page.get_by_text("is back in draft")).to_be_visible()
    expect(page.get_by_role("note")).to_contain_text("Add the date of the results.")


def test_moderator_panel_passes_axe_with_the_comment_form_open(axe_page, log_in, site):
    page = axe_page
    log_in(page, site.moderator)
    page.goto(reverse("admin:articles_article_change", args=[site.in_review.pk]))
    panel = page.locator(".moderation-panel")
    panel.get_by_text("Send back to draft…").click()
    expect(panel.get_by_label("What needs to change?")).to_be_visible()
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert panel_violations(page) == [], scheme


def test_author_sees_the_comment_at_the_top_and_the_panel_passes_axe(axe_page, log_in, site):
    content_send_back(item=site.in_review, moderator=site.moderator, comment="Please date the trial results.")
    page = axe_page
    log_in(page, site.editor)
    page.goto(reverse("admin:articles_article_change", args=[site.in_review.pk]))
    note = page.get_by_role("note")
    expect(note).to_contain_text("Please date the trial results.")
    expect(page.get_by_role("button", name="Submit for review")).to_be_visible()
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert panel_violations(page) == [], scheme
