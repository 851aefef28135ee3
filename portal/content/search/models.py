"""The search index: one row per published item of any type, so one query ranks and paginates across types.

Rows are built from each type's SearchDocument (see `document.py` and `portal.content.registry`);
the table has no column for any one type: `code`, `state` and `is_open` hold whatever the type's
document puts there (e.g. a registry number, a recruitment status, whether it recruits).

Rows are written only by `portal.content.search.indexing` (from the moderation hooks and the rebuild
command). The full-text part lives next to the table and is created by migration 0003 for the
database in use: an FTS5 table kept in step by triggers on SQLite, a stored weighted `tsvector`
column with a GIN index on PostgreSQL. Neither appears on the model, so the ORM never reads it.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=10, db_index=True, help_text=_("The content type's registry kind."))
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text=_("Plain text of the body and other long fields."))
    tags = models.TextField(blank=True, help_text=_("Tag names, one per line."))
    tag_list = models.JSONField(default=list, blank=True, help_text=_("[slug, name] pairs for display."))
    identifiers = models.TextField(
        blank=True, help_text=_("Canonical codes from the title and the document's identifiers and keywords.")
    )
    terms = models.TextField(blank=True, help_text=_("Canonical codes and CAR T found in the rest of the text."))
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
