"""Benchmark the trial importer: 1,000 records, then a no-change re-import (`make bench-import`).

The real records kept in the repository (trials/fixtures/ctgov/NCT*.json, including the 1.5 MB NCT02513394 with 437
sites) are replicated under new NCT numbers (NCT9xxxxxxx) into a temporary folder, then imported
into a scratch SQLite file and, when DATABASE_URL points at PostgreSQL, into a scratch database
`portal_bench_import` on that server (dropped and re-created; never a test or real database).

Each database runs in its own child process so peak memory (ru_maxrss) is that run's alone.
Wall-clock times depend on what else the machine runs; the CPU time of the importer is printed too.
Targets: first import < 30 s, no-change re-import < 5 s, peak memory < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "trials" / "fixtures" / "ctgov"
BENCH_DB = "portal_bench_import"
TARGETS = {"first": 30.0, "again": 5.0, "memory_mb": 300.0}


def replicate(out_dir: Path, count: int) -> list[Path]:
    sources = sorted(DATA_DIR.glob("NCT*.json"))
    if not sources:
        sys.exit(f"No records in {DATA_DIR} (trials/fixtures/ctgov in the repository).")
    paths = []
    for index in range(count):
        source = sources[index % len(sources)]
        study = json.loads(source.read_bytes().decode("utf-8-sig"))
        study["protocolSection"]["identificationModule"]["nctId"] = f"NCT9{index:07d}"
        path = out_dir / f"NCT9{index:07d}.json"
        path.write_text(json.dumps(study, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def run_child(records_dir: Path) -> None:
    """Migrate the scratch database in DATABASE_URL, import twice, print one JSON line."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from trials.imports import trials_import_files

    call_command("migrate", verbosity=0)
    paths = sorted(records_dir.glob("NCT*.json"))
    started, cpu = time.perf_counter(), time.process_time()
    first = trials_import_files(paths=paths)
    first_seconds, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    again = trials_import_files(paths=paths)
    again_seconds, again_cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux.
    print(
        json.dumps(
            {
                "records": len(paths),
                "first_seconds": round(first_seconds, 2),
                "first_cpu": round(first_cpu, 2),
                "first_counts": first.counts,
                "again_seconds": round(again_seconds, 2),
                "again_cpu": round(again_cpu, 2),
                "again_counts": again.counts,
                "peak_mb": round(peak_mb, 1),
            }
        )
    )


def scratch_postgres_url(url: str) -> str:
    """Same server as DATABASE_URL, database portal_bench_import, dropped and re-created."""
    import psycopg
    from psycopg import sql

    base, _, _ = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(BENCH_DB)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DB)))
    return f"{base}/{BENCH_DB}"


def bench(name: str, database_url: str, records_dir: Path) -> bool:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",  # No query log, as in production.
        "DJANGO_SECRET_KEY": "bench-import-only",
    }
    completed = subprocess.run(
        [sys.executable, __file__, "--child", str(records_dir)], env=env, capture_output=True, text=True
    )
    if completed.returncode != 0:
        print(f"{name}: benchmark failed\n{completed.stderr}", file=sys.stderr)
        return False
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    ok = (
        result["first_seconds"] < TARGETS["first"]
        and result["again_seconds"] < TARGETS["again"]
        and result["peak_mb"] < TARGETS["memory_mb"]
        and result["again_counts"]["unchanged"] == result["records"]
    )
    print(
        f"{name:<10} {result['records']} records: first import {result['first_seconds']:.1f} s "
        f"(cpu {result['first_cpu']:.1f} s; {result['first_counts']['created']} created, "
        f"{result['first_counts']['failed']} failed), no-change re-import {result['again_seconds']:.1f} s "
        f"(cpu {result['again_cpu']:.1f} s; {result['again_counts']['unchanged']} unchanged), "
        f"peak memory {result['peak_mb']:.0f} MB  [{'OK' if ok else 'OVER TARGET'}]"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child)
        return
    print(f"Targets: first import < {TARGETS['first']:.0f} s, re-import < {TARGETS['again']:.0f} s, "
          f"peak memory < {TARGETS['memory_mb']:.0f} MB")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        tmp_dir = Path(tmp)
        records_dir = tmp_dir / "records"
        records_dir.mkdir()
        replicate(records_dir, args.count)
        ok = bench("SQLite", f"sqlite:///{tmp_dir / 'bench.sqlite3'}", records_dir)
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith(("postgres://", "postgresql://")):
            ok = bench("PostgreSQL", scratch_postgres_url(url), records_dir) and ok
        else:
            print("PostgreSQL: skipped (set DATABASE_URL=postgres://... to include it)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
