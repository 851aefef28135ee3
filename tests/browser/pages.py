"""Page specs and page checks shared by every browser test.

To add a page to the accessibility sweep, append a `PageSpec` to `PAGES`. To check a page inside a
journey, call the `assert_*` helpers below: each one fails with the page's URL and what went wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from faq.forms import started_token
from portal.content import revisions

from .data import SiteContent

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MIN_TARGET_PX = 24
AXE = Axe()  # reads axe.min.js once


@dataclass(frozen=True)
class PageSpec:
    """One page type. `path` gets the shared site content and returns the URL path to open."""

    name: str
    path: Callable[[SiteContent], str]
    # A SiteContent attribute naming who is logged in ("moderator", "editor"), or None for a visitor.
    user: str | None = None
    status: int = 200
    # Optional set-up run on the opened page before checking it (e.g. submit a form to show its errors).
    prepare: Callable[[Page], None] | None = None
    # axe rule ids to skip on this page, each with a reason in a comment where the spec is declared.
    skip_rules: tuple[str, ...] = field(default=())
    # Django's admin has its own layout and type scale: it gets the axe sweep, not the site-layout checks.
    admin: bool = False


def submit_empty(page: Page, button: str) -> None:
    """Send a form untouched: the page comes back with its errors, announced (see below)."""
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name=button).click()
    assert_errors_announced(page)


def site_nav(page: Page, name: str = "Main"):
    """A header navigation ("Main" or "Your account"); on a phone, opens the menu button first."""
    if page.locator("details.menu > summary").is_visible() and not page.locator("details.menu[open]").count():
        page.locator("details.menu > summary").click()
    return page.get_by_role("navigation", name=name)


def ask_and_continue(page: Page) -> None:
    """Fill in the question form as if it had been open for half a minute (the minimum fill time)."""
    page.get_by_label("Your question").fill("Is CAR T-cell therapy a cure for MS already?")
    page.get_by_label(re.compile("^My question may be published anonymously")).check()
    page.locator("input[name=started]").evaluate("(el, value) => { el.value = value; }", started_token(30))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your question")


def ask_and_send(page: Page) -> None:
    ask_and_continue(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Submit my question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your question")


def preview_answer(page: Page) -> None:
    """Type an answer and press "Preview": the page comes back with the rendered answer and the input kept."""
    page.get_by_role("textbox", name=re.compile(r"^Answer\b")).fill("Talk to your **MS team** first.")
    with page.expect_navigation():
        page.get_by_role("button", name="Preview", exact=True).click()
    expect(page.locator("#answer-preview strong")).to_have_text("MS team")


PAGES: list[PageSpec] = [
    PageSpec("home", lambda s: reverse("home")),
    PageSpec("article list", lambda s: reverse("articles:list")),
    PageSpec("article detail", lambda s: s.article.get_absolute_url()),
    PageSpec("article tag list", lambda s: reverse("articles:tag", kwargs={"slug": "car-t"})),
    PageSpec("faq list", lambda s: reverse("faq:list")),
    PageSpec("faq detail", lambda s: s.question.get_absolute_url()),
    PageSpec("faq category", lambda s: reverse("faq:category", kwargs={"slug": s.question.category.slug})),
    PageSpec("trial finder", lambda s: reverse("trials:list")),
    PageSpec("trial finder filtered", lambda s: reverse("trials:list") + "?status=all&phase=PHASE1&target=cd19"),
    PageSpec("trial finder filtered, no match", lambda s: reverse("trials:list") + "?status=WITHDRAWN&phase=PHASE4"),
    PageSpec("trial detail", lambda s: s.trial.get_absolute_url()),
    PageSpec("trial detail, member", lambda s: s.trial.get_absolute_url(), user="member"),
    PageSpec("tag page", lambda s: reverse("tag", kwargs={"slug": "car-t"})),
    PageSpec("tag page, one type", lambda s: reverse("tag", kwargs={"slug": "car-t"}) + "?type=article"),
    PageSpec("glossary", lambda s: reverse("glossary:index")),
    PageSpec("glossary letter", lambda s: reverse("glossary:letter", kwargs={"letter": "c"})),
    PageSpec("glossary term", lambda s: reverse("glossary:detail", kwargs={"slug": "car-t-cell-therapy"})),
    PageSpec("search results", lambda s: reverse("search:results") + "?q=CAR+T"),
    PageSpec("search no results", lambda s: reverse("search:results") + "?q=zzqxv"),
    PageSpec("search empty", lambda s: reverse("search:results")),
    PageSpec("question form", lambda s: reverse("faq:ask")),
    PageSpec("question form errors", lambda s: reverse("faq:ask"), prepare=lambda page: submit_empty(page, "Continue")),
    PageSpec("question preview", lambda s: reverse("faq:ask"), prepare=ask_and_continue),
    PageSpec("question sent", lambda s: reverse("faq:ask"), prepare=ask_and_send),
    PageSpec("sign-up", lambda s: reverse("account_signup")),
    PageSpec("log-in", lambda s: reverse("account_login")),
    PageSpec("saved items", lambda s: reverse("accounts:bookmarks"), user="member"),
    PageSpec("profile", lambda s: reverse("accounts:profile"), user="member"),
    PageSpec("my questions", lambda s: reverse("faq:my_questions"), user="member"),
    PageSpec("search filtered", lambda s: reverse("search:results") + "?q=CAR+T&type=trial"),
    PageSpec("about us", lambda s: reverse("pages:about")),
    PageSpec("how we write and review", lambda s: reverse("pages:editorial")),
    PageSpec("contact the editors", lambda s: reverse("pages:contact")),
    PageSpec(
        "contact the editors errors",
        lambda s: reverse("pages:contact"),
        prepare=lambda page: submit_empty(page, "Send message"),
    ),
    PageSpec("research news by e-mail", lambda s: reverse("feeds:subscribe")),
    PageSpec(
        "research news errors",
        lambda s: reverse("feeds:subscribe"),
        prepare=lambda page: submit_empty(page, "Subscribe"),
    ),
    PageSpec("editor profile", lambda s: reverse("pages:person", kwargs={"slug": "ada-writer"})),
    PageSpec("check your e-mail", lambda s: reverse("account_email_verification_sent")),
    PageSpec("404", lambda s: "/no-such-page/", status=404),
    PageSpec("admin login", lambda s: reverse("admin:login"), admin=True),
    PageSpec("admin index", lambda s: reverse("admin:index"), user="moderator", admin=True),
    PageSpec(
        "admin review queue",
        lambda s: reverse("admin:articles_article_changelist") + "?status__exact=in_review",
        user="moderator",
        admin=True,
    ),
    PageSpec("admin dashboard, editor", lambda s: reverse("admin:index"), user="editor", admin=True),
    PageSpec("admin articles", lambda s: reverse("admin:articles_article_changelist"), user="moderator", admin=True),
    PageSpec("admin faqs", lambda s: reverse("admin:faq_question_changelist"), user="moderator", admin=True),
    PageSpec("admin reader questions", lambda s: reverse("admin:faq_submission_changelist"), user="moderator",
             admin=True),
    PageSpec(
        "admin article change form",
        lambda s: reverse("admin:articles_article_change", args=[s.article.pk]),
        user="moderator",
        admin=True,
    ),
    PageSpec(
        "admin faq change form",
        lambda s: reverse("admin:faq_question_change", args=[s.question.pk]),
        user="moderator",
        admin=True,
    ),
    PageSpec(
        "admin reader question",
        lambda s: reverse("admin:faq_submission_change", args=[s.submission.pk]),
        user="moderator",
        admin=True,
    ),
    PageSpec(
        "admin answer a reader question, preview",
        lambda s: reverse("admin:faq_submission_answer", args=[s.submission.pk]),
        user="moderator",
        admin=True,
        prepare=preview_answer,
    ),
    PageSpec(
        "admin merge a reader question",
        lambda s: reverse("admin:faq_submission_merge", args=[s.submission.pk]) + "?q=CAR",
        user="moderator",
        admin=True,
    ),
    PageSpec(
        "admin revisions",
        lambda s: reverse("admin:articles_article_revisions", args=[s.article.pk]),
        user="moderator",
        admin=True,
    ),
    PageSpec(
        "admin revision compare",
        lambda s: reverse(
            "admin:articles_article_revision_compare",
            args=[s.article.pk, revisions.item_versions(s.article).first().pk],
        ),
        user="moderator",
        admin=True,
    ),
    PageSpec(
        "preview",
        lambda s: reverse("preview", kwargs={"app_label": "articles", "model_name": "article", "pk": s.in_review.pk}),
        user="moderator",
    ),
]


def where(page: Page) -> str:
    return f"{page.url} (viewport {page.viewport_size['width']}px)"


def settle(page: Page) -> None:
    """Wait for running CSS transitions (e.g. after switching colour scheme): axe must see final colours."""
    page.evaluate(
        """() => Promise.all(document.getAnimations()
             .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
             .map(a => a.finished.catch(() => null)))"""
    )


def assert_accessible(page: Page, name: str, *, skip_rules: tuple[str, ...] = (), preload: bool = True) -> None:
    """axe-core with the WCAG 2.2 A/AA tags: zero violations, or a report of rule, impact, targets.

    `preload=False` skips axe's CSSOM preload (used only by css-orientation-lock), which re-creates
    @import-ed stylesheets as inline <style> elements that a strict CSP blocks."""
    options: dict = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"], "preload": preload
    }
    if skip_rules:
        options["rules"] = {rule: {"enabled": False} for rule in skip_rules}
    settle(page)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.axe_script)  # ~0.3 s: once per document, not once per run
    violations = page.evaluate("options => axe.run(document, options)", options)["violations"]
    if violations:
        lines = [f"{len(violations)} axe violation(s) on {name!r} at {where(page)}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"][:8]:
                summary = " ".join(node.get("failureSummary", "").split())
                lines.append(f"    {', '.join(map(str, node['target']))}: {summary}")
        raise AssertionError("\n".join(lines))


def assert_no_horizontal_overflow(page: Page) -> None:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
        " culprits: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right >"
        " window.innerWidth + 1 && !e.closest('.visually-hidden, .skip-link'))"
        ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))})"
    )
    assert widths["scroll"] <= widths["inner"], (
        f"Horizontal overflow at {where(page)}: scrollWidth {widths['scroll']} > {widths['inner']};"
        f" widest elements: {widths['culprits']}"
    )


FOCUS_STATE_JS = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  // WCAG 1.4.11: the outline colour against the page background, at least 3:1.
  const lum = (c) => { const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(v => { v = v / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const page = getComputedStyle(document.body).backgroundColor;
  const [hi, lo] = [lum(style.outlineColor), lum(page)].sort((a, b) => b - a);
  const contrast = (hi + 0.05) / (lo + 0.05);
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const label = (el.getAttribute('aria-label') || el.innerText || el.value || el.name || el.id || '').trim();
  return {
    tag: el.tagName.toLowerCase(), label: label.slice(0, 60), visible: (outline && contrast >= 3) || shadow,
    contrast: Math.round(contrast * 10) / 10,
    inViewport: rect.bottom > 0 && rect.top < window.innerHeight && rect.right > 0 && rect.left < window.innerWidth,
    key: el.tagName + '|' + (el.id || '') + '|' + (el.getAttribute('href') || el.name || '') + '|' + label.slice(0, 60),
    index: [...document.querySelectorAll('*')].indexOf(el),
  };
}"""


def focus_state(page: Page) -> dict | None:
    return page.evaluate(FOCUS_STATE_JS)


def assert_focus_visible(page: Page) -> dict:
    """The focused element has a real focus indicator (outline >= 2px or a box-shadow) and is on screen."""
    state = focus_state(page)
    assert state is not None, f"Nothing has focus at {where(page)}"
    assert state["visible"], (
        f"Focus is invisible on <{state['tag']}> {state['label']!r} at {where(page)}"
        f" (outline contrast {state['contrast']}:1, needs an outline >= 2px at 3:1 or a box-shadow)"
    )
    assert state["inViewport"], f"Focused <{state['tag']}> {state['label']!r} is off screen at {where(page)}"
    return state


def tab_to(page: Page, matches: Callable[[dict], bool], *, limit: int = 80, key: str = "Tab") -> dict:
    """Press Tab until the focused element matches, checking focus is visible at every stop."""
    for _ in range(limit):
        page.keyboard.press(key)
        state = focus_state(page)
        if state is None:
            continue
        assert_focus_visible(page)
        if matches(state):
            return state
    raise AssertionError(f"Tabbing {limit} times at {where(page)} never reached the element wanted")


def tab_to_link(page: Page, text: str, **kwargs) -> dict:
    return tab_to(page, lambda s: s["tag"] == "a" and s["label"].startswith(text), **kwargs)


def assert_fields_labelled(page: Page) -> None:
    """Every form field has a visible <label> (or aria-labelledby); required ones say so in words."""
    problems = page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea')]
          .filter(el => !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type))
          .flatMap(el => {
            // A field folded away (a closed <details>) is not rendered: read its label's text instead.
            const shown = el.checkVisibility();
            const labels = [...(el.labels || [])].map(l => (shown ? l.innerText : l.textContent).trim())
              .filter(Boolean);
            const byId = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
              .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
            // A radio or checkbox in a group is also named by its fieldset's legend.
            const legend = ((el.closest('fieldset') || {querySelector: () => null}).querySelector('legend') || {})
              .innerText || '';
            const text = (labels.join(' ') + ' ' + byId).trim();
            const groupText = text + ' ' + (['radio', 'checkbox'].includes(el.type) ? legend : '');
            const id = el.name || el.id;
            const found = [];
            if (!text) found.push(`field ${id} has no label`);
            const required = el.required || el.getAttribute('aria-required') === 'true';
            if (required && !/required|must/i.test(groupText + ' ' + (el.getAttribute('aria-describedby') || '')
                .split(/\\s+/).filter(Boolean).map(d => (document.getElementById(d) || {}).textContent || '')
                .join(' '))) found.push(`required field ${id} is not marked "required" in words`);
            return found;
          })"""
    )
    assert not problems, f"Form problems at {where(page)}: {problems}"


TARGETS_JS = """(min) => {
  const interactive = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button],'
    + ' [tabindex]:not([tabindex="-1"])';
  const isInline = (el) => {
    // WCAG 2.5.8 "inline" exception: a link inside running text (other words in the same block).
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = el.closest('p, li, dd, td, th, figcaption, blockquote');
    if (!block) return false;
    const own = [...block.querySelectorAll('a')].reduce((n, a) => n + a.textContent.trim().length, 0);
    return block.textContent.replace(/\\s+/g, ' ').trim().length > own + 3;
  };
  return [...document.querySelectorAll(interactive)]
    .filter(el => el.tagName !== 'MAIN' && !el.closest('.visually-hidden'))
    .filter(el => el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}))
    .filter(el => !el.matches('.skip-link:not(:focus)'))
    .filter(el => !isInline(el))
    .map(el => ({el, r: el.getBoundingClientRect()}))
    .filter(({r}) => r.width < min - 0.01 || r.height < min - 0.01)
    .map(({el, r}) => `${el.tagName.toLowerCase()} "${(el.innerText || el.value || el.name || '').trim().slice(0, 40)}"`
      + ` ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
}"""


def assert_target_sizes(page: Page) -> None:
    """Links and buttons outside running text are at least 24x24 CSS px (WCAG 2.5.8)."""
    small = page.evaluate(TARGETS_JS, MIN_TARGET_PX)
    assert not small, f"Targets smaller than {MIN_TARGET_PX}px at {where(page)}: {small}"


def assert_nothing_clipped(page: Page) -> None:
    """No element hides its own text: overflow hidden/clip with content wider or taller than the box."""
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
          .filter(el => !el.closest('.visually-hidden, .skip-link'))
          .filter(el => { const s = getComputedStyle(el);
            const hides = v => v === 'hidden' || v === 'clip';
            return (hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
                || (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1); })
          .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))"""
    )
    assert not clipped, f"Clipped content at {where(page)}: {clipped}"


SUMMARY_FOCUSED_JS = """() => {
  const invalid = [...document.querySelectorAll('[aria-invalid=true]')];
  const focus = document.activeElement;
  return !!focus && focus !== document.body && (focus.matches('[role=alert], .error-summary')
    || invalid.some(el => el.id && focus.querySelector(`a[href="#${el.id}"]`)));
}"""


def wait_for_focus(page: Page, predicate_js: str, message: str) -> None:
    """Wait until `predicate_js` (a JS function of no arguments) is true of the focus, or fail with `message`.

    Focus often moves a moment after the page is there (`autofocus`, a script, a fragment link): this
    waits for the change itself (polled each animation frame) instead of racing it."""
    try:
        page.wait_for_function(predicate_js)
    except PlaywrightTimeoutError:
        raise AssertionError(f"{message} at {where(page)}") from None


def assert_errors_announced(page: Page) -> None:
    """After a failed submit: every invalid field points (aria-describedby) at its message, and focus
    has moved to the error summary (role=alert, or an element linking to the invalid fields)."""
    report = page.evaluate(
        """() => {
          const invalid = [...document.querySelectorAll('[aria-invalid=true]')];
          const undescribed = invalid.filter(el => !(el.getAttribute('aria-describedby') || '').split(/\\s+/)
              .filter(Boolean).some(id => ((document.getElementById(id) || {}).textContent || '').trim()))
            .map(el => el.name || el.id);
          return {invalid: invalid.length, undescribed};
        }"""
    )
    assert report["invalid"], f"No field is marked aria-invalid at {where(page)}"
    assert not report["undescribed"], (
        f"Errors not linked with aria-describedby at {where(page)}: {report['undescribed']}"
    )
    # The summary takes focus through `autofocus`, which the browser applies after parsing: wait for it.
    wait_for_focus(page, SUMMARY_FOCUSED_JS, "Focus did not move to the error summary")


def assert_landmarks(page: Page) -> None:
    """One banner, one main, one contentinfo, a named navigation, and exactly one h1 on the page."""
    counts = page.evaluate(
        """() => ({
          header: document.querySelectorAll('body > header, [role=banner]').length,
          main: document.querySelectorAll('main, [role=main]').length,
          footer: document.querySelectorAll('body > footer, [role=contentinfo]').length,
          nav: [...document.querySelectorAll('nav')].filter(n => n.getAttribute('aria-label')).length,
          h1: document.querySelectorAll('h1').length,
        })"""
    )
    assert counts == {"header": 1, "main": 1, "footer": 1, "nav": counts["nav"], "h1": 1} and counts["nav"] >= 1, (
        f"Landmarks/headings wrong at {where(page)}: {counts}"
    )
