"""What readers can follow without an account: published items and the registry changes of published trials.

Both the Atom feeds and the research-news digest read from here, so they always agree, and nothing
here can return an unpublished item: every query starts from `published()`.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from articles.models import Article
from faq.models import Question
from portal.content.models import ContentBase, Status
from trials.models import ChangeField, Trial, TrialChange

# The registry changes readers are told about: recruitment, sites and key dates. These are the same
# fields member alerts send (portal.accounts.alerts.ALERTED_TRIAL_FIELDS); enrollment targets and phase
# relabelling are history-page detail, not news.
FOLLOWED_CHANGE_FIELDS = (
    ChangeField.OVERALL_STATUS,
    ChangeField.START_DATE,
    ChangeField.PRIMARY_COMPLETION_DATE,
    ChangeField.COMPLETION_DATE,
    ChangeField.SITES_ADDED,
    ChangeField.SITES_REMOVED,
)


def latest_articles(limit: int = 20) -> QuerySet[Article]:
    return Article.objects.published().for_listing().newest_first()[:limit]


def latest_questions(limit: int = 20) -> QuerySet[Question]:
    """New and updated FAQs: the most recently changed first (an edited answer is news to a reader)."""
    return Question.objects.published().for_listing().order_by("-updated_at", "-pk")[:limit]


def trial_changes(*, trial: Trial | None = None, limit: int = 30) -> QuerySet[TrialChange]:
    """Recent status, site and date changes of published trials (of one trial when given)."""
    changes = TrialChange.objects.filter(trial__status=Status.PUBLISHED, field__in=FOLLOWED_CHANGE_FIELDS)
    if trial is not None:
        changes = changes.filter(trial=trial)
    return changes.select_related("trial").order_by("-changed_at", "-pk")[:limit]


def tagged_items(slug: str, limit: int = 30) -> list[ContentBase]:
    """Published articles, FAQs and trials with the tag, newest first (one query per type, plus tags)."""
    items: list[ContentBase] = []
    for model in (Article, Question, Trial):
        items.extend(model.objects.published().tagged(slug).for_listing().newest_first()[:limit])
    items.sort(key=lambda item: (item.published_at or item.updated_at, item.pk), reverse=True)
    return items[:limit]


def news_since(since: datetime.datetime) -> dict[str, list]:
    """The digest's content: articles first published, and followed trial changes noticed, since `since`."""
    articles = list(Article.objects.published().filter(published_at__gt=since).for_listing().newest_first())
    changes = list(
        TrialChange.objects.filter(
            trial__status=Status.PUBLISHED, field__in=FOLLOWED_CHANGE_FIELDS, changed_at__gt=since
        )
        .select_related("trial")
        .order_by("trial__title", "-changed_at", "-pk")
    )
    return {"articles": articles, "changes": changes}
