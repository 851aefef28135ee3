"""Writes to the search index: one entry per published item, upserted or removed by the moderation hook."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F

from ..models import ContentBase, Status
from ..registry import content_types, spec_for
from .document import SearchDocument
from .models import SearchEntry, SearchTermStat, SearchWord
from .text import CAR_T_TOKEN, canonical_tokens, clean_text, facet_tokens, tokenize, vocabulary

# The token fields the scorer reads, and the statistics keys it uses.
TERM_FIELDS = ("title_terms", "code_terms", "summary_terms", "tag_terms", "body_terms")
ENTRIES_KEY = "#entries"


def length_key(field: str) -> str:
    return f"#length:{field}"


BODY_LIMIT = 20_000  # characters of plain text indexed per item; enough for every real page


def build_entry(item: ContentBase) -> SearchEntry:
    """The index row for a published item of a registered type (unsaved), from its search document."""
    spec = spec_for(item)
    return entry_from_document(
        spec.search_document(item), kind=spec.kind, content_type=ContentType.objects.get_for_model(item), pk=item.pk
    )


def entry_from_document(doc: SearchDocument, *, kind: str, content_type: ContentType, pk: int) -> SearchEntry:
    title = clean_text(doc.title)
    summary = clean_text(doc.summary)
    body = " ".join(p for p in (clean_text(part) for part in doc.body) if p)[:BODY_LIMIT]
    tag_names = "\n".join(name for _, name in doc.tags)
    tag_slugs = [slug for slug, _ in doc.tags]
    codes = canonical_tokens(" ".join([title, *doc.identifiers]))
    codes += [token for word in doc.keywords if word for token in ["".join(tokenize(word))] if token]
    codes = list(dict.fromkeys(codes))
    body_codes = [t for t in canonical_tokens(" ".join([summary, body])) if t not in codes]
    return SearchEntry(
        content_type=content_type,
        object_id=pk,
        kind=kind,
        title=title,
        summary=summary,
        body=body,
        tags=tag_names,
        tag_list=[[slug, name] for slug, name in doc.tags],
        title_terms=" ".join(tokenize(title)),
        code_terms=" ".join(codes),
        summary_terms=" ".join(tokenize(summary)),
        tag_terms=" ".join(tokenize(tag_names)),
        body_terms=" ".join([*tokenize(body), *body_codes]),
        facets=facet_tokens(kind=kind, state=doc.state, is_open=doc.is_open, tag_slugs=tag_slugs),
        url=doc.url,
        code=doc.code,
        state=doc.state,
        is_open=doc.is_open,
        published_at=doc.published_at,
        reviewed_on=doc.reviewed_on,
    )


def _entry_words(entry: SearchEntry) -> set[str]:
    return vocabulary(entry.title, entry.summary, entry.body, entry.tags) | {CAR_T_TOKEN}


def entry_stats(entry: SearchEntry) -> Counter:
    """What one entry adds to the index statistics: 1 per distinct token, 1 entry, its field lengths."""
    stats: Counter = Counter({ENTRIES_KEY: 1})
    tokens: set[str] = set()
    for name in TERM_FIELDS:
        field_tokens = getattr(entry, name).split()
        stats[length_key(name)] += len(field_tokens)
        tokens.update(field_tokens)
    stats.update(tokens)
    return stats


def stats_apply(delta: Counter) -> None:
    """Add `delta` to the statistics: a few statements whatever its size (rows grouped by change)."""
    delta = Counter({k: v for k, v in delta.items() if v})
    if not delta:
        return
    SearchTermStat.objects.bulk_create(
        [SearchTermStat(term=k, value=0) for k in delta], ignore_conflicts=True, batch_size=1000
    )
    by_change: dict[int, list[str]] = {}
    for term, change in delta.items():
        by_change.setdefault(change, []).append(term)
    for change, terms in by_change.items():
        for start in range(0, len(terms), 500):
            SearchTermStat.objects.filter(term__in=terms[start : start + 500]).update(value=F("value") + change)
    SearchTermStat.objects.filter(value__lte=0).exclude(term__startswith="#").delete()


def stats_rebuild() -> None:
    """Count the statistics again from every entry (after a bulk load)."""
    total: Counter = Counter()
    for entry in SearchEntry.objects.only(*TERM_FIELDS).iterator(chunk_size=2000):
        total.update(entry_stats(entry))
    SearchTermStat.objects.all().delete()
    SearchTermStat.objects.bulk_create([SearchTermStat(term=k, value=v) for k, v in total.items()], batch_size=2000)


def words_add(words: Iterable[str]) -> None:
    SearchWord.objects.bulk_create([SearchWord(word=w) for w in words], ignore_conflicts=True, batch_size=1000)


def search_index_update(item: ContentBase) -> None:
    """Moderation hook: a published item gets a fresh entry, any other status loses its entry.

    The term statistics change by the difference between the old entry and the new one.
    """
    if spec_for(item) is None or item.pk is None:
        return
    with transaction.atomic():
        old = SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)
        delta: Counter = Counter()
        for entry in old.only(*TERM_FIELDS):
            delta.subtract(entry_stats(entry))
        old.delete()
        if item.status == Status.PUBLISHED:
            entry = build_entry(item)
            entry.save()
            words_add(_entry_words(entry))
            delta.update(entry_stats(entry))
        stats_apply(delta)


def search_index_rebuild(
    *,
    models: Iterable[type[ContentBase]] | None = None,
    batch_size: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Replace the whole index with entries for every published item (of every registered type,
    unless `models` says which). Returns the number indexed."""
    if models is None:
        models = [spec.model for spec in content_types()]
    querysets = [model.objects.published().prefetch_related("tags").order_by("published_at", "pk") for model in models]
    total = sum(qs.count() for qs in querysets)
    done = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
        SearchTermStat.objects.all().delete()
        stats: Counter = Counter()
        for qs in querysets:
            batch: list[SearchEntry] = []
            for item in qs.iterator(chunk_size=batch_size):
                batch.append(build_entry(item))
                if len(batch) >= batch_size:
                    done += _write_batch(batch, stats)
                    if progress:
                        progress(done, total)
                    batch = []
            if batch:
                done += _write_batch(batch, stats)
                if progress:
                    progress(done, total)
        SearchTermStat.objects.bulk_create([SearchTermStat(term=k, value=v) for k, v in stats.items()], batch_size=2000)
    search_index_optimise()
    return done


def _write_batch(batch: list[SearchEntry], stats: Counter) -> int:
    SearchEntry.objects.bulk_create(batch)
    words: set[str] = set()
    for entry in batch:
        words |= _entry_words(entry)
        stats.update(entry_stats(entry))
    words_add(words)
    return len(batch)


def search_index_optimise() -> None:
    """Merge FTS5 segments (SQLite), or vacuum and refresh planner statistics (PostgreSQL), after a bulk load."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO content_searchentry_fts(content_searchentry_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            # Bulk inserts wait in the GIN pending list, which every search would scan.
            cursor.execute("SELECT gin_clean_pending_list('content_searchentry_document_gin')")
            cursor.execute("SELECT gin_clean_pending_list('content_searchentry_head_gin')")
            if connection.in_atomic_block:  # VACUUM cannot run in a transaction (e.g. a test's)
                cursor.execute("ANALYZE content_searchentry")
                cursor.execute("ANALYZE content_searchword")
            else:
                # A rebuild deletes every entry and inserts them again: without a vacuum, searches
                # (bitmap heap scans) also visit the dead rows, which doubled candidate time.
                cursor.execute("VACUUM (ANALYZE) content_searchentry")
                cursor.execute("VACUUM (ANALYZE) content_searchword")


def search_index_remove(item: ContentBase) -> None:
    """Drop the item's entry (it was archived, sent back or is about to be deleted)."""
    SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk).delete()
