"""PostgreSQL backend: when to read rows in order instead of building a GIN bitmap (pure logic, fake cursor)."""

from __future__ import annotations

import pytest

from portal.content.search.backends import Filters, PostgreSQLBackend
from portal.content.search.text import parse_query


class FakeCursor:
    """Answers the table-size query and EXPLAINs: the full query first, then one per clause."""

    def __init__(self, total: float, estimates: list[float]):
        self.total, self.estimates, self.explains = total, list(estimates), 0
        self._result = None

    def execute(self, sql, params=None):
        if "reltuples" in sql:
            self._result = (self.total,)
        else:
            self._result = ([{"Plan": {"Plan Rows": self.estimates[self.explains]}}],)
            self.explains += 1

    def fetchone(self):
        return self._result


@pytest.mark.parametrize(
    ("query", "total", "estimates", "common", "explains"),
    [
        ("multiple sclerosis", 100_000, [40_000], True, 1),  # clearly common
        ("zenkator", 100_000, [400], False, 1),  # clearly rare
        ("multiple sclerosis", 3_000, [], False, 0),  # small index: no planning at all
        # middling: "stiff person syndrome" is underestimated; its rarest word is common
        ("stiff person syndrome", 100_000, [2_900, 60_000, 30_000, 24_000], True, 4),
        # middling and really middling: the bitmap stays
        ("bcma nmosd lupus", 100_000, [2_300, 90_000, 10_000, 11_000], False, 4),
    ],
)
def test_scan_or_bitmap(query, total, estimates, common, explains):
    cursor = FakeCursor(total, estimates)
    assert PostgreSQLBackend()._is_common(cursor, parse_query(query), Filters()) is common
    assert cursor.explains == explains
