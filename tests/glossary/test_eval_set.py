"""The search evaluation set and the metrics of `make bench-search-quality` (scripts/bench_search_quality.py)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("bench_search_quality", ROOT / "scripts" / "bench_search_quality.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

QUERIES = json.loads((ROOT / "tests" / "data" / "search_eval.json").read_text(encoding="utf-8"))["queries"]
KEY_RE = re.compile(r"^(article:[a-z0-9-]+|faq:[a-z0-9-]+|trial:NCT\d{8})$")


def test_eval_set_has_at_least_60_graded_queries_of_every_kind():
    assert len(QUERIES) >= 60
    assert len({q["query"].lower() for q in QUERIES}) == len(QUERIES)
    kinds = {q["kind"] for q in QUERIES}
    assert {"symptom", "brand", "lay", "question", "misspelling", "code", "negation", "nothing"} <= kinds


def test_every_grade_is_1_or_2_and_every_key_is_stable():
    for query in QUERIES:
        assert all(grade in (1, 2) for grade in query["relevant"].values()), query["query"]
        assert all(KEY_RE.match(key) for key in query["relevant"]), query["query"]
        assert bool(query["relevant"]) == (query["kind"] != "nothing"), query["query"]


def test_ndcg_is_one_for_the_ideal_order_and_lower_otherwise():
    relevant = {"a": 2, "b": 1}
    assert bench.ndcg(["a", "b", "x"], relevant) == pytest.approx(1.0)
    assert bench.ndcg(["b", "a"], relevant) < 1.0
    assert bench.ndcg(["x", "y"], relevant) == 0.0


def test_reciprocal_rank_uses_the_first_helpful_item():
    assert bench.reciprocal_rank(["x", "b", "a"], {"a": 2, "b": 1}) == pytest.approx(0.5)
    assert bench.reciprocal_rank(["x"], {"a": 2}) == 0.0


def test_evaluate_counts_zero_results_and_correctly_empty_queries():
    queries = [
        {"query": "found", "kind": "code", "relevant": {"a": 2}},
        {"query": "missed", "kind": "code", "relevant": {"a": 2}},
        {"query": "junk", "kind": "nothing", "relevant": {}},
    ]
    result = bench.evaluate(queries, lambda q: ["a"] if q == "found" else [])
    assert result["graded"] == 2 and result["zero_results"] == 1
    assert result["ndcg5"] == pytest.approx(0.5) and result["mrr"] == pytest.approx(0.5)
    assert (result["nothing_ok"], result["nothing_total"]) == (1, 1)
