"""Auto-linked definitions: the first mention of each published term on a page links to its definition.

Works on sanitised HTML (the stored `body_html`), parsed with Python's html.parser and written back
token by token, so matches never span tags and nothing inside headings, links, code or pre (or an
existing abbreviation) is touched. The stored text is never changed: this only renders.

A page's fragments share one "seen" set, so a term is linked at most once per page, and the result
lists the linked terms in order for the footnote-style definition list at the end of the page
(`templates/glossary/_definitions.html`). Rendered results are cached by content and glossary version
(`annotate_cached`), so a page view costs one cache read.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from .models import Term, Variant
from .services import VERSION_KEY, glossary_version_bump
from .text import normalise, variant_pattern

# Never link inside these (or inside anything nested in them).
SKIP_TAGS = frozenset({"a", "abbr", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style",
                       "textarea", "button", "dt", "summary", "svg", "math", "title"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                       "wbr"})
CACHE_TIMEOUT = 60 * 60 * 24 * 7


@dataclass(frozen=True)
class DefinedTerm:
    slug: str
    title: str
    definition_html: str
    url: str

    @property
    def anchor(self) -> str:
        return f"def-{self.slug}"


@dataclass
class Matcher:
    """Every published variant compiled into one case-insensitive, word-bounded pattern."""

    terms_by_key: dict[str, DefinedTerm]
    pattern: re.Pattern | None

    @classmethod
    def build(cls, names: list[tuple[str, bool, DefinedTerm]]) -> Matcher:
        """`names`: (text, match_case, term) for every preferred term and variant."""
        terms_by_key: dict[str, DefinedTerm] = {}
        alternatives: list[tuple[int, str]] = []
        for text, match_case, term in names:
            key = normalise(text)
            if not key or key in terms_by_key:
                continue
            terms_by_key[key] = term
            alternatives.append((len(key), variant_pattern(text, match_case=match_case)))
        if not alternatives:
            return cls(terms_by_key, None)
        # Longest first, so "dimethyl fumarate" wins over a shorter name inside it.
        body = "|".join(p for _, p in sorted(alternatives, key=lambda a: -a[0]))
        return cls(terms_by_key, re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE))

    def term_for(self, matched: str) -> DefinedTerm | None:
        return self.terms_by_key.get(normalise(matched))


@dataclass
class Annotated:
    parts: list[SafeString]
    terms: list[DefinedTerm] = field(default_factory=list)
    text: str = ""  # the plain-text fragment, escaped and linked (see the template tag)

    def __iter__(self):
        return iter(self.parts)


def link_html(term: DefinedTerm, text: str) -> str:
    return (
        f'<a class="gloss" href="#{term.anchor}" aria-describedby="{term.anchor}-text">{escape(text, quote=False)}</a>'
    )


class _Linker(HTMLParser):
    def __init__(self, matcher: Matcher, seen: set[str], found: list[DefinedTerm]) -> None:
        super().__init__(convert_charrefs=True)
        self.matcher = matcher
        self.seen = seen
        self.found = found
        self.out: list[str] = []
        self.skip_depth = 0
        self.open_skips: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in SKIP_TAGS and tag not in VOID_TAGS:
            self.open_skips.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in self.open_skips:
            # Close the innermost open element of that name (and anything left open inside it).
            while self.open_skips:
                if self.open_skips.pop() == tag:
                    break

    def handle_data(self, data):
        if self.open_skips or self.matcher.pattern is None:
            self.out.append(escape(data, quote=False))
            return
        pos = 0
        for match in self.matcher.pattern.finditer(data):
            term = self.matcher.term_for(match.group())
            if term is None or term.slug in self.seen:
                continue
            self.seen.add(term.slug)
            self.found.append(term)
            self.out.append(escape(data[pos : match.start()], quote=False))
            self.out.append(link_html(term, match.group()))
            pos = match.end()
        self.out.append(escape(data[pos:], quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def annotate(fragments: list[str], matcher: Matcher) -> Annotated:
    """Link the first mention of each term across the page's HTML fragments (in page order)."""
    seen: set[str] = set()
    found: list[DefinedTerm] = []
    parts: list[SafeString] = []
    for fragment in fragments:
        if not fragment:
            parts.append(mark_safe(""))
            continue
        linker = _Linker(matcher, seen, found)
        linker.feed(str(fragment))
        linker.close()
        parts.append(mark_safe("".join(linker.out)))  # noqa: S308  (input was sanitised; data re-escaped)
    return Annotated(parts=parts, terms=found)


# ---------------------------------------------------------------------------------------------
# Loading and caching

_matchers: dict[str, Matcher] = {}


def load_matcher() -> Matcher:
    """Every published term and its variants from the database (one query)."""
    names: list[tuple[str, bool, DefinedTerm]] = []
    terms: dict[int, DefinedTerm] = {}
    for term in Term.objects.published().only("pk", "slug", "title", "body_html").order_by("pk"):
        defined = DefinedTerm(term.slug, term.title, term.body_html, term.get_absolute_url())
        terms[term.pk] = defined
        names.append((term.title, False, defined))
    for variant in Variant.objects.filter(term_id__in=terms).order_by("pk"):
        names.append((variant.text, variant.match_case, terms[variant.term_id]))
    return Matcher.build(names)


def matcher_for(version: str) -> Matcher:
    matcher = _matchers.get(version)
    if matcher is None:
        matcher = load_matcher()
        _matchers.clear()  # only the current version is ever needed
        _matchers[version] = matcher
    return matcher


def annotate_cached(fragments: list[str]) -> Annotated:
    """`annotate()` with the current published glossary, cached by content and glossary version.

    A hit costs one cache read (`get_many` of the version and the rendering).
    """
    fragments = [str(f or "") for f in fragments]
    digest = hashlib.sha256("\x00".join(fragments).encode()).hexdigest()
    key = f"glossary:html:{digest}"
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or glossary_version_bump()
    cached = found.get(key)
    if cached and cached[0] == version:
        parts, terms = cached[1], cached[2]
        return Annotated(parts=[mark_safe(p) for p in parts], terms=[DefinedTerm(*t) for t in terms])  # noqa: S308
    result = annotate(fragments, matcher_for(version))
    cache.set(
        key,
        (version, [str(p) for p in result.parts], [(t.slug, t.title, t.definition_html, t.url) for t in result.terms]),
        CACHE_TIMEOUT,
    )
    return result
