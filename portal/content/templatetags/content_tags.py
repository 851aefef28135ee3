"""Template helpers for cards of any registered content type."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from portal.content.registry import spec_for

register = template.Library()

BASE_CARD = "content/_card_base.html"


@register.filter
def card_template(item) -> str:
    """The card template the item's type registered (it extends content/_card_base.html), or the base card."""
    spec = spec_for(item)
    return (spec.card_template if spec else "") or BASE_CARD


@register.simple_tag
def tag_list(item) -> str:
    """The item's tags as a list of links (nothing without tags): `{% tag_list item %}`. Built here, not
    in an included template, since every card and FAQ answer shows one."""
    links = item.tag_links
    if not links:
        return ""
    return format_html(
        '<ul class="tags" aria-label="{}">{}</ul>',
        gettext("Tags"),
        format_html_join("", '<li><a href="{}">{}</a></li>', ((tag.url, tag.name) for tag in links)),
    )
