"""The page checks themselves: each passes on good markup and fails on the mistake it exists to catch."""

from __future__ import annotations

import pytest

from .chromium import DESKTOP
from .pages import (
    assert_accessible,
    assert_errors_announced,
    assert_fields_labelled,
    assert_focus_visible,
    assert_no_horizontal_overflow,
    assert_target_sizes,
)

pytestmark = pytest.mark.browser

GOOD_FORM = """<style>a, input, button { display: inline-block; min-height: 24px; }</style>
<style>[type=radio] { width: 24px; }</style><main><h1>Ask</h1><form>
  <div role="alert" tabindex="-1" id="summary"><a href="#id_title">Enter a question</a></div>
  <label for="id_title">Your question (required)</label>
  <input id="id_title" name="title" required aria-invalid="true" aria-describedby="title-error">
  <p id="title-error">Enter a question.</p>
  <fieldset><legend>E-mail alerts (required)</legend>
    <label><input type="radio" name="often" value="d" required checked> Daily</label></fieldset>
  <button style="min-height:24px">Send</button></form></main>
<script>document.getElementById('summary').focus()</script>"""


@pytest.fixture
def blank_page(browser):
    context = browser.new_context(**DESKTOP.context_options())
    yield context.new_page()
    context.close()


def test_good_markup_passes_every_check(blank_page):
    blank_page.set_content(f"<!doctype html><html lang=en><title>t</title><body>{GOOD_FORM}</body></html>")
    assert_accessible(blank_page, "good form")
    assert_fields_labelled(blank_page)
    assert_errors_announced(blank_page)
    assert_target_sizes(blank_page)
    assert_no_horizontal_overflow(blank_page)


@pytest.mark.parametrize(
    ("html", "check", "message"),
    [
        ('<input name="q">', assert_fields_labelled, "has no label"),
        ('<label for="a">Name</label><input id="a" name="a" required>', assert_fields_labelled, "in words"),
        (
            '<fieldset><legend>Alerts</legend><label><input type=radio name=f required> Daily</label></fieldset>',
            assert_fields_labelled,
            "in words",
        ),
        ('<p><a href="/">Alone</a></p><button style="height:18px">x</button>', assert_target_sizes, "smaller"),
        ('<div style="width:2000px">wide</div>', assert_no_horizontal_overflow, "Horizontal overflow"),
        ('<img src="x.png">', lambda p: assert_accessible(p, "bad"), "image-alt"),
        ('<input aria-invalid="true" name="t" id="t">', assert_errors_announced, "aria-describedby"),
    ],
    ids=[
        "unlabelled",
        "required-by-colour",
        "radio-group-required-by-colour",
        "small-target",
        "overflow",
        "axe",
        "errors-not-linked",
    ],
)
def test_each_check_catches_its_mistake(blank_page, html, check, message):
    blank_page.set_content(f"<!doctype html><html lang=en><title>t</title><body><main>{html}</main></body></html>")
    with pytest.raises(AssertionError, match=message):
        check(blank_page)


def test_focus_check_catches_a_removed_outline(blank_page):
    blank_page.set_content('<style>a:focus-visible{outline:none}</style><a href="/">Home</a>')
    blank_page.keyboard.press("Tab")
    with pytest.raises(AssertionError, match="Focus is invisible"):
        assert_focus_visible(blank_page)
