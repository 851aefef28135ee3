"""One ranking on both databases: the demo content and seed glossary give the same top 10 for every
query of the evaluation set, on SQLite and on PostgreSQL (CI runs this file on both).

The expected lists are in tests/data/search_eval_top10.json; both databases must match the same
file, so they match each other. After a deliberate change to the scorer or the demo content,
write the file again with `SEARCH_TOP10_WRITE=1 pytest tests/content/test_search_same_ranking.py`
and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.content.search.selectors import search

DATA = Path(__file__).resolve().parents[1] / "data"
EVAL_FILE = DATA / "search_eval.json"
TOP10_FILE = DATA / "search_eval_top10.json"


def key(hit) -> str:
    if hit.kind == "trial" and hit.code:
        return f"trial:{hit.code}"
    return f"{hit.kind}:{hit.url.rstrip('/').rsplit('/', 1)[-1]}"


@pytest.mark.django_db
def test_every_evaluation_query_has_the_recorded_top_10():
    call_command("load_demo_content", verbosity=0)
    call_command("load_glossary", verbosity=0)
    queries = [item["query"] for item in json.loads(EVAL_FILE.read_text(encoding="utf-8"))["queries"]]
    got = {query: [key(hit) for hit in search(query, per_page=10).hits] for query in queries}
    if os.environ.get("SEARCH_TOP10_WRITE"):
        TOP10_FILE.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(TOP10_FILE.read_text(encoding="utf-8"))
    assert {q: got[q] for q in queries if got[q] != expected.get(q)} == {}
    assert len(expected) == len(queries) >= 60
