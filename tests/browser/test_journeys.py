"""Journeys: one test per thing a person comes to do, clicking and typing as they would.

Each journey takes the `page` fixture, so it runs at desktop width, at 360 px on a phone and in
dark mode (see `conftest.VARIANTS`); `arrive()` checks every page it reaches for sideways scrolling.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from faq.models import Submission

from .data import PASSWORD
from .pages import (
    assert_errors_announced,
    assert_focus_visible,
    assert_no_horizontal_overflow,
    focus_state,
    site_nav,
    tab_to,
    tab_to_link,
    wait_for_focus,
)

pytestmark = pytest.mark.browser


def arrive(page: Page, heading: str | re.Pattern) -> None:
    """The page a person lands on: the expected h1, and nothing wider than the window."""
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_no_horizontal_overflow(page)


def test_visitor_reads_follows_a_tag_filters_trials_and_searches(page, site):
    page.goto("/")
    arrive(page, "Multiple sclerosis research, explained calmly")

    page.get_by_role("link", name=site.article.title, exact=True).first.click()
    arrive(page, site.article.title)
    expect(page.get_by_text("Not medical advice: talk to your MS team.")).to_be_visible()

    page.get_by_role("main").get_by_role("list", name="Tags").get_by_role("link", name="CD19").click()
    arrive(page, "Everything tagged “CD19”")
    expect(page.get_by_role("link", name=site.trial.title, exact=True)).to_be_visible()

    site_nav(page, "Main").get_by_role("link", name="Trials").click()
    arrive(page, "Find a trial")
    expect(page.get_by_label("Recruitment status")).to_have_value("open")  # open trials by default
    expect(page.get_by_role("status")).to_contain_text("2 trials open to new participants")
    expect(page.get_by_role("link", name=site.trials[1].title, exact=True)).to_have_count(0)  # completed

    page.get_by_role("link", name="Show all trials, whatever their status").click()
    expect(page).to_have_url(re.compile(r"status=all"))
    expect(page.get_by_role("status")).to_contain_text("3 trials found")
    expect(page.get_by_role("link", name=site.trials[1].title, exact=True)).to_be_visible()

    page.get_by_label("Phase").select_option("PHASE2")
    page.get_by_role("button", name="Show trials").click()
    expect(page).to_have_url(re.compile(r"status=all&phase=PHASE2"))
    expect(page.get_by_role("status")).to_contain_text("1 trial found")
    expect(page.get_by_role("link", name=site.trial.title, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=site.trials[1].title, exact=True)).to_have_count(0)
    expect(page.get_by_label("Phase")).to_have_value("PHASE2")

    page.get_by_role("searchbox", name="Search the site").fill("KYV-101")
    page.get_by_role("search").first.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=KYV-101"))
    arrive(page, "Search results")
    page.get_by_role("main").get_by_role("link", name=site.trial.title, exact=True).click()
    arrive(page, site.trial.title)
    expect(page.get_by_text(site.trial.nct_id).first).to_be_visible()


def test_moderator_logs_in_reviews_previews_and_publishes(page, site, new_page, variant):
    item = site.in_review
    page.goto(reverse("admin:index"))
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.locator("#review-queue").get_by_role("link", name="Articles in review").click()
    expect(page).to_have_url(re.compile(r"status__exact=in_review"))
    assert_no_horizontal_overflow(page)
    page.get_by_role("link", name=item.title).click()

    with page.context.expect_page() as preview_opened:
        page.get_by_role("link", name="Preview as the public will see it").click()
    preview = preview_opened.value
    expect(preview.get_by_role("status").filter(has_text="Preview")).to_be_visible()
    expect(preview.get_by_role("heading", level=1)).to_have_text(item.title)
    assert_no_horizontal_overflow(preview)
    preview.close()

    page.go_back()
    page.get_by_role("row").filter(has_text=item.title).get_by_role("checkbox").check()
    page.get_by_role("combobox", name=re.compile("^Action")).select_option(label="Publish")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_text("1 item(s) published.")).to_be_visible()

    visitor = new_page(variant)
    visitor.goto(reverse("articles:list"))
    visitor.get_by_role("link", name=item.title, exact=True).click()
    arrive(visitor, item.title)
    expect(visitor.get_by_role("status")).to_have_count(0)  # no preview banner for the public


def press_and_wait(page: Page, key: str, url: str | re.Pattern) -> None:
    page.keyboard.press(key)
    page.wait_for_url(url)


def test_keyboard_only_visitor_journey(page, site):
    """Tab, Enter and Space (and typing) alone; focus is visible at every stop."""
    page.goto("/")
    page.keyboard.press("Tab")
    skip = assert_focus_visible(page)
    assert skip["label"] == "Skip to main content"
    page.keyboard.press("Enter")
    wait_for_focus(page, "() => document.activeElement.id === 'main'", "The skip link did not move focus to <main>")

    tab_to_link(page, site.article.title)
    press_and_wait(page, "Enter", f"**{site.article.get_absolute_url()}")
    arrive(page, site.article.title)

    tab_to_link(page, "CD19")
    press_and_wait(page, "Enter", "**/tags/cd19/")
    arrive(page, "Everything tagged “CD19”")

    if page.locator("details.menu > summary").is_visible():  # a phone: the menu button opens the navigation
        tab_to(page, lambda s: s["tag"] == "summary" and s["label"] == "Menu")
        page.keyboard.press("Enter")
    tab_to_link(page, "Trials")
    press_and_wait(page, "Enter", "**/trials/")
    tab_to(page, lambda s: s["key"].startswith("SELECT|id_status"))
    page.keyboard.type("Any")
    tab_to(page, lambda s: s["key"].startswith("SELECT|id_phase"))
    page.keyboard.type("Phase 2")
    tab_to(page, lambda s: s["tag"] == "button" and s["label"] == "Show trials")
    press_and_wait(page, "Space", re.compile(r"status=all&phase=PHASE2"))
    expect(page.get_by_role("status")).to_contain_text("1 trial found")

    # Onwards past the footer: focus wraps round to the header's search box (nothing traps it).
    tab_to(page, lambda s: s["tag"] == "input" and s["key"].startswith("INPUT|site-search"))
    page.keyboard.type("KYV-101")
    press_and_wait(page, "Enter", re.compile(r"/search/\?q=KYV-101"))
    tab_to_link(page, site.trial.title)
    press_and_wait(page, "Enter", f"**{site.trial.get_absolute_url()}")
    arrive(page, site.trial.title)

    # Save it: sign in on the way; signing in finishes the save and comes back to the trial.
    tab_to_link(page, "Sign in to save")
    press_and_wait(page, "Enter", re.compile(r"/accounts/login/"))
    tab_to(page, lambda s: s["key"].startswith("INPUT|id_login"))
    page.keyboard.type(site.member.email)
    tab_to(page, lambda s: s["key"].startswith("INPUT|id_password"))
    page.keyboard.type(PASSWORD)
    press_and_wait(page, "Enter", f"**{site.trial.get_absolute_url()}")
    arrive(page, site.trial.title)
    expect(page.get_by_role("status").filter(has_text=f"Saved “{site.trial.title}”")).to_be_visible()
    expect(page.get_by_role("main").get_by_text("Saved", exact=True)).to_be_visible()
    tab_to(page, lambda s: s["tag"] == "button" and s["label"].startswith("Remove from saved"))


def test_member_signs_up_confirms_saves_a_trial_and_follows_a_tag(page, site, mailoutbox):
    page.goto("/")
    site_nav(page, "Your account").get_by_role("link", name="Sign up").click()
    arrive(page, "Create an account")
    page.get_by_label("Email").fill("robin@example.org")
    page.get_by_label("Password (required)").fill(PASSWORD)
    page.get_by_label("Password (again) (required)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    arrive(page, "Check your e-mail")

    assert [mail.to for mail in mailoutbox] == [["robin@example.org"]]
    link = re.search(r"https?://\S+/confirm-email/\S+/", mailoutbox[0].body)
    assert link, f"No confirmation link in: {mailoutbox[0].body}"
    page.goto(link.group())
    arrive(page, "Confirm your e-mail address")
    page.get_by_role("button", name="Confirm").click()
    arrive(page, "Your profile")  # signed in by confirming

    site_nav(page, "Main").get_by_role("link", name="Trials").click()
    page.get_by_role("link", name=site.trial.title, exact=True).click()
    arrive(page, site.trial.title)
    main = page.get_by_role("main")
    main.get_by_role("button", name=re.compile(r"^Save\W")).click()
    expect(main.get_by_text("Saved", exact=True)).to_be_visible()
    expect(main.get_by_role("button", name=re.compile("^Remove from saved"))).to_be_focused()

    site_nav(page, "Your account").get_by_role("link", name="My saved items").click()
    arrive(page, "My saved items")
    saved = page.get_by_role("main").get_by_role("listitem").filter(has_text=site.trial.title)
    expect(saved.get_by_role("link", name=site.trial.title, exact=True)).to_be_visible()
    saved.get_by_role("button", name=re.compile("^Remove")).click()
    arrive(page, "My saved items")
    expect(page.get_by_role("status").filter(has_text="Removed from your saved items.")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link", name=site.trial.title, exact=True)).to_have_count(0)

    page.goto(site.trial.get_absolute_url())
    page.get_by_role("main").get_by_role("list", name="Tags").get_by_role("link", name="CAR T").click()
    arrive(page, "Everything tagged “CAR T”")
    page.get_by_role("button", name="Follow CAR T").click()
    expect(page.get_by_text("Following CAR T")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Stop following"))).to_be_focused()

    site_nav(page, "Your account").get_by_role("link", name="Profile").click()
    arrive(page, "Your profile")
    following = page.get_by_role("region", name="What you follow")
    expect(following.get_by_role("link", name="CAR T", exact=True)).to_be_visible()


def test_visitor_asks_a_question_and_sees_similar_answers_first(page, site, monkeypatch):
    """The form refuses answers sent within MIN_FILL_SECONDS of opening it (a bot check): not here."""
    monkeypatch.setattr("faq.forms.MIN_FILL_SECONDS", 0)
    page.goto(site.article.get_absolute_url())
    site_nav(page, "Main").get_by_role("link", name="Ask a question").click()
    arrive(page, "Ask a question")

    question = "Is CAR T-cell therapy a cure for multiple sclerosis yet?"
    # The suggestions come from a request sent half a second after typing stops: wait for its answer.
    similar = reverse("faq:similar")
    # The deferred script may run after the heading is visible: type only once it listens.
    expect(page.locator("#similar-live[data-live=ready]")).to_be_attached()
    with page.expect_response(lambda response: urlsplit(response.url).path == similar) as suggestions:
        page.get_by_label("Your question").fill(question)
    assert suggestions.value.ok, f"{suggestions.value.url} answered {suggestions.value.status}"
    live = page.locator("#similar-live")
    expect(live.get_by_role("heading", name="These answers may help")).to_be_visible()
    expect(live.get_by_role("link", name=site.question.title, exact=True)).to_be_visible()

    with page.expect_navigation():  # the same page comes back, with errors: wait for the new one
        page.get_by_role("button", name="Continue").click()  # consent not given yet
    arrive(page, "Ask a question")
    assert_errors_announced(page)
    expect(page.get_by_role("alert")).to_contain_text("Please agree that your question may be published")
    expect(page.get_by_label("Your question")).to_have_value(question)

    page.get_by_label("Your e-mail address").fill("reader@example.org")
    page.get_by_label(re.compile("^My question may be published anonymously")).check()
    page.get_by_role("button", name="Continue").click()
    arrive(page, "Check your question")
    expect(page.get_by_role("main").get_by_role("link", name=site.question.title, exact=True)).to_be_visible()
    expect(page.get_by_role("blockquote")).to_have_text(question)

    page.get_by_role("button", name="Submit my question").click()
    arrive(page, "Thank you for your question")
    reference = Submission.objects.get(question=question).reference
    expect(page.get_by_role("main")).to_contain_text(f"Your reference is {reference}.")


@pytest.mark.parametrize("path", ["/", "/trials/", "/faq/"])
def test_tab_visits_every_control_once_then_wraps(new_page, site, path):
    """Never trapped: Tab moves forward through every focusable element, each once, then starts over."""
    page = new_page()
    page.goto(path)
    expected = page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea,'
             + ' summary, [tabindex]:not([tabindex="-1"])')]
             .filter(el => !el.disabled && el.checkVisibility({visibilityProperty: true})
                     || el.classList.contains('skip-link')).length"""
    )
    seen: list[int] = []
    for _ in range(expected * 2 + 4):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state is None:
            continue
        if seen and state["index"] == seen[0]:
            break
        assert state["index"] not in seen, f"Focus came back to {state['label']!r} before reaching the end on {path}"
        assert_focus_visible(page)
        seen.append(state["index"])
    else:
        raise AssertionError(f"Focus never wrapped round to the start on {path}")
    assert len(seen) == expected, f"{len(seen)} of {expected} focusable elements reached on {path}"
