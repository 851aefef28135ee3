""""Sign in to save" for a newcomer who opens the confirmation link in another browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .chromium import DESKTOP, MOBILE
from .data import PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("variant", [DESKTOP, MOBILE], ids=lambda v: v.name)
def test_newcomer_saves_a_trial_confirming_in_another_browser(new_page, site, mailoutbox, variant):
    page = new_page(variant)
    page.goto(site.trial.get_absolute_url())
    page.get_by_role("main").get_by_role("link", name=re.compile("^Sign in to save")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_role("main").get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    page.get_by_label("Email").fill("robin@example.org")
    page.get_by_label("Password (required)").fill(PASSWORD)
    page.get_by_label("Password (again) (required)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")

    # The link is opened on another device: no session there.
    link = re.search(r"https?://\S+/confirm-email/\S+", mailoutbox[-1].body).group()
    other = new_page(variant)
    other.goto(link)
    expect(other.get_by_role("heading", level=1)).to_have_text("Confirm your e-mail address")
    other.get_by_role("button", name="Confirm").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Sign in")
    other.get_by_label("Email").fill("robin@example.org")
    other.get_by_label("Password").fill(PASSWORD)
    other.get_by_role("main").get_by_role("button", name="Sign in").click()

    other.wait_for_url(f"**{site.trial.get_absolute_url()}")
    expect(other.get_by_role("heading", level=1)).to_have_text(site.trial.title)
    expect(other.get_by_role("status").filter(has_text=f"Saved “{site.trial.title}”")).to_be_visible()
    expect(other.get_by_role("main").get_by_text("Saved", exact=True)).to_be_visible()
