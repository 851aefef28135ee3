"""Search and navigation on a phone (390 x 844), the menu button without JavaScript, and print."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .chromium import DESKTOP, Variant

pytestmark = pytest.mark.browser

PHONE = Variant("phone-390", viewport={"width": 390, "height": 844}, is_mobile=True)
SEARCH = "/search/?q=CAR+T"


def first_result(page):
    return page.locator(".search-results .card__title a").first


def test_first_search_result_is_visible_without_scrolling(new_page, site):
    page = new_page(PHONE)
    page.goto(SEARCH)
    box = first_result(page).bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box
    assert page.evaluate("window.scrollY") == 0


def test_header_is_compact_and_the_placeholder_fits(new_page, site):
    page = new_page(PHONE)
    page.goto("/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 130, header
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()  # behind the menu button
    fits = page.locator("#site-search").evaluate(
        """el => { const c = document.createElement('canvas').getContext('2d');
                   const s = getComputedStyle(el); c.font = `${s.fontSize} ${s.fontFamily}`;
                   const padding = parseFloat(s.paddingLeft) + parseFloat(s.paddingRight);
                   return c.measureText(el.placeholder).width <= el.clientWidth - padding; }"""
    )
    assert fits, "the search placeholder is cut off"


def test_query_is_shown_once_and_filters_are_folded_away(new_page, site):
    page = new_page(PHONE)
    page.goto(SEARCH)
    shown = page.evaluate(
        """() => [...document.querySelectorAll('input:not([type=hidden])')]
                 .filter(el => el.value === 'CAR T' && el.checkVisibility()).length"""
    )
    assert shown == 1
    expect(page.get_by_role("heading", level=1)).to_have_text("Search results")
    expect(page.locator("details.filter-results")).not_to_have_attribute("open", "")
    expect(page.get_by_label("Type")).to_be_hidden()
    page.locator("details.filter-results > summary").click()
    expect(page.get_by_label("Type")).to_be_visible()


def test_filters_are_open_when_a_filter_is_set(new_page, site):
    page = new_page(PHONE)
    page.goto(SEARCH + "&type=trial")
    expect(page.get_by_label("Type")).to_be_visible()
    expect(page.get_by_label("Type")).to_have_value("trial")
    page.get_by_label("Type").select_option("")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"q=CAR\+T&type=&"))


def test_tab_goes_from_the_search_box_to_the_first_result_within_five_presses(new_page, site):
    page = new_page(PHONE)
    page.goto(SEARCH)
    page.locator("#site-search").focus()
    href = first_result(page).get_attribute("href")
    for _press in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == href:
            return
    pytest.fail("the first result was not reached within 5 Tab presses")


def test_menu_button_works_without_javascript(new_page, site):
    page = new_page(PHONE, java_script_enabled=False)
    page.goto("/")
    page.locator("details.menu > summary").click()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_visible()
    expect(page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign in")).to_be_visible()
    nav.get_by_role("link", name="Trials").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a trial")
    expect(page.locator("details.menu")).not_to_have_attribute("open", "")  # closed again on the next page


def test_wide_screens_show_the_navigation_without_a_menu_button(new_page, site):
    page = new_page(DESKTOP)
    page.goto("/")
    expect(page.locator("details.menu")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(1)  # the phone copy is not exposed


def test_trial_page_prints_without_navigation_with_the_registry_link_and_date(new_page, site):
    page = new_page(DESKTOP)
    page.goto(site.trial.get_absolute_url())
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".toggle-form").first).to_be_hidden()
    after = page.locator(".registry-link a").evaluate("el => getComputedStyle(el, '::after').content")
    assert f"https://clinicaltrials.gov/study/{site.trial.nct_id}" in after
    note = page.locator(".print-only")
    expect(note).to_be_visible()
    expect(note).to_contain_text(site.trial.get_absolute_url())
    expect(note).to_contain_text("Page updated")
    # Sites per country are printed even when their section is closed on screen.
    closed = page.locator("section[aria-labelledby=sites-title] details:not([open]) li").first
    if closed.count():
        expect(closed).to_be_visible()


@pytest.mark.parametrize("path", ["article", "question"])
def test_articles_and_faqs_print_link_addresses_and_no_navigation(new_page, site, path):
    page = new_page(DESKTOP)
    page.goto(getattr(site, path).get_absolute_url())
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer nav")).to_be_hidden()
    links = page.locator("main .prose a[href^='http'], main article a[href^='http']")
    if links.count():
        assert "(" in links.first.evaluate("el => getComputedStyle(el, '::after').content")
    expect(page.locator(".print-only")).to_contain_text("Page updated")
