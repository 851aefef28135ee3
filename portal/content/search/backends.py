"""The two full-text engines behind one interface; `get_backend()` is the only place that picks one.

A backend only FINDS candidates; `scoring` ranks them the same way on both. Both match the same
stored tokens with the same logic (every clause, any term of a clause, phrases, exclusions, filter
words), and both keep at most `cap` candidates by the same cheap score: first the entries whose
title or codes match every clause, then the rest, newest entry first within each group. So the
candidate set never depends on the planner, and a query that matches nearly every row ("multiple
sclerosis") costs about the same as a rare one.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from ..registry import spec_for_kind
from .scoring import Candidate
from .text import ParsedQuery, Term, facet_token

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
    body: str = ""  # the start of the body, for the snippet
    object_id: int = 0  # the item's primary key (with `kind`, which model)

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


DISPLAY_COLUMNS = "e.id, e.kind, e.title, e.url, e.published_at, e.reviewed_on, e.tag_list, e.code, e.state, e.summary"
CANDIDATE_COLUMNS = (
    "e.id, e.kind, e.code, e.is_open, e.reviewed_on,"
    " e.title_terms, e.code_terms, e.summary_terms, e.tag_terms, e.body_terms"
)
TERM_FIELDS = ("title_terms", "code_terms", "summary_terms", "tag_terms", "body_terms")
SNIPPET_BODY_CHARS = 4000


def _date(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


class Backend:
    vendor = ""

    def candidates(self, parsed: ParsedQuery, *, filters: Filters, cap: int) -> list[Candidate]:
        """At most `cap` entries that match `parsed` and `filters`, chosen by the cheap score."""
        if parsed.is_empty:
            return []
        sql, params = self.candidate_sql(parsed, filters, cap)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [
            Candidate(
                id=row[0],
                kind=row[1],
                code=row[2],
                is_open=bool(row[3]),
                reviewed_on=_date(row[4]),
                fields={name: f" {value} " for name, value in zip(TERM_FIELDS, row[5:10], strict=True) if value},
            )
            for row in rows
        ]

    def candidate_sql(self, parsed: ParsedQuery, filters: Filters, cap: int) -> tuple[str, list]:
        raise NotImplementedError

    def hits(self, ids: list[int]) -> list[SearchHit]:
        """The display rows of `ids`, in that order."""
        if not ids:
            return []
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {DISPLAY_COLUMNS}, substr(e.body, 1, {SNIPPET_BODY_CHARS}), e.object_id"
                f" FROM content_searchentry e WHERE e.id IN ({marks})",
                ids,
            )
            by_id = {row[0]: self._hit(row) for row in cursor.fetchall()}
        return [by_id[i] for i in ids if i in by_id]

    def similar_words(self, word: str) -> list[str]:
        """Dictionary words that could be `word` with a typo (the caller measures the distance)."""
        raise NotImplementedError

    @staticmethod
    def review_cutoff() -> datetime.date:
        return timezone.localdate() - datetime.timedelta(days=RECENT_REVIEW_DAYS)

    @staticmethod
    def _hit(row) -> SearchHit:
        hit = SearchHit(*row[:10], body=row[10] or "", object_id=row[11])
        if isinstance(hit.tag_list, str):
            hit.tag_list = json.loads(hit.tag_list)
        if isinstance(hit.published_at, str):
            hit.published_at = datetime.datetime.fromisoformat(hit.published_at)
        hit.reviewed_on = _date(hit.reviewed_on)
        if hit.published_at is not None and timezone.is_naive(hit.published_at):
            hit.published_at = timezone.make_aware(hit.published_at, datetime.UTC)
        return hit


def _fts5_term(term: Term) -> str:
    return '"' + " ".join(term.tokens) + '"'


class SQLiteBackend(Backend):
    """FTS5 over the stored tokens (plain unicode61 tokenizer: the tokens are already stemmed)."""

    vendor = "sqlite"
    TEXT_COLUMNS = "{title_terms code_terms summary_terms tag_terms body_terms}"
    HEAD_COLUMNS = "{title_terms code_terms}"

    @staticmethod
    def _positive(parsed: ParsedQuery) -> str:
        return " AND ".join("(" + " OR ".join(_fts5_term(t) for t in clause) + ")" for clause in parsed.clauses)

    def match_expression(self, parsed: ParsedQuery, filters: Filters, *, head: bool = False) -> str:
        columns = self.HEAD_COLUMNS if head else self.TEXT_COLUMNS
        expression = f"{columns} : ({self._positive(parsed)})"
        if parsed.excluded:
            expression += f" NOT {self.TEXT_COLUMNS} : ({' OR '.join(_fts5_term(t) for t in parsed.excluded)})"
        # Filters are words in the facets column: FTS5 intersects them with the match, no row lookups.
        facets = [f'"{word}"' for word in filters.facet_words()]
        if facets:
            expression = f"({expression}) AND facets : ({' AND '.join(facets)})"
        return expression

    def candidate_sql(self, parsed, filters, cap):
        sql = f"""
        WITH picked AS MATERIALIZED (
            SELECT id, max(head) AS head FROM (
                SELECT * FROM (SELECT rowid AS id, 1 AS head FROM content_searchentry_fts
                               WHERE content_searchentry_fts MATCH %s ORDER BY rowid DESC LIMIT %s)
                UNION ALL
                SELECT * FROM (SELECT rowid AS id, 0 AS head FROM content_searchentry_fts
                               WHERE content_searchentry_fts MATCH %s ORDER BY rowid DESC LIMIT %s)
            ) GROUP BY id ORDER BY max(head) DESC, id DESC LIMIT %s
        )
        SELECT {CANDIDATE_COLUMNS} FROM picked JOIN content_searchentry e ON e.id = picked.id
        ORDER BY picked.head DESC, picked.id DESC
        """
        head = self.match_expression(parsed, filters, head=True)
        full = self.match_expression(parsed, filters)
        return sql, [head, cap, full, cap, cap]

    def similar_words(self, word):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM content_searchword WHERE length(word) BETWEEN %s AND %s"
                " AND (substr(word, 1, 1) = %s OR substr(word, -2) = %s)",
                [len(word) - 2, len(word) + 2, word[:1], word[-2:]],
            )
            return [row[0] for row in cursor.fetchall()]


def _tsquery_term(term: Term) -> str:
    return "(" + " <-> ".join(term.tokens) + ")"


class PostgreSQLBackend(Backend):
    """`simple` tsvectors over the stored tokens (`head`: title and codes; `document`: everything), GIN-indexed."""

    vendor = "postgresql"

    @staticmethod
    def tsqueries(parsed: ParsedQuery, filters: Filters) -> tuple[str, str]:
        """The positive words, and the rest of the condition (exclusions, filter words; may be empty)."""
        positive = " & ".join("(" + " | ".join(_tsquery_term(t) for t in clause) + ")" for clause in parsed.clauses)
        rest = [f"!{_tsquery_term(t)}" for t in parsed.excluded] + list(filters.facet_words())
        return positive, " & ".join(rest)

    def candidate_sql(self, parsed, filters, cap):
        positive, rest = self.tsqueries(parsed, filters)
        rest_sql = " AND e.document @@ to_tsquery('simple', %s)" if rest else ""
        rest_params = [rest] if rest else []
        sql = f"""
        WITH picked AS MATERIALIZED (
            SELECT id, max(head) AS head FROM (
                (SELECT e.id, 1 AS head FROM content_searchentry e
                 WHERE e.head @@ to_tsquery('simple', %s){rest_sql} ORDER BY e.id DESC LIMIT %s)
                UNION ALL
                (SELECT e.id, 0 AS head FROM content_searchentry e
                 WHERE e.document @@ to_tsquery('simple', %s){rest_sql} ORDER BY e.id DESC LIMIT %s)
            ) u GROUP BY id ORDER BY max(head) DESC, id DESC LIMIT %s
        )
        SELECT {CANDIDATE_COLUMNS} FROM picked JOIN content_searchentry e ON e.id = picked.id
        ORDER BY picked.head DESC, picked.id DESC
        """
        return sql, [positive, *rest_params, cap, positive, *rest_params, cap, cap]

    def similar_words(self, word):
        with connection.cursor() as cursor:
            # The same candidates as SQLite's (the caller measures the distance and breaks ties by word).
            cursor.execute(
                "SELECT word FROM content_searchword WHERE length(word) BETWEEN %s AND %s"
                " AND (left(word, 1) = %s OR right(word, 2) = %s)",
                [len(word) - 2, len(word) + 2, word[:1], word[-2:]],
            )
            return [row[0] for row in cursor.fetchall()]


def get_backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"Site search supports SQLite and PostgreSQL, not {connection.vendor}.")
