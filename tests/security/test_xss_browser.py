"""The XSS corpus stored in every user- and editor-writable field, rendered on every page type in real
Chromium, with the Content-Security-Policy on and (stripped from the responses) off: no payload runs."""

from __future__ import annotations

import os
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from faq.models import Submission
from portal.accounts.services import bookmark_create
from portal.actions.publish import content_publish
from portal.actions.save import content_save
from portal.actions.submit import content_submit
from tests.browser.data import build_site_content
from tests.factories import CategoryFactory, SourceFactory, SubmissionFactory

from .payloads import PAYLOADS, one_line

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = pytest.mark.browser

MARKER = """
window.__xss_hits = [];
window.__xss = (n) => { window.__xss_hits.push(String(n)); };
"""


@pytest.fixture
def xss_site(transactional_db):
    cache.clear()
    site = build_site_content()
    everything = "\n\n".join(PAYLOADS)
    articles = []
    for n, payload in enumerate(PAYLOADS):
        # The medical reviewer's name and credentials are shown on the page too: payloads there as well.
        article = Article(title=f"P{n} {one_line(payload, 200)}", slug=f"xss-{n}", summary=payload[:1000],
                          body=payload, reviewer_name=one_line(payload, 120) or "Dr X",
                          reviewer_credentials=one_line(payload, 200) or "MD", last_reviewed=timezone.localdate())
        content_save(item=article, user=site.editor, tags=[one_line(payload, 50)])
        content_submit(item=article, user=site.editor)
        articles.append(content_publish(item=article, moderator=site.moderator))
    showcase = articles[0]
    showcase.body = everything
    content_save(item=showcase, user=site.moderator)
    for payload in PAYLOADS[:10]:
        SourceFactory(article=showcase, title=one_line(payload, 300), url=f"https://example.org/{quote(payload)}"[:500])
    question, trial = site.question, site.trial
    question.title, question.summary, question.body = one_line(PAYLOADS[6], 255), PAYLOADS[7][:1000], everything
    question.category = CategoryFactory(slug="xss", name=one_line(PAYLOADS[12], 120), description=PAYLOADS[13])
    content_save(item=question, user=site.moderator)
    trial.what_it_means, trial.body, trial.summary = everything, everything, PAYLOADS[1]
    content_save(item=trial, user=site.moderator)
    site.member.display_name = one_line(PAYLOADS[8], 60)
    site.member.save()
    for article in articles[:12]:
        bookmark_create(user=site.member, item=article)
    for payload in PAYLOADS[:12]:
        SubmissionFactory(user=site.member, question=payload[:2000], context=payload[:2000])
    site.xss_articles = articles
    return site


def page_urls(site) -> list[tuple[str | None, str]]:
    """(who, url) for every page type; most of them once per stored payload."""
    articles = site.xss_articles
    urls = [(None, "/"), (None, reverse("faq:list")), (None, site.question.get_absolute_url()),
            (None, reverse("trials:list") + "?status=all"), (None, site.trial.get_absolute_url()),
            (None, reverse("faq:ask") + "?about=" + quote(f"articles.article:{articles[0].pk}"))]
    urls += [(None, f"{reverse('articles:list')}?page={page}") for page in range(1, len(articles) // 10 + 2)]
    urls += [(None, article.get_absolute_url()) for article in articles]
    urls += [(None, reverse("tag", args=[tag.slug])) for tag in articles[0].tags.all()]
    urls += [(None, reverse("tag", args=[article.tags.first().slug])) for article in articles[::9]]
    urls += [(None, reverse("articles:tag", args=[article.tags.first().slug])) for article in articles[::9]]
    # Reflected: the payload in the query string of the search, the question form and the log-in page.
    urls += [(None, f"{reverse('search:results')}?q={quote(payload[:200])}") for payload in PAYLOADS[::3]]
    urls += [(None, f"{reverse('search:results')}?q=P1&tag={quote(PAYLOADS[0])}&type={quote(PAYLOADS[6])}")]
    urls += [(None, f"{reverse('account_login')}?next={quote(payload)}") for payload in PAYLOADS[25:35]]
    urls += [(None, f"{reverse('faq:ask')}?about={quote(payload)}") for payload in PAYLOADS[::7]]
    urls += [("member", reverse("accounts:bookmarks")), ("member", reverse("accounts:profile")),
             ("member", reverse("faq:my_questions"))]
    urls += [("moderator", reverse("admin:articles_article_changelist") + f"?p={p}") for p in range(1)]
    urls += [("moderator", reverse("admin:articles_article_change", args=[a.pk])) for a in articles[::6]]
    urls += [("moderator", reverse("admin:faq_submission_changelist")),
             ("moderator", reverse("admin:faq_question_change", args=[site.question.pk])),
             ("moderator", reverse("admin:trials_trial_change", args=[site.trial.pk])),
             ("moderator", reverse("preview", kwargs={"app_label": "articles", "model_name": "article",
                                                      "pk": articles[0].pk}))]
    submission = Submission.objects.filter(user=site.member).first()
    urls += [("moderator", reverse("admin:faq_submission_change", args=[submission.pk]))]
    return urls


class Probe:
    """Pages in Chromium that record any call of window.__xss, any dialog and any CSP violation."""

    def __init__(self, browser, live_server, log_in, site, *, csp: bool) -> None:
        self.browser, self.base, self.log_in, self.site, self.csp = browser, live_server.url, log_in, site, csp
        self.hits, self.dialogs, self.violations, self.loads, self.pages = [], [], [], 0, {}

    def page(self, who):
        if who not in self.pages:
            context = self.browser.new_context(base_url=self.base)
            context.add_init_script(MARKER)
            if not self.csp:
                def strip(route):
                    response = route.fetch()
                    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
                    route.fulfill(response=response, headers=headers)

                context.route("**/*", strip)
            page = context.new_page()
            page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
            page.on("console", lambda msg: self.violations.append(msg.text)
                    if "Content Security Policy" in msg.text else None)
            if who is not None:
                self.log_in(page, getattr(self.site, who))
            self.pages[who] = page
        return self.pages[who]

    def visit(self, who, url) -> None:
        page = self.page(who)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(20)  # let onload/onfocus/animation handlers fire
        found = page.evaluate("window.__xss_hits")
        if found:
            self.hits.append((url, found))
        self.loads += 1

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()


def test_no_payload_runs_on_any_page_with_the_csp_on_or_off(browser, live_server, xss_site, log_in):
    urls = page_urls(xss_site)
    for csp in (False, True):
        probe = Probe(browser, live_server, log_in, xss_site, csp=csp)
        # With the policy on, every page type still, and every third page of the long per-payload lists.
        for n, (who, url) in enumerate(urls):
            if not csp or n % 3 == 0 or "/articles/xss-" not in url:
                probe.visit(who, url)
        probe.close()
        label = "on" if csp else "off"
        assert probe.loads >= (60 if csp else 150), label
        assert not probe.hits, f"CSP {label}: payloads ran: {probe.hits[:10]}"
        assert not probe.dialogs, f"CSP {label}: dialogs opened: {probe.dialogs[:10]}"
        # Nothing was even blocked: the markup never reached the page as markup.
        assert not probe.violations, f"CSP {label}: the policy had to block something: {probe.violations[:10]}"


@pytest.mark.parametrize("csp", [False, True])
def test_the_probe_sees_a_payload_that_runs(browser, live_server, log_in, csp, transactional_db):
    """Self-test: a page that does run a payload is caught (by the marker without CSP, by CSP with it)."""
    probe = Probe(browser, live_server, log_in, None, csp=csp)
    page = probe.page(None)
    page.route("**/__xss_self_test/", lambda route: route.fulfill(
        status=200, content_type="text/html",
        headers={} if not csp else {"Content-Security-Policy": "script-src 'self'"},
        body="<p>x</p><img src=data:, onerror=__xss(1)><script>__xss(2)</script>"))
    probe.visit(None, "/__xss_self_test/")
    probe.close()
    if csp:
        assert probe.violations and not probe.hits
    else:
        assert probe.hits == [("/__xss_self_test/", ["1", "2"])] or probe.hits[0][1] == ["2", "1"]
