"""The site search: one ranked, filtered, paginated list over every published item of every content type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from taggit.models import TaggedItem

from .backends import Filters, SearchHit, get_backend
from .models import SearchEntry, SearchWord
from .text import MARK_END, MARK_START, ParsedQuery, allowed_typos, edit_distance, parse_query

PER_PAGE = 20
# Most rows one query ranks; beyond it the newest matches are ranked (see backends).
RESULT_CAP = 300
MAX_QUERY_LENGTH = 200


@dataclass
class SearchResults:
    query: str
    page: Page | None = None
    total: int = 0
    total_is_capped: bool = False
    showing_for: str = ""  # the corrected query when the typed one found nothing
    relaxed: bool = False  # no item had every word; these have some of them
    suggestions: list[str] = field(default_factory=list)  # close spellings, when nothing was found

    @property
    def hits(self) -> list[SearchHit]:
        return list(self.page.object_list) if self.page else []


class _KnownLength(Sequence):
    """Lets Django's Paginator number pages from a total the search query already returned."""

    def __init__(self, total: int, offset: int, hits: list[SearchHit]):
        self.total, self.offset, self.hits = total, offset, hits

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.hits
        return self.hits[index - self.offset]


def highlight(snippet: str) -> SafeString:
    """Escape a snippet, then turn its match markers into <mark> elements (never the other way round)."""
    parts = []
    for i, chunk in enumerate(snippet.split(MARK_START)):
        marked, found_end, rest = chunk.partition(MARK_END)
        if i == 0 or not found_end:
            parts.append(escape(chunk.replace(MARK_END, "")))
        else:
            parts.append(f"<mark>{escape(marked)}</mark>{escape(rest.replace(MARK_END, ''))}")
    return mark_safe("".join(parts))  # every piece is escaped above


def _run(parsed: ParsedQuery, filters: Filters, page_number: int, per_page: int) -> tuple[list[SearchHit], int, int]:
    backend = get_backend()
    offset = (page_number - 1) * per_page
    hits, total = backend.search(parsed, filters=filters, offset=offset, limit=per_page, cap=RESULT_CAP)
    if not hits and page_number > 1:  # past the last page: show the last one
        _, total = backend.search(parsed, filters=filters, offset=0, limit=1, cap=RESULT_CAP)
        if total:
            page_number = (total - 1) // per_page + 1
            offset = (page_number - 1) * per_page
            hits, total = backend.search(parsed, filters=filters, offset=offset, limit=per_page, cap=RESULT_CAP)
    return hits, total, page_number


def spelling_corrections(words: list[str]) -> dict[str, str]:
    """For each word the index has never seen, the closest dictionary word within one or two typos."""
    candidates = [w for w in dict.fromkeys(words) if allowed_typos(w)]
    if not candidates:
        return {}
    known = set(SearchWord.objects.filter(word__in=candidates).values_list("word", flat=True))
    backend = get_backend()
    corrections = {}
    for word in candidates:
        if word in known:
            continue
        limit = allowed_typos(word)
        scored = sorted(
            (edit_distance(word, other, limit), other) for other in backend.similar_words(word) if other != word
        )
        if scored and scored[0][0] <= limit:
            corrections[word] = scored[0][1]
    return corrections


def search(
    query: str,
    *,
    kind: str | None = None,
    tag: str | None = None,
    state: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> SearchResults:
    """Ranked results for a web-search style query, with typo and word-order fallbacks.

    Usually one database query. When nothing matches every word: the query with misspelt words
    corrected, then the same words with any one allowed to match.
    """
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    results = SearchResults(query=query)
    parsed = parse_query(query)
    if parsed.is_empty:
        return results
    filters = Filters(kind=kind or "", tag=tag or "", state=state or "")
    hits, total, page = _run(parsed, filters, max(page, 1), per_page)
    if not total:
        corrections = spelling_corrections(parsed.words)
        if corrections:
            corrected = parsed.replaced(corrections)
            hits, total, page = _run(corrected, filters, page, per_page)
            if total:
                results.showing_for = corrected.display()
            else:
                results.suggestions = [corrected.display()]
            parsed = corrected
    if not total and len(parsed.clauses) > 1:
        hits, total, page = _run(parsed.relaxed(), filters, page, per_page)
        results.relaxed = bool(total)
        if total and results.suggestions:
            results.showing_for, results.suggestions = results.suggestions[0], []
    for hit in hits:
        hit.snippet = highlight(hit.snippet)
    results.total = total
    results.total_is_capped = total >= RESULT_CAP
    if total:
        results.page = Paginator(_KnownLength(total, (page - 1) * per_page, hits), per_page).page(page)
    return results


def popular_tags(limit: int = 12) -> list[dict]:
    """The tags used most by published items (those in the index): slug, name and count."""
    indexed = SearchEntry.objects.filter(content_type=OuterRef("content_type"), object_id=OuterRef("object_id"))
    return list(
        TaggedItem.objects.filter(Exists(indexed))
        .values("tag__slug", "tag__name")
        .annotate(count=Count("id"))
        .order_by("-count", "tag__name")[:limit]
    )
