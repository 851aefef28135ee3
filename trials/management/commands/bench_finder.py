"""Benchmark the trial finder: N synthetic trials with M sites, then time real requests to /trials/.

Destructive: it deletes every trial first, so it refuses to run unless the database name contains
"bench" (e.g. DATABASE_URL=postgres://.../portal_bench or sqlite:///bench.sqlite3). A missing
PostgreSQL database is created. Requests go through the whole stack (middleware, templates) with
Django's test client; the gazetteer is loaded before timing (a one-off per process).

Each page is timed twice over: "cold", right after a content change (the content generation is
bumped before each request, so the cached filter counts are not used: the first view after an
edit), and "warm" (counts from the cache, as every later view until the next change). Wall time
depends on the machine's load; CPU time (`time.process_time` of this process, which on SQLite
includes the database's work and on PostgreSQL does not) shows the work per request.
"""

from __future__ import annotations

import random
import re
import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.utils import OperationalError
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.content.benchtools import load_average, server_cpu_seconds
from portal.content.cache import bump_content_generation
from portal.content.models import Status
from trials import geo
from trials.choices import RecruitmentStatus
from trials.models import Location, Trial

CITIES = [  # (city, country, lat, lon): sites are scattered around these.
    ("Berlin", "Germany", 52.52, 13.40),
    ("Hamburg", "Germany", 53.55, 9.99),
    ("München", "Germany", 48.14, 11.58),
    ("London", "United Kingdom", 51.51, -0.13),
    ("Paris", "France", 48.86, 2.35),
    ("Madrid", "Spain", 40.42, -3.70),
    ("Milano", "Italy", 45.46, 9.19),
    ("Boston", "United States", 42.36, -71.06),
    ("San Francisco", "United States", 37.77, -122.42),
    ("Toronto", "Canada", 43.65, -79.38),
]
GROUPS = [
    ["ms_relapsing"],
    ["ms_progressive"],
    ["ms"],
    ["ms_relapsing", "ms_progressive", "myasthenia_gravis"],
    ["myasthenia_gravis"],
    ["lupus"],
    ["nmosd"],
]
STATUSES = [RecruitmentStatus.RECRUITING] * 3 + [RecruitmentStatus.NOT_YET_RECRUITING, RecruitmentStatus.COMPLETED]
URLS = [
    "/trials/",
    "/trials/?status=all",
    "/trials/?condition=ms_relapsing",
    "/trials/?status=all&phase=PHASE1&country=Germany",
    "/trials/?sort=newest&page=3",
    "/trials/?place=Berlin&distance=300",
    "/trials/?place=Berlin&distance=1000&sort=relevant",
    "/trials/?place=Boston&distance=100&unit=mi&condition=ms_any",
    "/trials/?lat=48.1&lon=11.6&distance=50",
]


class Command(BaseCommand):
    help = "Build N synthetic trials with M sites and time the finder's pages (median, p95, queries)."

    def add_arguments(self, parser):
        parser.add_argument("--trials", type=int, default=1000)
        parser.add_argument("--sites", type=int, default=50_000)
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--keep", action="store_true", help="Reuse the trials already there.")

    def handle(self, *args, trials: int, sites: int, rounds: int, keep: bool, **options):
        name = str(connection.settings_dict["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to delete the trials of {name!r}: use a database named *bench*.")
        self._ensure_database()
        call_command("migrate", verbosity=0, interactive=False)
        self.stdout.write(f"Database: {connection.vendor} ({name})")
        if not keep:
            start = time.perf_counter()
            self._build(trials, sites)
            self.stdout.write(f"Built {trials:,} trials and {sites:,} sites in {time.perf_counter() - start:.1f} s")
        self.stdout.write(
            f"Rows: {Trial.objects.count():,} trials, {Location.objects.count():,} sites; "
            f"{Location.objects.filter(status=RecruitmentStatus.RECRUITING).count():,} recruiting"
        )
        geo.place_named("Berlin")  # Load the gazetteer once, outside the timings.
        client = Client(HTTP_HOST="localhost")
        for url in URLS:  # Warm-up: connection, templates, caches.
            client.get(url)
        self.stdout.write(f"Load average (1, 5, 15 min): {load_average()}")
        self.stdout.write("   cold: wall   cpu  queries |  warm: wall   cpu  queries | trials  page")
        server: dict[str, float] = {"cold": 0.0, "warm": 0.0}
        summary: dict[str, dict[str, list[float]]] = {
            "cold": {"wall": [], "cpu": []},
            "warm": {"wall": [], "cpu": []},
        }
        for url in URLS:
            row = {}
            for mode in ("cold", "warm"):
                walls, cpus = [], []
                for _round in range(rounds):
                    if mode == "cold":
                        bump_content_generation()
                    else:
                        client.get(url)  # The counts for this page are in the cache now.
                    server_start = server_cpu_seconds()
                    with CaptureQueriesContext(connection) as queries:
                        start, start_cpu = time.perf_counter(), time.process_time()
                        response = client.get(url)
                        cpus.append((time.process_time() - start_cpu) * 1000)
                        walls.append((time.perf_counter() - start) * 1000)
                    server_end = server_cpu_seconds()
                    if server_start is not None and server_end is not None:
                        server[mode] += server_end - server_start
                    if response.status_code != 200:
                        raise CommandError(f"{url} answered {response.status_code}")
                summary[mode]["wall"] += walls
                summary[mode]["cpu"] += cpus
                row[mode] = (statistics.median(walls), statistics.median(cpus), len(queries.captured_queries))
            found = re.search(r"([\d,]+) trials? (?:open to new participants|found)", response.content.decode())
            count = found.group(1) if found else "?"
            (cold_wall, cold_cpu, cold_q), (warm_wall, warm_cpu, warm_q) = row["cold"], row["warm"]
            self.stdout.write(
                f"  {cold_wall:7.1f} ms {cold_cpu:5.1f} ms {cold_q:>3} q  | "
                f"{warm_wall:7.1f} ms {warm_cpu:5.1f} ms {warm_q:>3} q  | {count:>6}  {url}"
            )
        for mode in ("cold", "warm"):
            walls = sorted(summary[mode]["wall"])
            p95 = walls[max(0, int(len(walls) * 0.95) - 1)]
            self.stdout.write(
                self.style.SUCCESS(
                    f"{mode}: {len(URLS)} pages x {rounds}: median {statistics.median(walls):.1f} ms, "
                    f"p95 {p95:.1f} ms, max {max(walls):.1f} ms; "
                    f"CPU median {statistics.median(summary[mode]['cpu']):.1f} ms"
                    + (
                        f"; PostgreSQL server process CPU {server[mode] * 1000 / len(walls):.1f} ms a page"
                        if connection.vendor == "postgresql" and server_cpu_seconds() is not None
                        else ""
                    )
                )
            )
        self.stdout.write(f"Load average (1, 5, 15 min): {load_average()}")

    def _build(self, n_trials: int, n_sites: int) -> None:
        rng = random.Random(11)
        now = timezone.now()
        with transaction.atomic():
            Trial.objects.all().delete()
            trials = Trial.objects.bulk_create(
                [
                    Trial(
                        title=f"Benchmark trial {i}",
                        slug=f"bench-{i}",
                        nct_id=f"NCT{70000000 + i:08d}",
                        status=Status.PUBLISHED,
                        published_at=now,
                        overall_status=rng.choice(STATUSES),
                        condition_groups=rng.choice(GROUPS),
                        phases=[rng.choice(["PHASE1", "PHASE2", "PHASE3"])],
                        car_t_target=rng.choice(["cd19", "bcma", "none"]),
                        sponsor_type=rng.choice(["industry", "academic"]),
                        registry_hash="bench",
                        last_checked_at=now - timezone.timedelta(days=rng.randint(0, 60)),
                        last_update_posted=(now - timezone.timedelta(days=rng.randint(0, 900))).date(),
                        first_posted=(now - timezone.timedelta(days=rng.randint(0, 2000))).date(),
                    )
                    for i in range(n_trials)
                ],
                batch_size=500,
            )
            rows = []
            for i in range(n_sites):
                city, country, lat, lon = rng.choice(CITIES)
                rows.append(
                    Location(
                        trial=trials[i % n_trials],
                        key=f"site {i}|{city}|{country}".casefold(),
                        facility=f"Site {i}",
                        city=city,
                        country=country,
                        status=rng.choice(["RECRUITING", "RECRUITING", "NOT_YET_RECRUITING", ""]),
                        latitude=lat + rng.uniform(-3, 3),
                        longitude=lon + rng.uniform(-3, 3),
                    )
                )
            Location.objects.bulk_create(rows, batch_size=2000)

    def _ensure_database(self) -> None:
        if connection.vendor != "postgresql":
            return
        try:
            connection.ensure_connection()
        except OperationalError:
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{connection.settings_dict["NAME"]}"')
