"""Writes to the search index: one entry per published item, upserted or removed by the moderation hook."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.html import strip_tags

from ..models import ContentBase, Status
from .models import Kind, SearchEntry, SearchWord
from .text import CAR_T_TOKEN, canonical_tokens, clean_text, facet_tokens, vocabulary

BODY_LIMIT = 20_000  # characters of plain text indexed per item; enough for every real page
KINDS = {"article": Kind.ARTICLE, "question": Kind.FAQ, "trial": Kind.TRIAL}


def _plain(html: str, markdown: str) -> str:
    return clean_text(" ".join(strip_tags(html or markdown or "").split()))


def _join(values) -> str:
    return " ".join(str(v) for v in (values or []) if v)


def build_entry(item: ContentBase, *, tags: Iterable | None = None) -> SearchEntry:
    """The index row for a published item (unsaved). `tags` avoids a query when they were prefetched."""
    tags = list(item.tags.all() if tags is None else tags)
    title = clean_text(item.title)
    summary = clean_text(item.summary)
    body_parts = [_plain(item.body_html, item.body)]
    identity = [title]
    nct_id = trial_status = ""
    is_open = False
    if item._meta.model_name == "trial":
        nct_id = item.nct_id
        trial_status = item.overall_status
        is_open = item.is_open
        identity += [item.nct_id, item.acronym, _join(item.interventions)]
        body_parts += [
            clean_text(item.official_title),
            _join(item.conditions),
            _join(item.interventions),
            _plain(item.what_it_means_html, item.what_it_means),
            clean_text(item.brief_summary),
        ]
    body = " ".join(p for p in body_parts if p)[:BODY_LIMIT]
    tag_names = "\n".join(tag.name for tag in tags)
    identifiers = canonical_tokens(" ".join(identity))
    if item._meta.model_name == "trial" and item.acronym:
        identifiers.append(clean_text(item.acronym).lower())
    terms = [t for t in canonical_tokens(" ".join([summary, body, tag_names])) if t not in identifiers]
    kind = KINDS[item._meta.model_name]
    reviewed = item.last_reviewed or (item.published_at.date() if item.published_at else None)
    return SearchEntry(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        kind=kind,
        title=title,
        summary=summary,
        body=body,
        tags=tag_names,
        tag_slugs="," + ",".join(tag.slug for tag in tags) + "," if tags else "",
        tag_list=[[tag.slug, tag.name] for tag in tags],
        identifiers=" ".join(identifiers),
        terms=" ".join(terms),
        facets=facet_tokens(
            kind=kind, trial_status=trial_status, is_open=is_open, tag_slugs=[tag.slug for tag in tags]
        ),
        url=item.get_absolute_url(),
        nct_id=nct_id,
        trial_status=trial_status,
        is_open=is_open,
        published_at=item.published_at,
        reviewed_on=reviewed,
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
    if item._meta.model_name not in KINDS or item.pk is None:
        return
    with transaction.atomic():
        SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk).delete()
        if item.status == Status.PUBLISHED:
            entry = build_entry(item)
            entry.save()
            words_add(_entry_words(entry))


def search_index_rebuild(
    *, models: Iterable[type[ContentBase]], batch_size: int = 500, progress: Callable[[int, int], None] | None = None
) -> int:
    """Replace the whole index with entries for every published item. Returns the number indexed."""
    querysets = [model.objects.published().prefetch_related("tags").order_by("published_at", "pk") for model in models]
    total = sum(qs.count() for qs in querysets)
    done = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
        for qs in querysets:
            batch: list[SearchEntry] = []
            for item in qs.iterator(chunk_size=batch_size):
                batch.append(build_entry(item, tags=item.tags.all()))
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
