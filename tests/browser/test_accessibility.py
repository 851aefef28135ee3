"""axe-core and the WCAG checks axe cannot do, on every page type in `pages.PAGES`."""

from __future__ import annotations

import pytest

from .chromium import DESKTOP, MOBILE, Variant
from .pages import (
    PAGES,
    PageSpec,
    assert_accessible,
    assert_fields_labelled,
    assert_landmarks,
    assert_no_horizontal_overflow,
    assert_nothing_clipped,
    assert_target_sizes,
)

pytestmark = pytest.mark.browser

def open_spec(new_page, log_in, site, spec: PageSpec, variant: Variant = DESKTOP, **options):
    page = new_page(variant, **options)
    if spec.user:
        log_in(page, getattr(site, spec.user))
    response = page.goto(spec.path(site))
    assert response.status == spec.status, f"{spec.name}: {page.url} answered {response.status}"
    if spec.prepare:
        spec.prepare(page)
    return page


@pytest.mark.parametrize("spec", PAGES, ids=[spec.name for spec in PAGES])
def test_page_passes_axe_in_light_and_dark_and_works_on_a_phone_zoomed(new_page, log_in, site, spec):
    """axe (WCAG 2.2 A/AA) at desktop width in light and dark mode. Then, for site pages: landmarks and
    one h1, labelled fields and 24 px targets on a 360 px phone; and WCAG 1.4.4, a 640 px window with
    the root font size doubled, with no sideways scroll and no clipped text.

    One test per page type: the sample site is built once for all of it."""
    page = open_spec(new_page, log_in, site, spec)
    failures = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        try:
            # The admin's forms.css @imports widgets.css; axe would copy it into an inline <style>, which
            # the CSP blocks (a console error of axe's, not the page's): no CSSOM preload there.
            assert_accessible(page, f"{spec.name} ({scheme})", skip_rules=spec.skip_rules, preload=not spec.admin)
        except AssertionError as exc:
            failures.append(str(exc))
    assert not failures, "\n".join(failures)
    if spec.admin:
        return

    page = open_spec(new_page, log_in, site, spec, MOBILE)
    assert_landmarks(page)
    assert_fields_labelled(page)
    assert_target_sizes(page)
    assert_no_horizontal_overflow(page)

    page.set_viewport_size({"width": 640, "height": 800})
    base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.evaluate(f"document.documentElement.style.fontSize = '{base * 2}px'")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= base * 2 - 0.5
    assert_no_horizontal_overflow(page)
    assert_nothing_clipped(page)


def test_reduced_motion_stops_animations_and_transitions(new_page, log_in, site):
    page = open_spec(new_page, log_in, site, PAGES[0], DESKTOP, reduced_motion="reduce")
    page.get_by_role("link", name=site.article.title).first.hover()
    page.keyboard.press("Tab")
    moving = page.evaluate(
        """() => [...document.querySelectorAll('*')].filter(el => {
             const s = getComputedStyle(el);
             const secs = v => Math.max(...v.split(',').map(parseFloat));
             return secs(s.transitionDuration) > 0.01
               || (s.animationName !== 'none' && secs(s.animationDuration) > 0.01);
           }).map(el => el.tagName.toLowerCase() + '.' + el.className)"""
    )
    assert moving == [], f"Motion despite prefers-reduced-motion: {moving}"
    assert page.evaluate("document.getAnimations().length") == 0
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
