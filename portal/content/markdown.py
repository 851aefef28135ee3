"""Markdown to safe HTML: editors and the registry write Markdown; readers only ever get sanitised HTML."""

from __future__ import annotations

import threading

import markdown as md
import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": set()}
URL_SCHEMES = {"http", "https", "mailto"}


_local = threading.local()


def _renderer() -> md.Markdown:
    # Building a Markdown instance loads every extension; imports render thousands of texts, so each
    # thread keeps one (instances are not thread-safe) and resets it between documents.
    renderer = getattr(_local, "renderer", None)
    if renderer is None:
        renderer = _local.renderer = md.Markdown(extensions=["extra", "sane_lists"], output_format="html")
    return renderer


def render_markdown(text: str) -> str:
    """Render Markdown and strip everything that could run code (script, on*=, javascript: links)."""
    if not text:
        return ""
    html = _renderer().reset().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
