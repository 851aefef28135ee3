"""Markdown to safe HTML: editors and the registry write Markdown; readers only ever get sanitised HTML."""

from __future__ import annotations

import threading

import markdown as md
import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

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


def _python_markdown(text: str) -> str:
    return _renderer().reset().convert(text)


def _markdown_it_renderer():
    renderer = getattr(_local, "mdit", None)
    if renderer is None:
        renderer = _local.mdit = (
            MarkdownIt("commonmark", {"html": True, "maxNesting": 20})
            .enable(["table", "strikethrough"])
            # Raw HTML only inline (nh3 sanitises it): a CommonMark HTML block would swallow the
            # Markdown after a tag on the same line, which python-markdown rendered.
            .disable("html_block")
            .use(footnote_plugin)
            .use(deflist_plugin)
        )
        # Every link becomes an <a>; nh3 then drops hrefs outside URL_SCHEMES (javascript:, data:...),
        # as with python-markdown, instead of leaving "[x](javascript:...)" as visible text.
        renderer.validateLink = lambda url: True
    return renderer


def _markdown_it(text: str) -> str:
    return _markdown_it_renderer().render(text).rstrip("\n")


RENDERERS = {"python-markdown": _python_markdown, "markdown-it-py": _markdown_it}
# markdown-it-py (CommonMark, nesting capped at 20) stays close to linear on hostile input where
# python-markdown takes minutes or overflows the stack: numbers in scripts/bench_markdown.py's output
# (README, "Bounded input"). The demo content renders to the same sanitised HTML with both.
RENDERER = "markdown-it-py"


def _sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


_MEMO_SIZE = 4


def render_markdown(text: str) -> str:
    """Render Markdown and strip everything that could run code (script, on*=, javascript: links).

    The last few results are kept per thread, so a save can render before its transaction starts
    (`prerender_markdown`) and find the HTML ready inside it: the write lock is held for the write only.
    """
    if not text:
        return ""
    memo = getattr(_local, "memo", None)
    if memo is None:
        memo = _local.memo = {}
    if text in memo:
        return memo[text]
    html = _sanitise(RENDERERS[RENDERER](text))
    if len(memo) >= _MEMO_SIZE:
        memo.pop(next(iter(memo)))
    memo[text] = html
    return html


def markdown_field_names(model) -> list[str]:
    """The model's Markdown fields: those with a rendered "<name>_html" sibling (body, what_it_means...)."""
    names = {field.name for field in model._meta.get_fields()}
    return [name for name in names if f"{name}_html" in names]


def prerender_markdown(model, values: dict) -> None:
    """Render the Markdown fields in `values` now (outside any transaction); bounded by max_length."""
    for name in markdown_field_names(model):
        text = values.get(name)
        max_length = model._meta.get_field(name).max_length
        if isinstance(text, str) and text and (max_length is None or len(text) <= max_length):
            render_markdown(text)
