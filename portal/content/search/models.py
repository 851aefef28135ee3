"""The search index: one row per published item of any type, so one query ranks and paginates across types.

Rows are built from each type's SearchDocument (see `document.py` and `portal.content.registry`);
the table has no column for any one type: `code`, `state` and `is_open` hold whatever the type's
document puts there (e.g. a registry number, a recruitment status, whether it recruits).

Rows are written only by `portal.content.search.indexing` (from the moderation hooks and the rebuild
command). Each text field is stored twice: as shown (title, summary, body for snippets) and as the
tokens of `text.tokenize()` (`*_terms`), which is all the databases match and the scorer counts.
The full-text part lives next to the table and is created by migration 0005 for the database in
use: an FTS5 table over the `*_terms` columns kept in step by triggers on SQLite, stored `simple`
tsvector columns with GIN indexes on PostgreSQL. Neither appears on the model.

`SearchTermStat` holds the index's own statistics for the scorer: how many entries contain each
token, plus the number of entries and the total length of each field (keys starting with "#").
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import tokenize


class SearchEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=10, db_index=True, help_text=_("The content type's registry kind."))
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text=_("Plain text of the body and other long fields."))
    tags = models.TextField(blank=True, help_text=_("Tag names, one per line."))
    tag_list = models.JSONField(default=list, blank=True, help_text=_("[slug, name] pairs for display."))
    title_terms = models.TextField(blank=True, help_text=_("Tokens of the title."))
    code_terms = models.TextField(
        blank=True, help_text=_("Canonical codes and keywords from the title and the document's identifiers.")
    )
    summary_terms = models.TextField(blank=True, help_text=_("Tokens of the summary."))
    tag_terms = models.TextField(blank=True, help_text=_("Tokens of the tag names."))
    body_terms = models.TextField(blank=True, help_text=_("Tokens of the body, plus codes found in it."))
    facets = models.TextField(
        blank=True, help_text=_("Kind, status and tags as words, for filtering in SQLite's FTS5.")
    )
    url = models.CharField(max_length=500)
    code = models.CharField(
        max_length=40, blank=True, db_index=True, help_text=_("An exact identifier (e.g. a registry number).")
    )
    state = models.CharField(max_length=30, blank=True, db_index=True, help_text=_("A status value to filter on."))
    is_open = models.BooleanField(default=False, help_text=_("Open to the public, e.g. recruiting."))
    published_at = models.DateTimeField(null=True, blank=True)
    reviewed_on = models.DateField(
        null=True, blank=True, help_text=_("Last medical review, or the publication date if never reviewed.")
    )

    class Meta:
        app_label = "content"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="content_searchentry_unique_item")
        ]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SearchWord(models.Model):
    """Every plain word seen in published items: the dictionary for spelling corrections."""

    word = models.CharField(max_length=40, primary_key=True)

    class Meta:
        app_label = "content"
        verbose_name = _("search word")

    def __str__(self) -> str:
        return self.word


class SearchTermStat(models.Model):
    """Index statistics: entries containing `term` (a token), or for "#entries" / "#length:<field>" totals."""

    term = models.CharField(max_length=60, primary_key=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        app_label = "content"
        verbose_name = _("search term statistic")

    def __str__(self) -> str:
        return f"{self.term}: {self.value}"


class SearchExpansion(models.Model):
    """Phrases that mean the same thing for search: every row of a `group` expands to the others.

    The core only reads this table; an app fills it (the glossary: one group per published term,
    a row for the preferred term and each variant), so search never imports that app. The group's
    `title`, `url` and `summary` are shown when a query is exactly one of its phrases.
    """

    group = models.CharField(max_length=100, db_index=True)
    phrase = models.CharField(max_length=200, db_index=True, help_text=_("The tokens of `text` (text.tokenize)."))
    text = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    url = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        app_label = "content"
        constraints = [models.UniqueConstraint(fields=["group", "phrase"], name="content_searchexpansion_unique")]
        verbose_name = _("search expansion")

    def __str__(self) -> str:
        return f"{self.group}: {self.text}"


def normalise_query(text: str) -> str:
    """A query as its tokens (case, punctuation, stop words and word endings ignored), for picks and counts."""
    return " ".join(tokenize(text))[:200]


class SearchPromotion(models.Model):
    """Editors' picks: for any of `queries`, up to three published items are shown first as "Recommended"."""

    queries = models.TextField(
        help_text=_("One query per line. Case, punctuation, common words and word endings do not matter.")
    )
    normalised = models.TextField(editable=False, blank=True)
    note = models.CharField(max_length=200, blank=True, help_text=_("Why these items (for editors)."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "content"
        verbose_name = _("editors' pick")
        verbose_name_plural = _("editors' picks")

    def __str__(self) -> str:
        return self.queries.splitlines()[0] if self.queries else "-"

    def save(self, *args, **kwargs) -> None:
        norms = [normalise_query(line) for line in self.queries.splitlines()]
        self.normalised = "\n" + "\n".join(n for n in dict.fromkeys(norms) if n) + "\n"
        super().save(*args, **kwargs)


class SearchPromotionItem(models.Model):
    promotion = models.ForeignKey(SearchPromotion, on_delete=models.CASCADE, related_name="items")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    position = models.PositiveSmallIntegerField(default=1)

    class Meta:
        app_label = "content"
        ordering = ["position", "pk"]
        verbose_name = _("recommended item")

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id}"


class FailedSearch(models.Model):
    """How often a normalised query found nothing (or only relaxed results) on one day; nothing about who."""

    query = models.CharField(max_length=200)
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "content"
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="content_failedsearch_unique_day")]
        verbose_name = _("failed search")

    def __str__(self) -> str:
        return f"{self.day} {self.query}: {self.count}"
