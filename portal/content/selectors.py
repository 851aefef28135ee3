"""Reads that span every registered content type (see `registry`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model

from .models import ContentBase
from .registry import content_types, spec_for, spec_for_kind


def content_models() -> list[type[ContentBase]]:
    return [spec.model for spec in content_types()]


def is_content_model(model: type[Model]) -> bool:
    return spec_for(model) is not None


def home_sections() -> dict:
    """What each type shows on the home page, by context name (one query each, plus tags)."""
    return {name: list(items()) for spec in content_types() for name, items in spec.home_sections.items()}


def tagged_items(slug: str) -> dict[str, list[ContentBase]]:
    """Published items of every type carrying the tag, keyed by the type's plural name."""
    return {
        spec.plural: list(spec.model.objects.published().tagged(slug).for_listing().newest_first())
        for spec in content_types()
    }


@dataclass
class TagSection:
    """One content type's items on a tag page; `more` when the type has more than are shown."""

    kind: str
    heading: str
    items: list[ContentBase]
    more: bool = False


def tagged_sections(slug: str, per_type: int) -> list[TagSection]:
    """Up to `per_type` newest published items of each type carrying the tag (two queries per type)."""
    sections = []
    for spec in content_types():
        items = list(spec.model.objects.published().tagged(slug).for_listing().newest_first()[: per_type + 1])
        sections.append(TagSection(spec.kind, str(spec.plural), items[:per_type], more=len(items) > per_type))
    return sections


def tagged_of_kind(slug: str, kind: str):
    """Published items of one type (by its registered kind) carrying the tag, newest first; None if unknown."""
    spec = spec_for_kind(kind)
    return None if spec is None else spec.model.objects.published().tagged(slug).for_listing().newest_first()
