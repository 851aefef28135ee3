"""Benchmark the site search on the configured database: build N synthetic entries, time 30 queries.

Destructive: it empties the search index first, so it refuses to run unless the database name
contains "bench" (e.g. DATABASE_URL=postgres://.../portal_bench or sqlite:///bench.sqlite3).
A missing PostgreSQL database is created.
"""

from __future__ import annotations

import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.utils import OperationalError

from portal.content.benchtools import load_average, server_cpu_seconds
from portal.content.search.indexing import search_index_optimise
from portal.content.search.models import SearchEntry, SearchWord
from portal.demo import search_benchmark as benchmark


class Command(BaseCommand):
    help = "Build a synthetic search index of N items and report build time and query latency."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=100_000, help="Number of index entries (default 100,000).")
        parser.add_argument("--rounds", type=int, default=3, help="Timed runs of each of the 30 queries.")
        parser.add_argument("--keep", action="store_true", help="Reuse the existing entries instead of rebuilding.")

    def handle(self, *args, items: int, rounds: int, keep: bool, **options):
        name = str(connection.settings_dict["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to empty the search index of {name!r}: use a database named *bench*.")
        self._ensure_database()
        call_command("migrate", verbosity=0, interactive=False)
        self.stdout.write(f"Database: {connection.vendor} ({name})")
        if not keep:
            start = time.perf_counter()
            with transaction.atomic():
                SearchEntry.objects.all().delete()
                SearchWord.objects.all().delete()
                benchmark.build(items, progress=self._progress(items))
            self.stdout.write("")
            search_index_optimise()
            self.stdout.write(f"Index build: {items:,} entries in {time.perf_counter() - start:.1f} s")
        self.stdout.write(f"Load average (1, 5, 15 min): {load_average()}")
        server_start = server_cpu_seconds()
        timings, per_query, cpu_timings, per_query_cpu = benchmark.time_queries(rounds)
        server_end = server_cpu_seconds()
        self.stdout.write("     wall      CPU  results  query")
        for label, (median, total) in per_query.items():
            self.stdout.write(f"  {median:7.1f} ms {per_query_cpu[label]:6.1f} ms  {total:>5}  {label}")
        median, p95 = statistics.median(timings), benchmark.percentile(timings, 95)
        summary = f"{len(per_query)} queries x {rounds}: median {median:.1f} ms, p95 {p95:.1f} ms"
        self.stdout.write(self.style.SUCCESS(f"{summary}, max {max(timings):.1f} ms"))
        cpu_median, cpu_p95 = statistics.median(cpu_timings), benchmark.percentile(cpu_timings, 95)
        self.stdout.write(
            self.style.SUCCESS(
                f"CPU time of this process: median {cpu_median:.1f} ms, p95 {cpu_p95:.1f} ms, "
                f"max {max(cpu_timings):.1f} ms"
            )
        )
        if server_start is not None and server_end is not None:
            searches = len(timings) + len(per_query)  # the timed rounds and the warm-up round
            server_ms = (server_end - server_start) * 1000 / searches
            self.stdout.write(
                self.style.SUCCESS(f"CPU time of the PostgreSQL server process: {server_ms:.1f} ms a search")
            )
        self.stdout.write(f"Load average (1, 5, 15 min): {load_average()}")

    def _progress(self, total: int):
        def report(done: int) -> None:
            width = 30
            filled = width * done // total
            self.stdout.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done:,}/{total:,}", ending="")
            self.stdout.flush()

        return report

    def _ensure_database(self) -> None:
        if connection.vendor != "postgresql":
            return
        try:
            connection.ensure_connection()
        except OperationalError:
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{connection.settings_dict["NAME"]}"')
