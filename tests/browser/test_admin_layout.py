"""The reader-question queue on a common laptop screen, and the question's page without JavaScript."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .chromium import DESKTOP
from .pages import assert_no_horizontal_overflow

pytestmark = pytest.mark.browser


def test_admin_reader_question_queue_is_not_cut_off_at_1366_px(new_page, log_in, site):
    page = new_page(DESKTOP, viewport={"width": 1366, "height": 768})
    log_in(page, site.moderator)
    page.goto(reverse("admin:faq_submission_changelist"))
    expect(page.get_by_text("Looks personal: answer in general terms")).to_be_visible()
    assert_no_horizontal_overflow(page)
    clipped = page.evaluate(
        "() => { const r = document.querySelector('.results'); return r.scrollWidth - r.clientWidth; }"
    )
    assert clipped <= 0, f"The queue table is {clipped}px wider than its box at 1366 px"


def test_admin_answer_preview_and_send_work_without_javascript(new_page, log_in, site):
    page = new_page(DESKTOP, java_script_enabled=False)
    log_in(page, site.moderator)
    page.goto(reverse("admin:faq_submission_change", args=[site.submission.pk]))
    page.get_by_role("link", name="Answer and send to review").click()
    page.get_by_role("textbox", name="Answer:").fill("Talk to your **MS team** first.")
    page.get_by_label("Category:").select_option(label="Treatment")
    page.get_by_role("button", name="Preview", exact=True).click()
    expect(page.locator("#answer-preview strong")).to_have_text("MS team")
    expect(page.get_by_role("textbox", name="Answer:")).to_have_value("Talk to your **MS team** first.")
    page.get_by_role("button", name="Answer and send to review").click()
    expect(page.get_by_text("A medical reviewer must approve it")).to_be_visible()


def test_admin_answer_preview_follows_typing_with_javascript(new_page, log_in, site):
    page = new_page(DESKTOP)
    log_in(page, site.moderator)
    page.goto(reverse("admin:faq_submission_answer", args=[site.submission.pk]))
    page.evaluate("window.samePage = true")
    with page.expect_response(lambda r: r.request.method == "POST" and "/answer/" in r.url):
        page.get_by_role("textbox", name="Answer:").fill("A **live** preview")
    expect(page.locator("#answer-preview strong")).to_have_text("live")
    assert page.evaluate("window.samePage === true"), "the page reloaded"
