from __future__ import annotations

from django import template
from django.utils.html import escape

from ..linking import Annotated, annotate_cached

register = template.Library()


@register.simple_tag
def glossary_annotate(*fragments, text: str = "") -> Annotated:
    """Auto-link glossary terms across a page's HTML fragments, in page order.

    `text=` is a plain-text fragment (e.g. a trial summary) put first and escaped here:
    `{% glossary_annotate object.body_html text=object.summary as glossed %}` gives
    `glossed.text` (the escaped, linked plain text), `glossed.parts` and `glossed.terms`.
    """
    pieces = [escape(text)] if text else []
    result = annotate_cached([*pieces, *fragments])
    if text:
        result.text = result.parts[0]
        result.parts = result.parts[1:]
    return result
