"""What a content type hands to the search index: one `SearchDocument` per published item.

Each type's `ContentTypeSpec.search_document` builds it (see `portal.content.registry`); the indexer
turns it into a `SearchEntry` row without knowing which type it came from. Types with more to say
than title, summary, body and tags start from `content_search_document(item)` and add to it with
`dataclasses.replace`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.html import strip_tags

if TYPE_CHECKING:
    from ..models import ContentBase


@dataclass(frozen=True)
class SearchDocument:
    title: str
    url: str
    summary: str = ""
    # Plain-text parts of the page, in order; joined and cut to the indexer's BODY_LIMIT.
    body: tuple[str, ...] = ()
    # Text scanned for codes (product codes, registry numbers) that rank like the title.
    identifiers: tuple[str, ...] = ()
    # Whole words added to the identifiers as they are, lower-cased (e.g. an acronym).
    keywords: tuple[str, ...] = ()
    # (slug, name) pairs.
    tags: tuple[tuple[str, str], ...] = ()
    # Structured fields the index stores generically:
    code: str = ""  # an exact identifier; a query that is just this code lists the item first
    state: str = ""  # a status value the search can filter on (choices in the spec's state_choices)
    is_open: bool = False  # open to the public (e.g. recruiting): ranks a little higher, matches the "open" filter
    published_at: datetime.datetime | None = None
    reviewed_on: datetime.date | None = None  # last medical review, or the publication date


def plain_text(html: str, markdown: str = "") -> str:
    """Rendered HTML (or, failing that, the Markdown source) as one line of plain text."""
    return " ".join(strip_tags(html or markdown or "").split())


def join_words(values) -> str:
    """A list field (conditions, interventions) as one line of text."""
    return " ".join(str(v) for v in (values or []) if v)


def content_search_document(item: ContentBase) -> SearchDocument:
    """The document every content type shares: title, summary, body, tags, dates."""
    published = item.published_at
    return SearchDocument(
        title=item.title,
        url=item.get_absolute_url(),
        summary=item.summary,
        body=(plain_text(item.body_html, item.body),),
        tags=tuple((tag.slug, tag.name) for tag in item.tags.all()),
        published_at=published,
        reviewed_on=item.last_reviewed or (published.date() if published else None),
    )
