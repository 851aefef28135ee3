"""Search quality on the demo content: nDCG@5, MRR and zero-result queries per database (`make bench-search-quality`).

The graded queries in tests/data/search_eval.json (2 = answers it, 1 = helps) run against the demo
content plus the seed glossary, loaded through the normal commands into a scratch SQLite file and a
scratch PostgreSQL database (`portal_bench_search_quality`, or the name in SEARCH_QUALITY_PG_DB, on the
server in SEARCH_QUALITY_PG_URL or DATABASE_URL, default postgres://postgres@127.0.0.1:5432; dropped and
re-created, never a real one: the name must contain "bench").

- nDCG@5: gain 2^grade - 1, over the queries that have relevant items.
- MRR: 1 / rank of the first item graded 1 or 2 in the top 10 (0 if none), same queries.
- zero results: queries with relevant items that returned nothing; "nothing" queries are reported
  separately (how many correctly returned no results).

Each database runs in its own child process. `--verbose` prints each query's top 5 with grades.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL_FILE = REPO / "tests" / "data" / "search_eval.json"
BENCH_DB = os.environ.get("SEARCH_QUALITY_PG_DB") or "portal_bench_search_quality"
TOP = 10


def hit_key(hit) -> str:
    """The stable key of a search hit: trial:<NCT id>, or <kind>:<slug> from its URL."""
    if hit.kind == "trial" and getattr(hit, "code", ""):
        return f"trial:{hit.code}"
    return f"{hit.kind}:{hit.url.rstrip('/').rsplit('/', 1)[-1]}"


def ndcg(ranked: list[str], relevant: dict[str, int], k: int = 5) -> float:
    dcg = sum((2 ** relevant.get(key, 0) - 1) / math.log2(i + 2) for i, key in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2**grade - 1) / math.log2(i + 2) for i, grade in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def reciprocal_rank(ranked: list[str], relevant: dict[str, int]) -> float:
    for i, key in enumerate(ranked[:TOP]):
        if relevant.get(key, 0) >= 1:
            return 1 / (i + 1)
    return 0.0


def evaluate(queries: list[dict], run) -> dict:
    """`run(query) -> list of keys, best first`. Returns the summary and per-query rows."""
    rows, ndcgs, rrs, zero, nothing_ok, nothing_total = [], [], [], 0, 0, 0
    for item in queries:
        ranked = run(item["query"])
        relevant = item["relevant"]
        row = {"query": item["query"], "kind": item["kind"], "top": ranked[:5], "count": len(ranked)}
        if not relevant:
            nothing_total += 1
            nothing_ok += not ranked
        else:
            row["ndcg5"] = ndcg(ranked, relevant)
            row["rr"] = reciprocal_rank(ranked, relevant)
            ndcgs.append(row["ndcg5"])
            rrs.append(row["rr"])
            zero += not ranked
        rows.append(row)
    return {
        "queries": len(queries),
        "graded": len(ndcgs),
        "ndcg5": sum(ndcgs) / len(ndcgs) if ndcgs else 0.0,
        "mrr": sum(rrs) / len(rrs) if rrs else 0.0,
        "zero_results": zero,
        "nothing_ok": nothing_ok,
        "nothing_total": nothing_total,
        "rows": rows,
    }


def run_child() -> None:
    """Migrate the scratch database in DATABASE_URL, load demo content and glossary, print one JSON line."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command

    from portal.content.search.selectors import search

    out = StringIO()
    call_command("migrate", verbosity=0, stdout=out)
    call_command("createcachetable", stdout=out)
    call_command("load_demo_content", stdout=out)
    call_command("load_glossary", stdout=out)
    queries = json.loads(EVAL_FILE.read_text(encoding="utf-8"))["queries"]
    from django.apps import apps

    known = {
        f"article:{slug}"
        for slug in apps.get_model("articles.Article").objects.published().values_list("slug", flat=True)
    }
    known |= {
        f"faq:{slug}" for slug in apps.get_model("faq.Question").objects.published().values_list("slug", flat=True)
    }
    known |= {
        f"trial:{nct}" for nct in apps.get_model("trials.Trial").objects.published().values_list("nct_id", flat=True)
    }
    unknown = {key for item in queries for key in item["relevant"]} - known
    if unknown:
        sys.exit(f"The evaluation set names items that are not published demo content: {sorted(unknown)}")

    def run(query: str) -> list[str]:
        return [hit_key(hit) for hit in search(query, per_page=TOP).hits]

    print(json.dumps(evaluate(queries, run)))


def scratch_postgres_url() -> str:
    import psycopg
    from psycopg import sql

    url = os.environ.get("SEARCH_QUALITY_PG_URL") or os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    base, _, _ = url.rpartition("/")
    if "bench" not in BENCH_DB:
        sys.exit(f"Refusing to drop {BENCH_DB!r}: SEARCH_QUALITY_PG_DB must name a scratch database (*bench*).")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(BENCH_DB)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DB)))
    return f"{base}/{BENCH_DB}"


def bench(name: str, database_url: str, verbose: bool) -> dict | None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-search-quality-only",
        "DJANGO_CACHE": "locmem",
    }
    completed = subprocess.run([sys.executable, __file__, "--child"], env=env, capture_output=True, text=True)
    if completed.returncode != 0:
        print(f"{name}: benchmark failed\n{completed.stderr[-3000:]}", file=sys.stderr)
        return None
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    if verbose:
        relevant = {q["query"]: q["relevant"] for q in json.loads(EVAL_FILE.read_text())["queries"]}
        for row in result["rows"]:
            score = f"nDCG@5 {row['ndcg5']:.2f}" if "ndcg5" in row else ("ok" if not row["count"] else "NOT EMPTY")
            top = ", ".join(f"{key}({relevant[row['query']].get(key, 0)})" for key in row["top"])
            print(f"  {name:<10} {score:<12} {row['query']!r}: {row['count']} hits; {top}")
    print(
        f"{name:<10} {result['queries']} queries ({result['graded']} graded): nDCG@5 {result['ndcg5']:.3f}, "
        f"MRR {result['mrr']:.3f}, zero-result {result['zero_results']}/{result['graded']}; "
        f"'find nothing' queries empty: {result['nothing_ok']}/{result['nothing_total']}"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--verbose", action="store_true", help="print every query's top 5 with grades")
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    if args.child:
        run_child()
        return
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-search-quality-") as tmp:
        ok = bench("SQLite", f"sqlite:///{Path(tmp) / 'quality.sqlite3'}", args.verbose) is not None
    if not args.sqlite_only:
        try:
            url = scratch_postgres_url()
        except Exception as exc:  # noqa: BLE001  (report any connection problem plainly)
            print(f"PostgreSQL: not reachable ({exc}); set SEARCH_QUALITY_PG_URL", file=sys.stderr)
            sys.exit(1)
        ok = bench("PostgreSQL", url, args.verbose) is not None and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
