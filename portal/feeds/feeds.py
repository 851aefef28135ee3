"""Atom feeds (django.contrib.syndication): latest articles, new and updated FAQs, trial changes,
everything on one tag, and one trial's registry changes.

Every feed reads through `portal.feeds.selectors`, which only returns published items and changes of
published trials, so a feed can never carry a draft's title.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from portal.content.models import ContentBase
from trials.models import Trial, TrialChange

from . import selectors


class PortalFeed(Feed):
    feed_type = Atom1Feed
    author_name = settings.SITE_NAME

    def item_title(self, item: ContentBase) -> str:
        return item.title

    def item_description(self, item: ContentBase) -> str:
        return item.summary

    def item_pubdate(self, item: ContentBase):
        return item.published_at

    def item_updateddate(self, item: ContentBase):
        return item.updated_at

    def item_categories(self, item: ContentBase) -> list[str]:
        return [tag.name for tag in item.tag_links]  # loaded by for_listing()


class ArticleFeed(PortalFeed):
    def title(self) -> str:
        return _("Latest articles · %(site)s") % {"site": settings.SITE_NAME}

    subtitle = gettext_lazy("Plain-language explainers and research news about MS and CAR T-cell therapy.")

    def link(self) -> str:
        return reverse("articles:list")

    def items(self):
        return selectors.latest_articles()


class QuestionFeed(PortalFeed):
    def title(self) -> str:
        return _("New and updated answers · %(site)s") % {"site": settings.SITE_NAME}

    subtitle = gettext_lazy(
        "Questions and answers about CAR T-cell therapy and MS research, as they are added or revised."
    )

    def link(self) -> str:
        return reverse("faq:list")

    def items(self):
        return selectors.latest_questions()

    def item_pubdate(self, item: ContentBase):
        # Readers should see a revised answer as new: its entry date is the last edit.
        return item.updated_at


class TagFeed(PortalFeed):
    def get_object(self, request, slug: str) -> Tag:
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag: Tag) -> str:
        return _("“%(name)s” · %(site)s") % {"name": tag.name, "site": settings.SITE_NAME}

    def subtitle(self, tag: Tag) -> str:
        return _("New articles, questions and trials about %(name)s.") % {"name": tag.name}

    def link(self, tag: Tag) -> str:
        return reverse("tag", args=[tag.slug])

    def items(self, tag: Tag):
        return selectors.tagged_items(tag.slug)


class TrialChangeFeed(Feed):
    """Status, site and date changes of every published trial: the same events member alerts send."""

    feed_type = Atom1Feed
    author_name = settings.SITE_NAME

    def title(self) -> str:
        return _("Trial changes · %(site)s") % {"site": settings.SITE_NAME}

    subtitle = gettext_lazy(
        "When a tracked trial starts or stops recruiting, adds or removes sites, or moves its key dates, "
        "as recorded in ClinicalTrials.gov."
    )

    def link(self) -> str:
        return reverse("trials:list")

    def items(self):
        return selectors.trial_changes()

    def item_title(self, change: TrialChange) -> str:
        return f"{change.trial.acronym or change.trial.title} ({change.trial.nct_id}): {change.summary}"

    def item_description(self, change: TrialChange) -> str:
        return _("%(summary)s. Always check the registry record and the study team for the latest details.") % {
            "summary": change.summary
        }

    def item_link(self, change: TrialChange) -> str:
        return change.trial.get_absolute_url() + "#timeline-title"

    def item_guid(self, change: TrialChange) -> str:
        # Stable per change, and different for two changes of the same trial (the link is shared).
        return f"tag:{settings.SITE_NAME.replace(' ', '').lower()},2026:trial-change:{change.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, change: TrialChange):
        return change.changed_at

    def item_updateddate(self, change: TrialChange):
        return change.changed_at


class OneTrialFeed(TrialChangeFeed):
    def get_object(self, request, slug: str) -> Trial:
        return get_object_or_404(Trial.objects.published(), slug=slug)

    def title(self, trial: Trial) -> str:
        return _("%(trial)s (%(nct)s): registry changes · %(site)s") % {
            "trial": trial.acronym or trial.title,
            "nct": trial.nct_id,
            "site": settings.SITE_NAME,
        }

    def subtitle(self, trial: Trial) -> str:
        return _("Status, site and date changes of %(nct)s, as recorded in ClinicalTrials.gov.") % {"nct": trial.nct_id}

    def link(self, trial: Trial) -> str:
        return trial.get_absolute_url()

    def items(self, trial: Trial):
        return selectors.trial_changes(trial=trial)
