"""The moderated content model that articles, FAQs and trials share.

Status only changes through the actions in `portal/actions/`; `save()` only fills in derived fields.
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from .markdown import render_markdown
from .reversing import slug_url
from .validators import MAX_MARKDOWN_LENGTH, MAX_SUMMARY_LENGTH, MarkdownLengthValidator, validate_single_line

WORDS_PER_MINUTE = 200


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class TagLink(NamedTuple):
    """One of an item's tags as a page shows it: a link to the tag's page."""

    slug: str
    name: str
    url: str


def attach_tag_links(items) -> None:
    """Set `tag_links` (by name) on content items in one query per content type.

    What taggit's `prefetch_related("tags")` does for cards, without its per-item managers and querysets:
    one narrow query (object id, slug, name) and a link reversed once per distinct tag.
    """
    by_model: dict[type, dict[int, list[TagLink]]] = {}
    for item in items:
        if item.pk is not None:
            by_model.setdefault(type(item), {})[item.pk] = []
        else:
            item._tag_links = []
    urls: dict[str, str] = {}
    for model, links in by_model.items():
        rows = (
            TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=list(links))
            .values_list("object_id", "tag__slug", "tag__name")
        )
        for object_id, slug, name in rows:
            if slug not in urls:
                urls[slug] = slug_url("tag", slug)
            links[object_id].append(TagLink(slug, name, urls[slug]))
    for item in items:
        if item.pk is not None:
            # By name, the same on every database (collations differ), case aside.
            item._tag_links = sorted(by_model[type(item)][item.pk], key=lambda t: (t.name.casefold(), t.slug))


class ContentQuerySet(models.QuerySet):
    """Filters every content type shares, so no public view can forget the status filter."""

    _with_tag_links = False

    def _clone(self):
        clone = super()._clone()
        clone._with_tag_links = self._with_tag_links
        return clone

    def _fetch_all(self) -> None:
        loaded = self._result_cache is not None
        super()._fetch_all()
        if self._with_tag_links and not loaded and self._iterable_class is ModelIterable:
            attach_tag_links(self._result_cache)

    def with_tag_links(self) -> ContentQuerySet:
        """Rows come with `tag_links` set (one query per fetch, like a prefetch)."""
        clone = self._chain()
        clone._with_tag_links = True
        return clone

    def published(self) -> ContentQuerySet:
        """Rows the public may see: published ones only."""
        return self.filter(status=Status.PUBLISHED)

    def in_review(self) -> ContentQuerySet:
        return self.filter(status=Status.IN_REVIEW)

    def for_listing(self) -> ContentQuerySet:
        """Preloads the author (join) and tag links (one extra query) for cards."""
        return self.select_related("author").with_tag_links()

    def for_detail(self) -> ContentQuerySet:
        """Same preloads as a listing; apps add their own relations."""
        return self.for_listing()

    def tagged(self, tag) -> ContentQuerySet:
        """Rows carrying the tag (a slug, or a Tag: then no join on tags), as a correlated EXISTS (no
        DISTINCT, no list of every tagged id built first): a newest-first page walks the newest-first
        index and checks each row's tags by the (content type, object id) index, so a deep page of a big
        tag costs about what the first one does."""
        which = {"tag__slug": tag} if isinstance(tag, str) else {"tag_id": tag.pk}
        return self.filter(
            models.Exists(
                TaggedItem.objects.filter(
                    content_type_id=ContentType.objects.get_for_model(self.model).pk,
                    object_id=models.OuterRef("pk"),
                    **which,
                )
            )
        )

    def newest_first(self) -> ContentQuerySet:
        return self.order_by("-published_at", "-pk")


class ContentBase(models.Model):
    title = models.CharField(_("title"), max_length=255, validators=[validate_single_line])
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        help_text=_("The last part of the page's web address. Filled in from the title if left empty."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=MAX_SUMMARY_LENGTH,
        validators=[MaxLengthValidator(MAX_SUMMARY_LENGTH)],
        help_text=_(
            "One or two plain-language sentences shown on cards, in search results and as the page description."
        ),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        max_length=MAX_MARKDOWN_LENGTH,
        validators=[MarkdownLengthValidator()],
        help_text=_("Markdown. Scripts, event handlers and javascript: links are removed when it is shown."),
    )
    body_html = models.TextField(editable=False, blank=True)
    public_title = models.CharField(
        _("title when last published"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("What members' saved items and exports show once the item is no longer published."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Changed only by the moderation actions (submit, publish, send back, archive)."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the item is first published."),
    )
    last_reviewed = models.DateField(
        _("last medically reviewed"),
        null=True,
        blank=True,
        help_text=_("The date a clinician or trained editor last checked the medical content."),
    )
    # Scheduled publishing (`portal.content.scheduling`): an item in review with `publish_at` is
    # approved to go live then; a published (or scheduled) item with `archive_at` leaves the site then.
    # The `publish_scheduled` command carries both out, as `scheduled_by`.
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Approve the item to go live at this date and time. It stays unpublished until then."),
    )
    archive_at = models.DateTimeField(
        _("archive at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Take the item off the public site at this date and time."),
    )
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("scheduled by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    tags = TaggableManager(blank=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True
        permissions = [("moderate_content", "Can publish, send back and archive")]
        # Lists newest first walk this index: page 300 reads 10 rows, not a sort of every row.
        indexes = [models.Index(fields=["status", "-published_at", "-id"], name="%(app_label)s_%(class)s_newest")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.ensure_slug()
        self.body_html = render_markdown(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = update_fields = {*update_fields, "body_html"}
        if self.status == Status.PUBLISHED:
            # The only place the public title is recorded: whatever is saved while published is public.
            self.public_title = self.title
            if update_fields is not None and {"title", "status"} & set(update_fields):
                kwargs["update_fields"] = {*update_fields, "public_title"}
        super().save(*args, **kwargs)

    @property
    def tag_links(self) -> list[TagLink]:
        """The item's tags by name, as links; loaded with the row by `for_listing()`, else one query."""
        if "_tag_links" not in self.__dict__:
            attach_tag_links([self])
        return self._tag_links

    def ensure_slug(self) -> None:
        """Fill an empty slug from the title, adding -2, -3... if another item has it."""
        if self.slug:
            return
        base = slugify(self.title)[:240] or "item"
        slug, n = base, 1
        while type(self).objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        self.slug = slug

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_scheduled(self) -> bool:
        """Approved to go live at `publish_at` (in review until then), or due to leave at `archive_at`."""
        return (self.status == Status.IN_REVIEW and self.publish_at is not None) or (
            self.status in {Status.IN_REVIEW, Status.PUBLISHED} and self.archive_at is not None
        )

    @property
    def kind(self) -> str:
        return self._meta.verbose_name

    @property
    def display_date(self):
        return self.published_at or self.updated_at

    @property
    def reading_minutes(self) -> int:
        words = len(re.findall(r"\w+", strip_tags(self.body_html) or self.body))
        return max(1, math.ceil(words / WORDS_PER_MINUTE))


MEDICAL_REVIEWERS_GROUP = "Medical reviewers"


class MedicallyReviewed(models.Model):
    """A content type that gives health information inherits this: it cannot be published without a
    named medical review (see `portal.content.review`). Articles and FAQs do; trials and glossary
    terms do not. The date of the review is `ContentBase.last_reviewed`."""

    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medically reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"groups__name": MEDICAL_REVIEWERS_GROUP},
        help_text=_(
            "The member of the “Medical reviewers” group who checked the medical content. Leave empty "
            "and fill in the external reviewer's name below if someone outside the team reviewed it."
        ),
    )
    reviewer_name = models.CharField(
        _("external reviewer's name"),
        max_length=120,
        blank=True,
        validators=[validate_single_line],
        help_text=_("Only for a reviewer outside the team, e.g. “Dr Ana Ruiz”. Shown to readers."),
    )
    reviewer_credentials = models.CharField(
        _("reviewer's credentials"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
        help_text=_(
            "Qualifications readers can check, e.g. “MD, consultant neurologist”. Needed for an external "
            "reviewer; for a team reviewer, leave empty to use the credentials on their editor profile."
        ),
    )

    class Meta:
        abstract = True

    @property
    def has_named_review(self) -> bool:
        """The page names the reviewer ("Medically reviewed by ..., on <date>"), so the date line need not."""
        return bool(self.last_reviewed and (self.reviewed_by_id or self.reviewer_name))


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved on by whole months; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class PeriodicReview(models.Model):
    """Medical content that is re-reviewed every `review_interval_months` (articles, FAQs).

    Mixed in before `ContentBase`. `review_due_on` (last review + interval) is derived in `save()`,
    so "review due" is one indexed filter on every database (`portal.content.review`).
    """

    review_interval_months = models.PositiveSmallIntegerField(
        _("review every (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("How often the medical content is checked again. The page says when a review is due."),
    )
    review_due_on = models.DateField(_("medical review due"), null=True, blank=True, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.review_due_on = (
            add_months(self.last_reviewed, self.review_interval_months) if self.last_reviewed else None
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"last_reviewed", "review_interval_months"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "review_due_on"}
        super().save(*args, **kwargs)

    @property
    def is_review_due(self) -> bool:
        """For the public page's "due for review" note (today's date; the page cache keeps pages a day at most)."""
        return self.review_due()

    def review_due(self, today: datetime.date | None = None) -> bool:
        """True when the medical review is due (or there has never been one)."""
        today = today or timezone.localdate()
        return self.review_due_on is None or self.review_due_on <= today


class ModerationEvent(models.Model):
    """One status change of one content item: who, when, from, to and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    comment = models.TextField(blank=True)
    about_draft = models.BooleanField(
        _("draft of the published page"),
        default=False,
        help_text=_("The change was to a pending draft; the published page stayed as it was."),
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("moderation event")

    def __str__(self) -> str:
        return f"{self.get_from_status_display() or '-'} → {self.get_to_status_display()}"


class PendingDraft(models.Model):
    """The next version of a published item, kept apart so the public page keeps its approved content.

    An edit (or revert) of a published item writes here, not to the item's row: the row, which the
    public pages, the search index, feeds and sitemaps read, changes only when a moderator publishes
    the draft (`portal/actions/drafts.py`). One per item; `fields` holds the values of the item's
    revision fields (`portal/content/revisions.py`), `tags` its tag names, `relations` the primary keys
    of its many-to-many fields.
    """

    class State(models.TextChoices):
        DRAFT = Status.DRAFT.value, _("Draft")
        IN_REVIEW = Status.IN_REVIEW.value, _("In review")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    fields = models.JSONField(default=dict)
    tags = models.JSONField(default=list)
    relations = models.JSONField(default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last edited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="content_one_pending_draft_per_item")
        ]
        verbose_name = _("draft of a published item")

    def __str__(self) -> str:
        return f"{self.fields.get('title', '')} ({self.get_state_display()})"


class RevisionInfo(models.Model):
    """What django-reversion's Revision does not keep of a content item: its tags, its many-to-many
    fields and whether the revision is the item's row or a pending draft of a published item."""

    revision = models.OneToOneField("reversion.Revision", on_delete=models.CASCADE, related_name="info")
    status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    pending = models.BooleanField(default=False, help_text=_("A draft of a published item, not what the public saw."))
    tags = models.JSONField(default=list)
    relations = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("revision details")

    def __str__(self) -> str:
        return f"{self.revision_id}: {self.status}{' (draft)' if self.pending else ''}"


# The search index models live in their own package; importing them here registers them.
from .search.models import SearchEntry, SearchWord  # noqa: E402, F401
