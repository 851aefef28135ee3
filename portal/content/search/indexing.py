"""Writes to the search index: one entry per published item, upserted or removed by the moderation hook."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from ..models import ContentBase, Status
from ..registry import content_types, spec_for
from .document import SearchDocument
from .models import SearchEntry, SearchWord
from .text import CAR_T_TOKEN, canonical_tokens, clean_text, facet_tokens, vocabulary

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
    identifiers = canonical_tokens(" ".join([title, *doc.identifiers]))
    identifiers += [clean_text(word).lower() for word in doc.keywords if word]
    terms = [t for t in canonical_tokens(" ".join([summary, body, tag_names])) if t not in identifiers]
    return SearchEntry(
        content_type=content_type,
        object_id=pk,
        kind=kind,
        title=title,
        summary=summary,
        body=body,
        tags=tag_names,
        tag_list=[[slug, name] for slug, name in doc.tags],
        identifiers=" ".join(identifiers),
        terms=" ".join(terms),
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


def words_add(words: Iterable[str]) -> None:
    SearchWord.objects.bulk_create([SearchWord(word=w) for w in words], ignore_conflicts=True, batch_size=1000)


def search_index_update(item: ContentBase) -> None:
    """Moderation hook: a published item gets a fresh entry, any other status loses its entry.

    The old row is deleted and a new one inserted (rather than updated) so the entry id follows
    the last change: the backends use the newest ids first when a query matches too many rows.
    """
    if spec_for(item) is None or item.pk is None:
        return
    with transaction.atomic():
        SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk).delete()
        if item.status == Status.PUBLISHED:
            entry = build_entry(item)
            entry.save()
            words_add(_entry_words(entry))


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
        for qs in querysets:
            batch: list[SearchEntry] = []
            for item in qs.iterator(chunk_size=batch_size):
                batch.append(build_entry(item))
                if len(batch) >= batch_size:
                    done += _write_batch(batch)
                    if progress:
                        progress(done, total)
                    batch = []
            if batch:
                done += _write_batch(batch)
                if progress:
                    progress(done, total)
    search_index_optimise()
    return done


def _write_batch(batch: list[SearchEntry]) -> int:
    SearchEntry.objects.bulk_create(batch)
    words: set[str] = set()
    for entry in batch:
        words |= _entry_words(entry)
    words_add(words)
    return len(batch)


def search_index_optimise() -> None:
    """Merge FTS5 segments (SQLite) or refresh planner statistics (PostgreSQL) after a bulk load."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO content_searchentry_fts(content_searchentry_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            # Bulk inserts wait in the GIN pending list, which every search would scan.
            cursor.execute("SELECT gin_clean_pending_list('content_searchentry_document_gin')")
            cursor.execute("ANALYZE content_searchentry")
            cursor.execute("ANALYZE content_searchword")


def search_index_remove(item: ContentBase) -> None:
    """Drop the item's entry (it was archived, sent back or is about to be deleted)."""
    SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk).delete()
