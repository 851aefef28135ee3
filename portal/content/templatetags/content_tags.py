"""Template helpers for cards of any registered content type."""

from __future__ import annotations

from django import template

from portal.content.registry import spec_for

register = template.Library()

BASE_CARD = "content/_card_base.html"


@register.filter
def card_template(item) -> str:
    """The card template the item's type registered (it extends content/_card_base.html), or the base card."""
    spec = spec_for(item)
    return (spec.card_template if spec else "") or BASE_CARD
