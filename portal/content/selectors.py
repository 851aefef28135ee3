"""Reads that span every registered content type (see `registry`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, Model, OuterRef, Q
from django.http import Http404
from taggit.models import Tag, TaggedItem

from .models import ContentBase
from .registry import content_types, spec_for


def content_models() -> list[type[ContentBase]]:
    return [spec.model for spec in content_types()]


def is_content_model(model: type[Model]) -> bool:
    return spec_for(model) is not None


def home_sections() -> dict:
    """What each type shows on the home page, by context name (one query each, plus tags)."""
    return {name: list(items()) for spec in content_types() for name, items in spec.home_sections.items()}


def public_tag_or_404(slug: str):
    """The tag with this slug if at least one published item uses it (one query): a tag only drafts
    use does not exist for the public, since its name could give away unpublished work."""
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
    tag = Tag.objects.filter(used_by_published, slug=slug).first()
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


def tagged_sections(slug: str, per_type: int) -> list[TagSection]:
    """Up to `per_type` newest published items of each type carrying the tag (two queries per type)."""
    sections = []
    for model in content_models():
        items = list(model.objects.published().tagged(slug).for_listing().newest_first()[: per_type + 1])
        opts = model._meta
        heading = str(opts.verbose_name_plural)
        sections.append(TagSection(opts.model_name, heading, items[:per_type], more=len(items) > per_type))
    return sections


def tagged_of_type(slug: str, model_name: str):
    """Published items of one type (by model name) carrying the tag, newest first; None for an unknown type."""
    for model in content_models():
        if model._meta.model_name == model_name:
            return model.objects.published().tagged(slug).for_listing().newest_first()
    return None
