"""Reads that span every registered content type (see `registry`)."""

from __future__ import annotations

from django.db.models import Model

from .models import ContentBase
from .registry import content_types, spec_for


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
