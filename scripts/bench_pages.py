"""Benchmark every public page type through gunicorn (`make bench-pages`).

For each setup, SQLite (database cache) and PostgreSQL with Redis, on scratch databases only:
  1. migrate, load the demo content and add BENCH_SMALL (30) generated items of each type;
     serve with gunicorn (2 workers) with the page cache off and measure each page ("cold @30");
  2. add items up to BENCH_VOLUME (3,000) of each type; measure cold again ("cold @3000") and with the
     page cache on ("warm @3000"), next to a static file through the same stack in every run.
The load generator is Debian's wrk (`make bench-pages` installs it) on loopback, in its own process.
Printed per page: req/s, p50/p99 latency, the ratio to the static file, HTML bytes, the workers' CPU time
per request (user + system, from /proc: unlike req/s it does not move with other load on the machine),
and cold@3000 as a share of cold@30 by both, with the rows each page shows (a last page at 30 items may list
2 rows where the one at 3,000 lists 9: that difference is rendering, not volume); each deep page as a share of
its list's first page at the same volume; then 304 checks and the workers' memory after the volume run.

Targets (issue 13): warm pages >= 50 % of the static file's req/s; 304 for conditional GETs; cold pages at
3,000 items >= 80 % of their speed at 30; no page over 60 KB; worker memory under 90 MB.
The machine is shared: numbers move with whatever else runs; compare within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
SQLITE_FILE = REPO / "bench-pages.sqlite3"
PG_URL_BASE = os.environ.get("PG_URL_BASE", "postgres://postgres@127.0.0.1:5432")
PG_DB = os.environ.get("BENCH_PG_DB", "portal_bench_pages")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
SECRET = "bench-pages-secret-key-that-is-long-enough-and-random-0a1b2c3d4e5f6a7b"

TAGS = ["car-t", "cd19", "bcma", "progressive-ms", "relapsing-ms", "safety", "access", "lupus"] + [
    f"bench-topic-{n}" for n in range(12)
]
STATUSES = ["RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION"]
COUNTRIES = ["Germany", "United States", "France", "Spain", "Italy", "United Kingdom", "China", "Netherlands"]
BODY = "\n\n".join(
    [
        "## What this is about",
        "A plain-language explainer written for the benchmark. " * 12,
        "- one point\n- another point\n- a third point",
        "## What it means for people with MS",
        "Nothing here is medical advice; talk to your MS team. " * 10,
    ]
)


# ---------------------------------------------------------------- data (child process, Django loaded)
def generate(upto: int) -> None:
    """Bring each content type up to `upto` generated published items (bulk inserts), then rebuild search."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    from articles.models import Article
    from faq.models import Category, Question
    from portal.content.cache import bump_content_generation
    from portal.content.markdown import render_markdown
    from portal.content.models import Status
    from portal.content.search.indexing import search_index_rebuild
    from portal.content.selectors import content_models
    from trials.models import Location, Trial

    rng = random.Random(upto)
    body_html = render_markdown(BODY)
    now = timezone.now()
    tags = [Tag.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ")})[0] for slug in TAGS]
    categories = [
        Category.objects.get_or_create(slug=f"bench-{n}", defaults={"name": f"Bench topic {n}", "position": 50 + n})[0]
        for n in range(8)
    ]

    def common(kind: str, n: int) -> dict:
        return {
            "title": f"Bench {kind} {n}: what the research says about item {n}",
            "slug": f"bench-{kind}-{n}",
            "summary": f"A generated {kind} for the page benchmark, number {n}, in plain language.",
            "body": BODY,
            "body_html": body_html,
            "status": Status.PUBLISHED,
            "published_at": now - timezone.timedelta(minutes=rng.randint(60, 60 * 24 * 365 * 5)),
            "last_reviewed": (now - timezone.timedelta(days=rng.randint(1, 900))).date(),
        }

    with transaction.atomic():
        made = {}
        have = Article.objects.filter(slug__startswith="bench-article-").count()
        made[Article] = Article.objects.bulk_create(
            [Article(**common("article", n)) for n in range(have, upto)], batch_size=500
        )
        have = Question.objects.filter(slug__startswith="bench-question-").count()
        made[Question] = Question.objects.bulk_create(
            [
                Question(**common("question", n), category=categories[n % len(categories)], position=n)
                for n in range(have, upto)
            ],
            batch_size=500,
        )
        have = Trial.objects.filter(slug__startswith="bench-trial-").count()
        made[Trial] = Trial.objects.bulk_create(
            [
                Trial(
                    **common("trial", n),
                    nct_id=f"NCT8{n:07d}",
                    overall_status=rng.choice(STATUSES),
                    phases=rng.choice([["PHASE1"], ["PHASE1", "PHASE2"], ["PHASE2"]]),
                    car_t_target=rng.choice(["cd19", "bcma", "other"]),
                    sponsor=f"Bench sponsor {n % 40}",
                    sponsor_type=rng.choice(["industry", "academic"]),
                    conditions=["Multiple Sclerosis"],
                    condition_groups=["ms_relapsing"],
                    last_update_posted=(now - timezone.timedelta(days=rng.randint(1, 2000))).date(),
                )
                for n in range(have, upto)
            ],
            batch_size=500,
        )
        Location.objects.bulk_create(
            [
                Location(
                    trial=trial,
                    key=f"hospital {k}|city {k}|{trial.pk}",
                    facility=f"Hospital {k}",
                    city=f"City {k}",
                    country=rng.choice(COUNTRIES),
                    status="RECRUITING",
                )
                for trial in made[Trial]
                for k in range(2)
            ],
            batch_size=1000,
        )
        tagged = []
        for model, items in made.items():
            content_type = ContentType.objects.get_for_model(model)
            for item in items:
                chosen = {tags[0]} if rng.random() < 0.5 else set()
                chosen |= set(rng.sample(tags, 2))
                tagged += [TaggedItem(content_type=content_type, object_id=item.pk, tag=tag) for tag in chosen]
        TaggedItem.objects.bulk_create(tagged, batch_size=2000)
    search_index_rebuild(models=content_models())
    bump_content_generation()
    print(json.dumps({model.__name__: model.objects.published().count() for model in content_models()}))


# ---------------------------------------------------------------- serving and measuring (parent)
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_env(setup: dict, page_cache: bool, bind: str = "") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_", "DATABASE_URL"))}
    env.update(
        DJANGO_ENV_FILE="",  # nothing from a developer's .env
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_PAGE_CACHE="1" if page_cache else "0",
        DATABASE_URL=setup["database_url"],
        DJANGO_CACHE=setup["cache"],
        GUNICORN_WORKERS="2",
        GUNICORN_ACCESSLOG="",
        GUNICORN_MAX_REQUESTS="0",
    )
    if bind:
        env["GUNICORN_BIND"] = bind
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def fetch(url: str, headers: dict | None = None) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), dict(exc.headers)


class Server:
    def __init__(self, setup: dict, page_cache: bool) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [GUNICORN, "--config", "deploy/gunicorn.conf.py"],
            cwd=REPO,
            env=app_env(setup, page_cache, bind=f"127.0.0.1:{self.port}"),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(self.base + "/static/css/site.css")
                return
            except OSError:
                time.sleep(0.3)
        sys.exit("gunicorn did not start")

    def worker_rss_mb(self) -> list[float]:
        sizes = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.process.pid:
                    status = (stat.parent / "status").read_text()
                    sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
            except (OSError, AttributeError, IndexError):
                continue
        return sizes

    def worker_cpu_seconds(self) -> float:
        """User + system CPU time of the workers so far: a cost per request that other load cannot skew."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.process.pid:
                    total += (int(fields[11]) + int(fields[12])) / ticks
            except (OSError, IndexError, ValueError):
                continue
        return total

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wrk(url: str, seconds: int, connections: int) -> dict:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url], capture_output=True, text=True
    )
    out = result.stdout

    def ms(label: str) -> float:
        match = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": ms("50%"),
        "p99": ms("99%"),
        "errors": int(non2xx.group(1)) if non2xx else 0,
        "requests": int(total.group(1)) if total else 0,
    }


def last_page(base: str, path: str) -> str:
    html = fetch(base + path)[1].decode()
    match = re.search(r"Page 1 of (\d+)", html)
    pages = int(match.group(1)) if match else 1
    return f"{path}{'&' if '?' in path else '?'}page={pages}"


def page_paths(base: str) -> list[tuple[str, str]]:
    trial = re.search(r'href="(/trials/[^"?]+/)"', fetch(base + "/trials/?status=")[1].decode()).group(1)
    return [
        ("home", "/"),
        ("articles", "/articles/"),
        ("articles last page", last_page(base, "/articles/")),
        ("article", "/articles/bench-article-1/"),
        ("faq", "/faq/"),
        ("faq category", "/faq/category/bench-1/"),
        ("faq category last page", last_page(base, "/faq/category/bench-1/")),
        ("faq detail", "/faq/bench-question-1/"),
        ("finder", "/trials/"),
        ("finder all", "/trials/?status="),
        ("finder all, last page", last_page(base, "/trials/?status=")),
        ("trial", trial),
        ("tag car-t", "/tags/car-t/"),
        ("tag car-t trials", "/tags/car-t/?type=trial"),
        ("tag car-t trials, last page", last_page(base, "/tags/car-t/?type=trial")),
        ("search", "/search/?q=research"),
    ]


# Each deep page and the first page of the same list: "page 500 costs what page 1 does" compares the two at
# the same volume, where both pages show about as many rows.
DEEP_PAGES = {
    "articles last page": "articles",
    "faq category last page": "faq category",
    "finder all, last page": "finder all",
    "tag car-t trials, last page": "tag car-t trials",
}


def rows_shown(html: bytes) -> int:
    """Items listed on a page: cards, FAQ answers and search results (what a page's cost grows with)."""
    text = html.decode(errors="replace")
    markers = ('<article class="card"', '<details class="faq"', 'class="search-result"')
    return sum(text.count(marker) for marker in markers)


def measure(setup: dict, label: str, page_cache: bool, args, paths=None) -> tuple[dict, list, list[float]]:
    server = Server(setup, page_cache)
    try:
        paths = paths or page_paths(server.base)
        rows = {}
        for name, path in [("static file", "/static/css/site.css"), *paths]:
            status, body, _ = fetch(server.base + path)
            if status != 200:
                sys.exit(f"{path} answered {status}")
            cpu = server.worker_cpu_seconds()
            result = wrk(server.base + path, args.seconds, args.connections)
            cpu = server.worker_cpu_seconds() - cpu
            rows[name] = {
                **result,
                "bytes": len(body),
                "rows": rows_shown(body),
                "cpu_ms": 1000 * cpu / max(result["requests"], 1),
            }
        conditional = []
        if page_cache:
            for name, path in paths[:3]:
                _, _, headers = fetch(server.base + path)
                status, _, _ = fetch(server.base + path, {"If-None-Match": headers.get("ETag", "")})
                conditional.append((name, status))
        memory = server.worker_rss_mb()
    finally:
        server.stop()
    print_rows(setup["name"], label, rows)
    return rows, paths, memory, conditional


def print_rows(setup: str, label: str, rows: dict, baseline: dict | None = None) -> None:
    static = rows["static file"]["rps"] or 1
    static_cpu = rows["static file"]["cpu_ms"] or 1e-9
    print(f"\n{setup} · {label}")
    print(
        f"  {'page':30} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs static':>9} {'KB':>6}"
        f" {'CPU ms/req':>10} {'static CPU/page CPU':>19}"
    )
    for name, row in rows.items():
        print(
            f"  {name:30} {row['rps']:8.0f} {row['p50']:8.1f} {row['p99']:8.1f} {row['rps'] / static:9.0%}"
            f" {row['bytes'] / 1024:6.1f} {row['cpu_ms']:10.2f} {static_cpu / (row['cpu_ms'] or 1e-9):19.0%}"
            + (f"  errors {row['errors']}" if row["errors"] else "")
        )
    sys.stdout.flush()


def run_setup(setup: dict, args) -> dict:
    env = app_env(setup, page_cache=False)
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    child = [PYTHON, __file__, "--generate"]
    subprocess.run([*child, str(args.small)], cwd=REPO, env=env, check=True)
    cold_small, paths, _, _ = measure(setup, f"cold (page cache off) @ {args.small} items each", False, args)
    subprocess.run([*child, str(args.volume)], cwd=REPO, env=env, check=True)
    cold, paths, _, _ = measure(setup, f"cold (page cache off) @ {args.volume} items each", False, args)
    warm, _, memory, conditional = measure(setup, f"warm (page cache on) @ {args.volume} items each", True, args)
    print(f"\n{setup['name']} · cold @ {args.volume} as a share of cold @ {args.small} (target >= 80 %)")
    print(f"  {'page':30} {'by req/s':>9} {'by CPU/req':>10} {'rows shown':>14}")
    for name in cold:
        share = cold[name]["rps"] / (cold_small[name]["rps"] or 1)
        by_cpu = cold_small[name]["cpu_ms"] / (cold[name]["cpu_ms"] or 1e-9)
        shown = f"{cold_small[name]['rows']} -> {cold[name]['rows']}"
        print(f"  {name:30} {share:9.0%} {by_cpu:10.0%} {shown:>14}")
    print(f"\n{setup['name']} · deep page as a share of the same list's first page, both cold @ {args.volume}")
    print(f"  {'page':30} {'by req/s':>9} {'by CPU/req':>10} {'rows shown':>14}")
    for deep, first in DEEP_PAGES.items():
        share = cold[deep]["rps"] / (cold[first]["rps"] or 1)
        by_cpu = cold[first]["cpu_ms"] / (cold[deep]["cpu_ms"] or 1e-9)
        shown = f"{cold[first]['rows']} / {cold[deep]['rows']}"
        print(f"  {deep:30} {share:9.0%} {by_cpu:10.0%} {shown:>14}")
    print(f"  conditional GETs (If-None-Match): {', '.join(f'{n} -> {s}' for n, s in conditional)}")
    print(f"  worker memory after the volume run: {', '.join(f'{mb:.0f} MB' for mb in memory)} (target < 90 MB)")
    return {"cold_small": cold_small, "cold": cold, "warm": warm, "memory": memory}


def fresh_postgres() -> str:
    import psycopg

    with psycopg.connect(f"{PG_URL_BASE}/postgres", autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{PG_DB}"')
    return f"{PG_URL_BASE}/{PG_DB}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--volume", type=int, default=int(os.environ.get("BENCH_VOLUME", "3000")))
    parser.add_argument("--small", type=int, default=int(os.environ.get("BENCH_SMALL", "30")))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "5")))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--only", choices=["sqlite", "postgres"], default=os.environ.get("BENCH_ONLY") or None)
    args = parser.parse_args()
    if args.generate is not None:
        generate(args.generate)
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `make bench-pages` installs Debian's wrk.")
    print(f"bench-pages: gunicorn 2 workers, wrk -t2 -c{args.connections} -d{args.seconds}s, loopback")
    if args.only in (None, "sqlite"):
        SQLITE_FILE.unlink(missing_ok=True)
        run_setup({"name": "SQLite + database cache", "database_url": f"sqlite:///{SQLITE_FILE}", "cache": "db"}, args)
    if args.only in (None, "postgres"):
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        setup = {"name": "PostgreSQL + Redis", "database_url": fresh_postgres(), "cache": REDIS_URL}
        run_setup(setup, args)


if __name__ == "__main__":
    main()
