"""The two full-text engines behind one interface; `get_backend()` is the only place that picks one.

Both rank at most `cap` candidates per query, so a query that matches nearly every row ("multiple
sclerosis") costs about the same as a rare one: the engine stops after `cap` matches instead of
scoring the whole table. Below the cap, ranking is exact. Above it, SQLite ranks the newest `cap`
matches (FTS5 walks entry ids backwards for free; ids follow the last change, see indexing) and
PostgreSQL the first `cap` it finds.
"""

from __future__ import annotations

import datetime
import json
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from ..registry import spec_for_kind
from .text import MARK_END, MARK_START, ParsedQuery, Term, facet_token

RECENT_REVIEW_DAYS = 365


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    tag: str = ""
    state: str = ""  # a value from a spec's state_choices, or text.OPEN_STATE

    def facet_words(self) -> list[str]:
        """The filters as the words indexed in each entry's `facets` (see text.facet_tokens)."""
        pairs = (("kind", self.kind), ("status", self.state), ("tag", self.tag))
        return [facet_token(prefix, value) for prefix, value in pairs if value]


@dataclass
class SearchHit:
    id: int
    kind: str
    title: str
    url: str
    published_at: datetime.datetime | None
    reviewed_on: datetime.date | None
    tag_list: list = field(default_factory=list)
    code: str = ""
    state: str = ""
    summary: str = ""
    snippet: str = ""  # plain text with MARK_START/MARK_END around matches; escaped by the selector

    @property
    def kind_label(self) -> str:
        spec = spec_for_kind(self.kind)
        return str(spec.label) if spec else self.kind

    @property
    def state_label(self) -> str:
        spec = spec_for_kind(self.kind)
        return spec.state_label(self.state) if spec and self.state else ""

    @property
    def show_reviewed(self) -> bool:
        """The review date is worth showing when it is not just the publication date."""
        return bool(self.reviewed_on and (self.published_at is None or self.reviewed_on != self.published_at.date()))


DISPLAY_COLUMNS = (
    "e.id, e.kind, e.title, e.url, e.published_at, e.reviewed_on, e.tag_list, e.code, e.state, e.summary"
)


class Backend:
    vendor = ""

    def search(
        self, parsed: ParsedQuery, *, filters: Filters, offset: int, limit: int, cap: int
    ) -> tuple[list[SearchHit], int]:
        raise NotImplementedError

    def similar_words(self, word: str) -> list[str]:
        """Dictionary words that could be `word` with a typo (the caller measures the distance)."""
        raise NotImplementedError

    @staticmethod
    def _review_cutoff() -> datetime.date:
        return timezone.localdate() - datetime.timedelta(days=RECENT_REVIEW_DAYS)

    @staticmethod
    def _hit(row, snippet: str) -> SearchHit:
        hit = SearchHit(*row[:10], snippet=snippet)
        if isinstance(hit.tag_list, str):
            hit.tag_list = json.loads(hit.tag_list)
        if isinstance(hit.published_at, str):
            hit.published_at = datetime.datetime.fromisoformat(hit.published_at)
        if isinstance(hit.reviewed_on, str):
            hit.reviewed_on = datetime.date.fromisoformat(hit.reviewed_on)
        if hit.published_at is not None and timezone.is_naive(hit.published_at):
            hit.published_at = timezone.make_aware(hit.published_at, datetime.UTC)
        return hit


def _fts5_term(term: Term) -> str:
    return '"' + " ".join(term.words).replace('"', '""') + '"'


class SQLiteBackend(Backend):
    """FTS5 with bm25() column weights (lower is better) and snippet()."""

    vendor = "sqlite"
    # title, identifiers, summary, body, terms, tags
    WEIGHTS = "10.0, 8.0, 4.0, 1.5, 1.0, 0.4, 0.0"  # ... tags, facets

    @staticmethod
    def match_expression(parsed: ParsedQuery, filters: Filters) -> str:
        clauses = ["(" + " OR ".join(_fts5_term(t) for t in clause) + ")" for clause in parsed.clauses]
        expression = " AND ".join(clauses)
        for term in parsed.excluded:
            expression += f" NOT {_fts5_term(term)}"
        # Filters are words in the facets column: FTS5 intersects them with the match, no row lookups.
        facets = [f'"{word}"' for word in filters.facet_words()]
        if facets:
            expression = f"({expression}) AND facets : ({' AND '.join(facets)})"
        return expression

    def search(self, parsed, *, filters, offset, limit, cap):
        if parsed.is_empty:
            return [], 0
        match = self.match_expression(parsed, filters)
        sql = f"""
        WITH cand AS MATERIALIZED (
            SELECT f.rowid AS id, bm25(content_searchentry_fts, {self.WEIGHTS}) AS score
            FROM content_searchentry_fts f
            WHERE content_searchentry_fts MATCH %s
            ORDER BY f.rowid DESC LIMIT %s
        ),
        page AS MATERIALIZED (
            SELECT e.id, count(*) OVER () AS total,
                CASE WHEN e.code = %s THEN 0 ELSE 1 END AS pinned,
                cand.score * (1 + 0.1 * (e.is_open + COALESCE(e.reviewed_on >= %s, 0))) AS rank
            FROM cand JOIN content_searchentry e ON e.id = cand.id
            ORDER BY pinned, rank, e.id DESC LIMIT %s OFFSET %s
        )
        SELECT {DISPLAY_COLUMNS}, page.total,
            snippet(content_searchentry_fts, 2, char(2), char(3), '…', 24),
            snippet(content_searchentry_fts, 3, char(2), char(3), '…', 24)
        FROM page CROSS JOIN content_searchentry e CROSS JOIN content_searchentry_fts
        WHERE e.id = page.id AND content_searchentry_fts.rowid = page.id AND content_searchentry_fts MATCH %s
        ORDER BY page.pinned, page.rank, page.id DESC
        """
        params = [match, cap, parsed.nct_id or "-", self._review_cutoff(), limit, offset, match]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        hits = []
        for row in rows:
            summary_snippet, body_snippet = row[11], row[12]
            snippet = next((s for s in (summary_snippet, body_snippet) if s and MARK_START in s), None)
            hits.append(self._hit(row, snippet or summary_snippet or body_snippet or ""))
        return hits, (rows[0][10] if rows else 0)

    def similar_words(self, word):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM content_searchword WHERE length(word) BETWEEN %s AND %s"
                " AND (substr(word, 1, 1) = %s OR substr(word, -2) = %s)",
                [len(word) - 2, len(word) + 2, word[:1], word[-2:]],
            )
            return [row[0] for row in cursor.fetchall()]


class PostgreSQLBackend(Backend):
    """A weighted, GIN-indexed tsvector; websearch_to_tsquery, ts_rank, ts_headline; pg_trgm for typos."""

    vendor = "postgresql"
    # ts_rank weights in the order D, C, B, A
    WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
    HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=20, ShortWord=2"

    @staticmethod
    def tsquery(parsed: ParsedQuery) -> tuple[str, list[str]]:
        """One websearch_to_tsquery() per clause (terms joined by `or`), combined with && and !!."""

        def websearch(terms: list[Term]) -> str:
            return " or ".join(f'"{t}"' if t.is_phrase else str(t) for t in terms)

        parts = ["websearch_to_tsquery('english', %s)" for _ in parsed.clauses]
        params = [websearch(clause) for clause in parsed.clauses]
        for term in parsed.excluded:
            parts.append("!! websearch_to_tsquery('english', %s)")
            params.append(websearch([term]))
        return "(" + " && ".join(parts) + ")", params

    # When the planner expects a query to match more than SCAN_SHARE of the index, reading rows in
    # order finds `cap` matches sooner than building a GIN bitmap of every match first; below it the
    # bitmap wins (rare words). The planner multiplies word frequencies as if words were independent,
    # which underestimates phrases like "stiff person syndrome", so for middling estimates the upper
    # bound (the rarest single clause) is blended in.
    SCAN_SHARE = 0.05
    CHECK_SHARE = 0.005
    SMALL_TABLE = 5000

    def search(self, parsed, *, filters, offset, limit, cap):
        if parsed.is_empty:
            return [], 0
        sql, params = self.build_sql(parsed, filters=filters, offset=offset, limit=limit, cap=cap)
        with connection.cursor() as cursor:
            common = self._is_common(cursor, parsed, filters)
        with transaction.atomic() if common else nullcontext(), connection.cursor() as cursor:
            if common:
                cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [self._hit(row, row[11] or "") for row in rows], (rows[0][10] if rows else 0)

    def _estimate(self, cursor, parsed: ParsedQuery, filters: Filters) -> float:
        match_sql, match_params = self.match(parsed, filters)
        cursor.execute(
            f"EXPLAIN (FORMAT JSON) SELECT 1 FROM content_searchentry e WHERE e.document @@ {match_sql}",
            match_params,
        )
        plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return plan[0]["Plan"]["Plan Rows"]

    def _is_common(self, cursor, parsed: ParsedQuery, filters: Filters) -> bool:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'content_searchentry'")
        total = cursor.fetchone()[0]
        if total < self.SMALL_TABLE:
            return False  # a few thousand rows: either plan is fast, no need to ask
        estimate = self._estimate(cursor, parsed, filters)
        if estimate >= self.SCAN_SHARE * total or estimate < self.CHECK_SHARE * total or len(parsed.clauses) < 2:
            return estimate >= self.SCAN_SHARE * total
        rarest = min(
            self._estimate(cursor, ParsedQuery(raw=parsed.raw, clauses=[clause], nct_id=parsed.nct_id), filters)
            for clause in parsed.clauses
        )
        return (estimate * rarest) ** 0.5 >= self.SCAN_SHARE * total

    def match(self, parsed: ParsedQuery, filters: Filters) -> tuple[str, list]:
        """The tsquery for the words and the filters (filter words are lexemes in the document too)."""
        query_sql, query_params = self.tsquery(parsed)
        if not filters.facet_words():
            return query_sql, query_params
        return f"({query_sql} && plainto_tsquery('simple', %s))", [*query_params, " ".join(filters.facet_words())]

    def build_sql(self, parsed, *, filters, offset, limit, cap) -> tuple[str, list]:
        query_sql, query_params = self.tsquery(parsed)
        match_sql, match_params = self.match(parsed, filters)
        # No ORDER BY in `cand`: PostgreSQL stops after `cap` matches, whether it reads them through
        # the GIN index (rare words) or scans rows testing each (common words). Ordering by id here
        # would make it fetch every match, or test every row for word pairs it wrongly thinks common.
        sql = f"""
        WITH cand AS MATERIALIZED (
            SELECT e.id FROM content_searchentry e
            WHERE e.document @@ {match_sql}
            LIMIT %s
        ),
        q AS MATERIALIZED (SELECT {query_sql} AS query),
        page AS MATERIALIZED (
            SELECT e.id, count(*) OVER () AS total,
                CASE WHEN e.code = %s THEN 0 ELSE 1 END AS pinned,
                (CASE WHEN ts_filter(e.document, '{{a}}') @@ q.query THEN 2
                      WHEN ts_filter(e.document, '{{a,b}}') @@ q.query THEN 1 ELSE 0 END
                 + ts_rank('{self.WEIGHTS}', e.document, q.query, 1))
                * (1 + 0.1 * (e.is_open::int + COALESCE((e.reviewed_on >= %s)::int, 0))) AS rank
            FROM cand JOIN content_searchentry e ON e.id = cand.id, q
            ORDER BY pinned, rank DESC, e.id DESC LIMIT %s OFFSET %s
        )
        SELECT {DISPLAY_COLUMNS}, page.total,
            ts_headline('english', left(e.summary || ' ' || e.body, 5000), q.query, %s)
        FROM page JOIN content_searchentry e ON e.id = page.id, q
        ORDER BY page.pinned, page.rank DESC, page.id DESC
        """
        # The tsquery is written out in `cand` (not taken from `q`) so the planner sees it and can
        # choose between the GIN index (rare words) and walking the newest ids (common words).
        params = [
            *match_params,
            cap,
            *query_params,
            parsed.nct_id or "-",
            self._review_cutoff(),
            limit,
            offset,
            self.HEADLINE_OPTIONS,
        ]
        return sql, params

    def similar_words(self, word):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM content_searchword WHERE word %% %s ORDER BY word <-> %s LIMIT 30", [word, word]
            )
            return [row[0] for row in cursor.fetchall()]


def get_backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"Site search supports SQLite and PostgreSQL, not {connection.vendor}.")
