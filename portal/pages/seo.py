"""What a page tells search engines, feed readers and link previews: canonical address, feeds,
Open Graph / Twitter meta and schema.org JSON-LD (a breadcrumb trail everywhere, plus one main entity
per page type).

Everything is built from the template context the page already has (`object`, `tag`, `groups`), so
views stay unchanged; the output is data only, escaped like Django's json_script.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles.models import Article
from faq.models import Question
from portal.content.models import ContentBase
from trials.models import RecruitmentStatus, Trial

from .credits import item_credits
from .models import EditorProfile

# What json_script escapes, so no value can close the <script> element or start a comment.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

SCHEMA = "https://schema.org"

# ClinicalTrials.gov status -> schema.org MedicalStudyStatus; other values are given as text.
STUDY_STATUS = {
    RecruitmentStatus.RECRUITING: f"{SCHEMA}/Recruiting",
    RecruitmentStatus.NOT_YET_RECRUITING: f"{SCHEMA}/NotYetRecruiting",
    RecruitmentStatus.ENROLLING_BY_INVITATION: f"{SCHEMA}/EnrollingByInvitation",
    RecruitmentStatus.ACTIVE_NOT_RECRUITING: f"{SCHEMA}/ActiveNotRecruiting",
    RecruitmentStatus.SUSPENDED: f"{SCHEMA}/Suspended",
    RecruitmentStatus.TERMINATED: f"{SCHEMA}/Terminated",
    RecruitmentStatus.COMPLETED: f"{SCHEMA}/Completed",
    RecruitmentStatus.WITHDRAWN: f"{SCHEMA}/Withdrawn",
}


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def json_ld(data: Any) -> SafeString:
    """`<script type="application/ld+json">` with json_script's escaping (a data block: CSP does not apply)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def plain(html: str, limit: int = 5000) -> str:
    return Truncator(" ".join(strip_tags(html).split())).chars(limit)


def organisation() -> dict:
    return {"@type": "Organization", "name": settings.SITE_NAME, "url": absolute("/")}


def person(profile: EditorProfile | None) -> dict:
    if profile is None:
        return organisation()
    data = {
        "@type": "Person",
        "name": profile.name,
        "jobTitle": profile.role,
        "url": absolute(profile.get_absolute_url()),
    }
    if profile.credentials:
        data["honorificSuffix"] = profile.credentials
    return data


def reviewer(credits) -> dict:
    """The medical reviewer the page names (team or external), else the publishing moderator's profile."""
    review = credits.medical_review
    if review is None:
        return person(credits.reviewer)
    data = {"@type": "Person", "name": review.name}
    if review.job_title:
        data["jobTitle"] = review.job_title
    if review.profile_url:
        data["url"] = absolute(review.profile_url)
    if review.credentials:
        data["honorificSuffix"] = review.credentials
    return data


# --- Breadcrumbs ---------------------------------------------------------------------------------


@dataclass
class Crumb:
    name: str
    path: str


SECTIONS = {
    "articles": (lambda: _("Articles"), "articles:list"),
    "faq": (lambda: _("Questions and answers"), "faq:list"),
    "trials": (lambda: _("Trials"), "trials:list"),
    "search": (lambda: _("Search"), "search:results"),
    "pages": (lambda: _("About us"), "pages:about"),
}


def breadcrumbs(*, view_name: str, path: str, title: str, obj: Any = None, tag: Any = None) -> list[Crumb]:
    crumbs = [Crumb(_("Home"), reverse("home"))]
    if view_name == "home":
        return crumbs
    namespace = view_name.split(":")[0] if ":" in view_name else ""
    if namespace in SECTIONS:
        label, url_name = SECTIONS[namespace]
        section = Crumb(label(), reverse(url_name))
        if section.path != path:
            crumbs.append(section)
    if tag is not None and view_name == "tag":
        crumbs.append(Crumb(tag.name, path))
    elif obj is not None and isinstance(obj, ContentBase):
        crumbs.append(Crumb(obj.title, obj.get_absolute_url()))
    elif not crumbs or crumbs[-1].path != path:
        crumbs.append(Crumb(title, path))
    return crumbs


def breadcrumb_list(crumbs: list[Crumb]) -> dict:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": crumb.name, "item": absolute(crumb.path)}
            for n, crumb in enumerate(crumbs, start=1)
        ],
    }


# --- Main entities -------------------------------------------------------------------------------


def _dates(item: ContentBase) -> dict:
    data = {"dateModified": item.updated_at.isoformat()}
    if item.published_at:
        data["datePublished"] = item.published_at.isoformat()
    return data


def article_page(article: Article) -> dict:
    credits = item_credits(article)
    data = {
        "@type": "MedicalWebPage",
        "url": absolute(article.get_absolute_url()),
        "name": article.title,
        "headline": article.title,
        "description": article.summary,
        "inLanguage": "en-GB",
        **_dates(article),
        "author": person(credits.author),
        "reviewedBy": reviewer(credits),
        "publisher": organisation(),
        "keywords": ", ".join(tag.name for tag in article.tag_links),
    }
    if credits.reviewed_on:
        data["lastReviewed"] = credits.reviewed_on.isoformat()
    return data


def short_answer(question: Question) -> str:
    """The short answer a list page shows: the summary, else the answer's first 40 words."""
    return question.summary or Truncator(" ".join(strip_tags(question.body_html).split())).words(40)


def _question(question: Question, *, full: bool) -> dict:
    # A list page's data carries the short answers it shows (the full ones would grow the page with every FAQ).
    text = (plain(question.body_html) or question.summary) if full else short_answer(question)
    return {
        "@type": "Question",
        "name": question.title,
        "url": absolute(question.get_absolute_url()),
        "acceptedAnswer": {"@type": "Answer", "text": text},
    }


def faq_page(questions: list[Question], *, path: str, title: str, full_answers: bool = False) -> dict:
    return {
        "@type": "FAQPage",
        "url": absolute(path),
        "name": title,
        "inLanguage": "en-GB",
        "mainEntity": [_question(q, full=full_answers) for q in questions],
    }


def question_page(question: Question) -> dict:
    credits = item_credits(question)
    data = {
        **faq_page([question], path=question.get_absolute_url(), title=question.title, full_answers=True),
        **_dates(question),
        "reviewedBy": reviewer(credits),
    }
    if credits.reviewed_on:
        data["lastReviewed"] = credits.reviewed_on.isoformat()
    return data


def trial_designs(trial: Trial) -> list[str]:
    """What the registry facts we hold say about the design: where it runs (more needs the design module)."""
    locations = list(trial.locations.all())  # prefetched by for_detail()
    if not locations:
        return []
    designs = [f"{SCHEMA}/MultiCenterTrial" if len(locations) > 1 else f"{SCHEMA}/SingleCenterTrial"]
    if len({location.country for location in locations if location.country}) > 1:
        designs.append(f"{SCHEMA}/InternationalTrial")
    return designs


def medical_trial(trial: Trial) -> dict:
    data = {
        "@type": "MedicalTrial",
        "url": absolute(trial.get_absolute_url()),
        "name": trial.title,
        "description": trial.summary or plain(trial.brief_summary, 500),
        "identifier": {"@type": "PropertyValue", "propertyID": "ClinicalTrials.gov", "value": trial.nct_id},
        "sameAs": trial.registry_url,
        "status": STUDY_STATUS.get(trial.overall_status, trial.get_overall_status_display()),
        "phase": trial.phase_label or _("Not stated"),
        "healthCondition": [{"@type": "MedicalCondition", "name": name} for name in trial.conditions],
        "sponsor": {"@type": "Organization", "name": trial.sponsor or _("Not stated")},
        "dateModified": trial.updated_at.isoformat(),
    }
    if trial.official_title:
        data["alternateName"] = trial.official_title
    designs = trial_designs(trial)
    if designs:
        data["trialDesign"] = designs if len(designs) > 1 else designs[0]
    return data


def web_page(page_type: str, *, path: str, title: str, description: str) -> dict:
    return {"@type": page_type, "url": absolute(path), "name": title, "description": description, "inLanguage": "en-GB"}


def web_site() -> dict:
    return {
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        "inLanguage": "en-GB",
        "potentialAction": {
            "@type": "SearchAction",
            "target": absolute(reverse("search:results")) + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


PAGE_TYPES = {
    "home": "WebPage",
    "articles:list": "CollectionPage",
    "articles:tag": "CollectionPage",
    "trials:list": "CollectionPage",
    "tag": "CollectionPage",
    "search:results": "SearchResultsPage",
    "pages:about": "AboutPage",
    "pages:editorial": "AboutPage",
    "pages:person": "ProfilePage",
    "pages:contact": "ContactPage",
}


def main_entities(context, *, view_name: str, path: str, title: str, description: str) -> list[dict]:
    obj = context.get("object")
    if view_name == "articles:detail" and isinstance(obj, Article):
        return [article_page(obj)]
    if view_name == "faq:detail" and isinstance(obj, Question):
        return [question_page(obj)]
    if view_name == "trials:detail" and isinstance(obj, Trial):
        page = web_page("WebPage", path=path, title=title, description=description)
        return [{**page, "mainEntity": medical_trial(obj)}]
    if view_name == "faq:list":
        questions = [q for _category, group in context.get("groups", []) for q in group]
        return [faq_page(questions, path=path, title=title)]
    entities = [web_page(PAGE_TYPES.get(view_name, "WebPage"), path=path, title=title, description=description)]
    if view_name == "home":
        entities.append(web_site())
    return entities


# --- Feeds ---------------------------------------------------------------------------------------


@dataclass
class FeedLink:
    title: str
    url: str


@dataclass
class PageMeta:
    canonical: str
    og_type: str
    feeds: list[FeedLink] = field(default_factory=list)
    json_ld: SafeString = mark_safe("")


def page_feeds(context, view_name: str) -> list[FeedLink]:
    """The page's own feed first (the one "Follow with a feed reader" offers), then site-wide ones."""
    feeds: list[FeedLink] = []
    obj, tag = context.get("object"), context.get("tag")
    if view_name == "trials:detail" and isinstance(obj, Trial):
        feeds.append(FeedLink(_("Changes to %(nct)s") % {"nct": obj.nct_id}, reverse("feeds:trial", args=[obj.slug])))
    if tag is not None and view_name in ("tag", "articles:tag"):
        feeds.append(
            FeedLink(_("Everything about %(name)s") % {"name": tag.name}, reverse("feeds:tag", args=[tag.slug]))
        )
    section = {
        "faq": FeedLink(_("New and updated answers"), reverse("feeds:questions")),
        "trials": FeedLink(_("Trial changes"), reverse("feeds:trial_changes")),
    }.get(view_name.split(":")[0])
    if section:
        feeds.append(section)
    feeds.append(FeedLink(_("Latest articles"), reverse("feeds:articles")))
    return feeds


def page_meta(context, *, title: str, description: str) -> PageMeta:
    request = context["request"]
    match = request.resolver_match
    view_name = match.view_name if match else ""
    path = request.path
    page = request.GET.get("page", "")
    canonical = absolute(path + (f"?page={page}" if page.isdigit() and page != "1" else ""))
    obj = context.get("object")
    crumbs = breadcrumbs(view_name=view_name, path=path, title=title, obj=obj, tag=context.get("tag"))
    graph = [*main_entities(context, view_name=view_name, path=path, title=title, description=description)]
    graph.append(breadcrumb_list(crumbs))
    return PageMeta(
        canonical=canonical,
        og_type="article" if isinstance(obj, ContentBase) else "website",
        feeds=page_feeds(context, view_name),
        json_ld=json_ld({"@context": SCHEMA, "@graph": graph}),
    )
