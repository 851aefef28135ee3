"""The XSS corpus stored in every user- and editor-writable field, rendered on every page type in real
Chromium, with the Content-Security-Policy on and (stripped from the responses) off: no payload runs."""

from __future__ import annotations

import os
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles.models import Article
from faq.models import Submission
from portal.accounts.services import bookmark_create
from portal.content.services import content_publish, content_save
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
        article = Article(title=f"P{n} {one_line(payload, 200)}", slug=f"xss-{n}", summary=payload[:1000],
                          body=payload)
        content_save(item=article, user=site.moderator, tags=[one_line(payload, 50)])
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


@pytest.mark.parametrize("csp", ["csp-on", "csp-off"])
def test_no_payload_runs_on_any_page(browser, live_server, xss_site, log_in, csp):
    hits, dialogs, violations, loads = [], [], [], 0
    contexts = {}

    def page_for(who):
        if who not in contexts:
            context = browser.new_context(base_url=live_server.url)
            context.add_init_script(MARKER)
            if csp == "csp-off":
                def strip(route):
                    response = route.fetch()
                    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
                    route.fulfill(response=response, headers=headers)

                context.route("**/*", strip)
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text
                    else None)
            if who is not None:
                log_in(page, getattr(xss_site, who))
            contexts[who] = page
        return contexts[who]

    for who, url in page_urls(xss_site):
        page = page_for(who)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(50)  # let onload/onfocus/animation handlers fire
        found = page.evaluate("window.__xss_hits")
        if found:
            hits.append((url, found))
        loads += 1
    for page in contexts.values():
        page.context.close()
    assert loads >= 100
    assert not hits, f"payloads ran: {hits[:10]}"
    assert not dialogs, f"dialogs opened: {dialogs[:10]}"
    # With the policy on, nothing was even blocked: the markup never reached the page as markup.
    assert not violations, f"CSP had to block something: {violations[:10]}"
