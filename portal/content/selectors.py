"""Reads that span every registered content type (see `registry`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from .cache import cached_for_generation
from .models import ContentBase, PeriodicReview, Status
from .registry import content_types, spec_for
from .scheduling import scheduled_q


def content_models() -> list[type[ContentBase]]:
    return [spec.model for spec in content_types()]


def is_content_model(model: type[Model]) -> bool:
    return spec_for(model) is not None


def home_sections() -> dict:
    """What each type shows on the home page, by context name (one query each, plus tags)."""
    return {name: list(items()) for spec in content_types() for name, items in spec.home_sections.items()}


def tag_or_404(slug: str) -> Tag:
    """The tag with this slug, published or not: callers must still 404 when no published item uses it
    (`tag_is_public`); the tag page does so from the lists it reads anyway."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such topic.")
    return tag


def tag_is_public(tag: Tag) -> bool:
    """Whether at least one published item of any type carries the tag (one query)."""
    return public_tags().filter(pk=tag.pk).exists()


TAGGED_COUNT_CACHE_SECONDS = 60 * 60 * 24


def tagged_count(tag: Tag, model) -> int:
    """How many published items of `model` carry the tag, counted from the tag's own rows (each checked
    by primary key), not from every published item, and kept under the content generation (a count only
    published content decides, like the finder's option counts): a big tag's pages do not count it again
    until the next change."""
    content_type_id = ContentType.objects.get_for_model(model).pk

    def count() -> int:
        return (
            TaggedItem.objects.filter(content_type_id=content_type_id, tag_id=tag.pk)
            .filter(Exists(model.objects.published().filter(pk=OuterRef("object_id"))))
            .count()
        )

    return cached_for_generation(f"tag-count:{tag.pk}:{content_type_id}", count, timeout=TAGGED_COUNT_CACHE_SECONDS)


def public_tags():
    """Tags that at least one published item uses."""
    used_by_published = Q()
    for model in content_models():
        opts = model._meta
        used_by_published |= Q(
            Exists(
                TaggedItem.objects.filter(
                    tag=OuterRef("pk"),
                    content_type__app_label=opts.app_label,
                    content_type__model=opts.model_name,
                    object_id__in=model.objects.published().values("pk"),
                )
            )
        )
    return Tag.objects.filter(used_by_published)


def public_tag_or_404(slug: str):
    """The tag with this slug if at least one published item uses it (one query): a tag only drafts
    use does not exist for the public, since its name could give away unpublished work."""
    tag = public_tags().filter(slug=slug).first()
    if tag is None:
        raise Http404("No such topic.")
    return tag


def tagged_items(slug: str) -> dict[str, list[ContentBase]]:
    """Published items of every type carrying the tag, keyed by the type's plural name."""
    return {
        spec.plural: list(spec.model.objects.published().tagged(slug).for_listing().newest_first())
        for spec in content_types()
    }


@dataclass
class TagSection:
    """One content type's items on a tag page; `more` when the type has more than are shown."""

    model_name: str
    heading: str
    items: list[ContentBase]
    more: bool = False


def tagged_sections(slug, per_type: int) -> list[TagSection]:
    """Up to `per_type` newest published items of each type carrying the tag (a slug or a Tag; two
    queries per type)."""
    sections = []
    for model in content_models():
        items = list(model.objects.published().tagged(slug).for_listing().newest_first()[: per_type + 1])
        opts = model._meta
        heading = str(opts.verbose_name_plural)
        sections.append(TagSection(opts.model_name, heading, items[:per_type], more=len(items) > per_type))
    return sections


def tagged_of_type(slug, model_name: str):
    """Published items of one type (by model name) carrying the tag (a slug or a Tag), newest first; None
    for an unknown type."""
    for model in content_models():
        if model._meta.model_name == model_name:
            return model.objects.published().tagged(slug).for_listing().newest_first()
    return None


# The editorial dashboard's lists (the dashboard itself lives above the core).


@dataclass(frozen=True)
class DashboardItem:
    """One content item on a dashboard list: `kind` is the type's public label ("Article"),
    `when` the date that puts it there (going live, leaving, review due; None: never reviewed)."""

    item: ContentBase
    kind: str
    admin_url: str
    when: datetime.datetime | datetime.date | None
    what: str  # "publish", "archive" or "review"


def _admin_url(item: ContentBase) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def scheduled_items(limit: int = 50) -> list[DashboardItem]:
    """What moderators have scheduled, soonest first: items in review due to go live (`what`
    "publish", `when` = publish_at) and items due to leave the site ("archive", archive_at); an item
    with both appears twice. `item.scheduled_by` is loaded. One query per content type."""
    rows = []
    for spec in content_types():
        for item in spec.model.objects.filter(scheduled_q()).select_related("scheduled_by"):
            url = _admin_url(item)
            if item.status == Status.IN_REVIEW and item.publish_at:
                rows.append(DashboardItem(item, str(spec.label), url, item.publish_at, "publish"))
            if item.archive_at:
                rows.append(DashboardItem(item, str(spec.label), url, item.archive_at, "archive"))
    return sorted(rows, key=lambda row: row.when)[:limit]


def review_due(queryset: QuerySet, today: datetime.date | None = None) -> QuerySet:
    """Rows of a `PeriodicReview` model whose medical review is due by `today` (last review plus
    the item's interval has come), or that were never reviewed."""
    today = today or timezone.localdate()
    return queryset.filter(Q(review_due_on__lte=today) | Q(review_due_on__isnull=True))


def reviewed_models() -> list[type[ContentBase]]:
    """The registered content types that are re-reviewed periodically (articles, FAQs)."""
    return [model for model in content_models() if issubclass(model, PeriodicReview)]


def review_due_items(today: datetime.date | None = None, limit: int = 50) -> list[DashboardItem]:
    """Published items due for medical review, most overdue first (never reviewed before all);
    `when` is the due date. One query per periodically reviewed content type."""
    rows = []
    for model in reviewed_models():
        spec = spec_for(model)
        for item in review_due(model.objects.published(), today).order_by("review_due_on", "pk")[:limit]:
            rows.append(DashboardItem(item, str(spec.label), _admin_url(item), item.review_due_on, "review"))
    return sorted(rows, key=lambda row: (row.when is not None, row.when or datetime.date.min))[:limit]
