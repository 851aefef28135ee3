"""The site search: one ranked, filtered, paginated list over every published item of every content type."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from taggit.models import TaggedItem

from ..cache import cached_for_generation
from .backends import Filters, SearchHit, get_backend
from .expansion import ExpansionGroup, english_words, expand
from .indexing import ENTRIES_KEY, TERM_FIELDS, length_key
from .models import FailedSearch, SearchEntry, SearchPromotionItem, SearchTermStat, SearchWord, normalise_query
from .scoring import Statistics, score
from .snippets import snippet
from .text import MARK_END, MARK_START, WORD_RE, ParsedQuery, allowed_typos, edit_distance, parse_query, stem

PER_PAGE = 20
# Most candidates one query ranks; beyond it the cheap score picks them (see backends).
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
    definition: ExpansionGroup | None = None  # the query is exactly this glossary term or one of its names
    recommended: list[SearchHit] = field(default_factory=list)  # editors' picks for this query
    no_words: str = ""  # "punctuation" or "stop_words": the query had nothing to search for

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


def statistics(parsed: ParsedQuery) -> Statistics:
    """The index statistics the scorer needs for `parsed`: one query."""
    tokens = {t for clause in parsed.clauses for term in clause for t in term.tokens}
    keys = [ENTRIES_KEY, *(length_key(name) for name in TERM_FIELDS)]
    values = dict(SearchTermStat.objects.filter(term__in=[*keys, *sorted(tokens)]).values_list("term", "value"))
    entries = values.get(ENTRIES_KEY, 0)
    return Statistics(
        entries=entries,
        average_length={name: values.get(length_key(name), 0) / entries if entries else 1.0 for name in TERM_FIELDS},
        documents={t: values.get(t, 0) for t in tokens},
    )


def _run(
    parsed: ParsedQuery,
    filters: Filters,
    page_number: int,
    per_page: int,
    *,
    require_all: bool = True,
    scored_as: ParsedQuery | None = None,
) -> tuple[list[SearchHit], int, int]:
    """Find candidates, rank them, and return the page asked for (or the last one), its total and number."""
    backend = get_backend()
    scored_as = scored_as or parsed
    candidates = backend.candidates(parsed, filters=filters, cap=RESULT_CAP)
    if not candidates:
        return [], 0, page_number
    ranked = score(
        candidates, scored_as, statistics(scored_as), require_all=require_all, review_cutoff=backend.review_cutoff()
    )
    total = len(ranked)
    if total and (page_number - 1) * per_page >= total:  # past the last page: show the last one
        page_number = (total - 1) // per_page + 1
    offset = (page_number - 1) * per_page
    hits = backend.hits([c.id for c in ranked[offset : offset + per_page]])
    for hit in hits:
        hit.snippet = snippet(scored_as, hit.summary, hit.body)
    return hits, total, page_number


def spelling_corrections(words: list[str], protected: set[str] = frozenset()) -> dict[str, str]:
    """For each word the index has never seen, the closest dictionary word within one or two typos.

    A real English word, or a word whose token is in `protected` (e.g. a glossary name), is never corrected.
    """
    english = english_words()
    candidates = [w for w in dict.fromkeys(words) if allowed_typos(w) and w not in english and stem(w) not in protected]
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
            (edit_distance(word, other, limit), other) for other in set(backend.similar_words(word)) if other != word
        )
        if scored and scored[0][0] <= limit:
            corrections[word] = scored[0][1]
    return corrections


def similar(text: str, *, kind: str, limit: int) -> list[SearchHit]:
    """Up to `limit` published items of one type that share the most (and rarest) words with `text`,
    best first: the site search's own ranking with any word allowed to match, as for a question no
    page answers word for word. For "is this already answered?" lists: no spelling fallback, no
    editors' picks, and nothing is logged as a failed search. Four queries at most (glossary
    expansion, candidates, statistics, rows)."""
    parsed = parse_query((text or "").strip()[:MAX_QUERY_LENGTH])
    if parsed.is_empty:
        return []
    parsed = expand(parsed).parsed
    hits, _total, _page = _run(
        parsed.relaxed(), Filters(kind=kind), 1, limit, require_all=False, scored_as=parsed
    )
    return hits


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

    Usually three database queries (candidates, statistics, the page's rows). When nothing matches
    every word: the query with misspelt words
    corrected, then the same words with any one allowed to match.
    """
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    results = SearchResults(query=query)
    parsed = parse_query(query)
    if parsed.is_empty:
        results.no_words = "stop_words" if WORD_RE.search(query) else "punctuation"
        return results
    expanded = expand(parsed)
    parsed, results.definition = expanded.parsed, expanded.exact
    filters = Filters(kind=kind or "", tag=tag or "", state=state or "")
    hits, total, page = _run(parsed, filters, max(page, 1), per_page)
    if not total:
        corrections = spelling_corrections(
            [w for clause in parsed.clauses for t in clause if not t.expansion and not t.is_phrase for w in t.words],
            expanded.known_tokens,
        )
        if corrections:
            corrected = parsed.replaced(corrections)
            hits, total, page = _run(corrected, filters, page, per_page)
            if total:
                results.showing_for = corrected.display()
            else:
                results.suggestions = [corrected.display()]
            parsed = corrected
    if not total and len(parsed.clauses) > 1:
        hits, total, page = _run(parsed.relaxed(), filters, page, per_page, require_all=False, scored_as=parsed)
        results.relaxed = bool(total)
        if total and results.suggestions:
            results.showing_for, results.suggestions = results.suggestions[0], []
    if page == 1:
        results.recommended = editors_picks(query)
        picked = {hit.id for hit in results.recommended}
        hits = [hit for hit in hits if hit.id not in picked]
        for hit in results.recommended:
            hit.snippet = snippet(parsed, hit.summary, hit.body)
    if not total or results.relaxed:
        failed_search_record(query)
    for hit in [*hits, *results.recommended]:
        hit.snippet = highlight(hit.snippet)
    results.total = total
    results.total_is_capped = total >= RESULT_CAP
    if total:
        results.page = Paginator(_KnownLength(total, (page - 1) * per_page, hits), per_page).page(page)
    return results


MAX_PICKS = 3


def editors_picks(query: str) -> list[SearchHit]:
    """The published items editors pinned for this query (at most three, in their order): one query.

    It starts from the promotions (a handful of rows) and looks each pinned item up in the index by
    its unique (content type, object id), so its cost does not grow with the index; an item that is
    not in the index (not published) has no entry and is left out.
    """
    norm = normalise_query(query)
    if not norm:
        return []
    entry = SearchEntry.objects.filter(content_type=OuterRef("content_type"), object_id=OuterRef("object_id"))
    rows = (
        SearchPromotionItem.objects.filter(promotion__normalised__contains=f"\n{norm}\n")
        .annotate(entry_id=Subquery(entry.values("id")[:1]))
        .filter(entry_id__isnull=False)
        .order_by("position", "entry_id")
        .values_list("entry_id", flat=True)
    )
    # An item pinned by two matching promotions counts once, at its best position.
    ids = list(dict.fromkeys(rows))[:MAX_PICKS]
    return get_backend().hits(ids)


def failed_search_record(query: str) -> None:
    """Count one search that found nothing for today's row of its normalised query (no user, IP or session)."""
    norm = normalise_query(query)
    if not norm:
        return
    day = timezone.localdate()
    FailedSearch.objects.get_or_create(query=norm, day=day)
    FailedSearch.objects.filter(query=norm, day=day).update(count=F("count") + 1)


POPULAR_TAGS_CACHE_SECONDS = 24 * 3600


def popular_tags(limit: int = 12) -> list[dict]:
    """The tags used most by published items (those in the index): slug, name and count. Counting reads
    every tagged item, so the result is kept under the content generation (one cache read a page)."""

    def count() -> list[dict]:
        indexed = SearchEntry.objects.filter(content_type=OuterRef("content_type"), object_id=OuterRef("object_id"))
        return list(
            TaggedItem.objects.filter(Exists(indexed))
            .values("tag__slug", "tag__name")
            .annotate(count=Count("id"))
            .order_by("-count", "tag__name")[:limit]
        )

    return cached_for_generation(f"search:popular-tags:{limit}", count, timeout=POPULAR_TAGS_CACHE_SECONDS)


FAILED_DAYS = 30


def top_failed_searches(*, days: int = FAILED_DAYS, limit: int = 100) -> list[dict]:
    """The queries that found nothing in the last `days` days, most frequent first: {"query", "total"}. One query."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    return list(
        FailedSearch.objects.filter(day__gte=since)
        .values("query")
        .annotate(total=Sum("count"))
        .order_by("-total", "query")[:limit]
    )
