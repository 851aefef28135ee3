"""`make bench-load`: the site under gunicorn on PostgreSQL, and a bounded mixed load from a second process.

1. A scratch database (BENCH_DATABASE_URL, default portal_bench_load; dropped and re-created, never a
   test or real database): migrations, the cache table, the demo content and BENCH_MEMBERS members.
2. gunicorn with BENCH_WORKERS workers on 127.0.0.1, production settings (DEBUG off, behind a "proxy"
   so question submissions can come from many X-Forwarded-For addresses, as they would in production).
3. The load, from a child process on loopback, for BENCH_SECONDS (60): anonymous browsing, searches,
   members saving and unsaving the same items concurrently (each member in one thread, so the last
   answer it got says what the database must hold), and question submissions.
4. The report: requests/s, p50/p95/p99 latency, errors (5xx or no answer), duplicate rows, lost saves
   and lost questions (must be 0 each).

With `--restart-postgres` (make bench-load BENCH_RESTART=1) a second run restarts the local PostgreSQL
(`pg_ctlcluster --skip-systemctl-redirect 15 main restart`) 20 s in and reports how long the site took
to answer again by itself; errors during the restart are counted apart. It restarts a shared server:
never from the test suite or CI.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "bench-load-password-42"
PG_RESTART = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"]


def _env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-load-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "DJANGO_BEHIND_PROXY": "1",
        "DJANGO_LOG_LEVEL": "ERROR",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }


def prepare(database_url: str, members: int) -> None:
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name.startswith("portal_bench"):
        sys.exit(f"Refusing to drop {name!r}: the bench database's name must start with portal_bench.")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = _env(database_url)
    python = sys.executable
    for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["load_demo_content"],
                    ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    code = f"""
from allauth.account.models import EmailAddress
from portal.accounts.models import User
for n in range({members}):
    user = User.objects.create_user(username=f"bench{{n}}", email=f"bench{{n}}@example.org", password={PASSWORD!r})
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
"""
    subprocess.run([python, "manage.py", "shell", "-c", code], cwd=REPO, env=env, check=True)


def start_gunicorn(database_url: str, port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}",
         "--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning"],
        cwd=REPO, env=_env(database_url),
    )
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    process.kill()
    sys.exit("gunicorn did not answer within 60 s")


def db_state(database_url: str) -> dict:
    import psycopg

    with psycopg.connect(database_url) as conn:
        duplicates = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM accounts_bookmark GROUP BY user_id, content_type_id, object_id"
            " HAVING count(*) > 1) d"
        ).fetchone()[0]
        saved = {
            (username, path)
            for username, path in conn.execute(
                "SELECT u.username, 'articles/' || a.slug FROM accounts_bookmark b JOIN accounts_user u"
                " ON u.id = b.user_id JOIN articles_article a ON a.id = b.object_id JOIN django_content_type ct"
                " ON ct.id = b.content_type_id AND ct.app_label = 'articles'"
            )
        }
        questions = {row[0] for row in conn.execute("SELECT question FROM faq_submission")}
        duplicate_questions = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM faq_submission GROUP BY question HAVING count(*) > 1) d"
        ).fetchone()[0]
    return {"duplicate_bookmarks": duplicates, "saved": saved, "questions": questions,
            "duplicate_questions": duplicate_questions}


# --- the load (child process) ---------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.samples: list[tuple[float, float, str, int]] = []  # (start, seconds, kind, status; 0 = no answer)

    def add(self, start: float, seconds: float, kind: str, status: int) -> None:
        with self.lock:
            self.samples.append((start, seconds, kind, status))


def _csrf(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return match.group(1) if match else ""


def run_load(base: str, seconds: float, members: int, browsers: int, askers: int, restart_at: float | None) -> dict:
    import httpx

    recorder = Recorder()
    start_all = time.monotonic()
    stop_at = start_all + seconds
    acknowledged: dict[tuple[str, str], bool] = {}
    accepted_questions: list[str] = []
    restart_info: dict = {}
    ack_lock = threading.Lock()

    def timed(client, kind, method, url, **kwargs):
        start = time.monotonic()
        try:
            response = client.request(method, url, **kwargs)
            recorder.add(start - start_all, time.monotonic() - start, kind, response.status_code)
            return response
        except httpx.HTTPError:
            recorder.add(start - start_all, time.monotonic() - start, kind, 0)
            return None

    with httpx.Client(base_url=base, timeout=30) as client:
        home = client.get("/").text
        articles = sorted(set(re.findall(r'href="(/articles/[a-z0-9-]+/)"', home)))[:3] or ["/articles/"]
        pages = ["/", "/articles/", "/faq/", "/trials/", "/trials/?status=all", *articles,
                 *sorted(set(re.findall(r'href="(/(?:faq|trials|tags)/[a-z0-9-]+/)"', client.get("/faq/").text)))[:6]]
    searches = ["car t", "relapsing", "side effects", "trial near me", "cd19", "progressive ms", "zzqx"]

    def browse(n: int) -> None:
        rng = random.Random(n)
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < stop_at:
                if rng.random() < 0.7:
                    timed(client, "browse", "GET", rng.choice(pages))
                else:
                    timed(client, "search", "GET", "/search/", params={"q": rng.choice(searches)})

    def member_setup(n: int):
        client = httpx.Client(base_url=base, timeout=30, follow_redirects=False)
        login = client.get("/accounts/login/")
        client.post("/accounts/login/", data={"login": f"bench{n}@example.org", "password": PASSWORD,
                                              "csrfmiddlewaretoken": _csrf(login.text)})
        targets = []
        for path in articles:
            match = re.search(r'action="(/accounts/saved/\d+/\d+/)"', client.get(path).text)
            if match:
                targets.append((path, match.group(1)))
        if not targets:
            sys.exit(f"member bench{n} could not log in or find a save button")
        return client, targets

    def member(n: int, client, targets) -> None:
        rng = random.Random(100 + n)
        try:
            while time.monotonic() < stop_at:
                path, save_url = rng.choice(targets)
                save = rng.random() < 0.5
                url = save_url if save else save_url + "remove/"
                token = client.cookies.get("csrftoken", "")
                response = timed(client, "save" if save else "unsave", "POST", url,
                                 data={"csrfmiddlewaretoken": token, "next": path})
                if response is not None and response.status_code == 302:
                    with ack_lock:
                        acknowledged[(f"bench{n}", "articles/" + path.strip("/").split("/")[-1])] = save
        finally:
            client.close()

    def asker(n: int) -> None:
        rng = random.Random(200 + n)
        count = 0
        with httpx.Client(base_url=base, timeout=30, follow_redirects=False) as client:
            while time.monotonic() < stop_at:
                form = timed(client, "ask-form", "GET", "/faq/ask/")
                if form is None or form.status_code != 200:
                    time.sleep(0.5)
                    continue
                started = re.search(r'name="started" value="([^"]+)"', form.text)
                time.sleep(3.1)  # the minimum fill time
                count += 1
                text = f"Bench question {n}-{count}: does CAR T-cell therapy work for MS? {rng.random():.6f}"
                ip = f"10.{n}.{count // 250}.{count % 250 + 1}"
                response = timed(
                    client, "ask", "POST", "/faq/ask/",
                    data={"question": text, "consent": "on", "started": started.group(1) if started else "",
                          "confirm": "1", "csrfmiddlewaretoken": client.cookies.get("csrftoken", "")},
                    headers={"X-Forwarded-For": ip, "X-Forwarded-Proto": "http"},
                )
                if response is not None and response.status_code == 302:
                    with ack_lock:
                        accepted_questions.append(text)

    def restarter() -> None:
        delay = start_all + restart_at - time.monotonic()
        time.sleep(max(0, delay))
        began = time.monotonic()
        result = subprocess.run(PG_RESTART, capture_output=True, text=True)
        restart_info.update(began=began - start_all, took=time.monotonic() - began, rc=result.returncode,
                            stderr=result.stderr.strip()[-300:])

    sessions = [member_setup(n) for n in range(members)]  # logged in before the clock starts
    start_all = time.monotonic()
    stop_at = start_all + seconds
    threads = [threading.Thread(target=browse, args=(n,)) for n in range(browsers)]
    threads += [threading.Thread(target=member, args=(n, *sessions[n])) for n in range(members)]
    threads += [threading.Thread(target=asker, args=(n,)) for n in range(askers)]
    if restart_at is not None:
        threads.append(threading.Thread(target=restarter))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"samples": recorder.samples, "acknowledged": [[k[0], k[1], v] for k, v in acknowledged.items()],
            "accepted_questions": accepted_questions, "restart": restart_info, "elapsed": time.monotonic() - start_all}


def report(result: dict, state: dict, title: str) -> dict:
    samples = result["samples"]
    latencies = sorted(s[1] for s in samples if s[3])
    errors = [s for s in samples if s[3] == 0 or s[3] >= 500]
    kinds = Counter(s[2] for s in samples)
    statuses = Counter(s[3] for s in samples)

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0

    expected = {(u, p) for u, p, saved in result["acknowledged"] if saved}
    cleared = {(u, p) for u, p, saved in result["acknowledged"] if not saved}
    lost_saves = len(expected - state["saved"]) + len(cleared & state["saved"])
    lost_questions = len(set(result["accepted_questions"]) - state["questions"])
    summary = {
        "requests": len(samples), "seconds": round(result["elapsed"], 1),
        "requests_per_second": round(len(samples) / result["elapsed"], 1),
        "p50_ms": round(pct(0.50), 1), "p95_ms": round(pct(0.95), 1), "p99_ms": round(pct(0.99), 1),
        "mean_ms": round(statistics.mean(latencies) * 1000, 1) if latencies else 0,
        "errors": len(errors), "by_kind": dict(kinds), "by_status": {str(k): v for k, v in statuses.items()},
        "duplicate_bookmarks": state["duplicate_bookmarks"], "duplicate_questions": state["duplicate_questions"],
        "lost_saves": lost_saves, "questions_accepted": len(result["accepted_questions"]),
        "lost_questions": lost_questions,
    }
    restart = result.get("restart")
    if restart:
        began = restart["began"]
        during = [s for s in samples if s[0] >= began - 0.5]
        failed = [s for s in during if s[3] == 0 or s[3] >= 500]
        last_failure_end = max((s[0] + s[1] for s in failed), default=began)
        first_ok_after = min((s[0] + s[1] for s in during if 0 < s[3] < 500 and s[0] >= last_failure_end),
                             default=None)
        summary["restart"] = {
            "pg_restart_started_at_s": round(began, 1), "pg_restart_command_s": round(restart["took"], 2),
            "pg_restart_rc": restart["rc"], "errors_during_restart": len(failed),
            "errors_outside_restart": len(errors) - len(failed),
            "site_answering_again_after_s": round(first_ok_after - began, 2) if first_ok_after else None,
        }
    print(f"\n== {title}")
    for key, value in summary.items():
        print(f"  {key:24} {value}")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench_load"))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", 60)))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 3)))
    parser.add_argument("--members", type=int, default=6)
    parser.add_argument("--browsers", type=int, default=4)
    parser.add_argument("--askers", type=int, default=2)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8765)))
    parser.add_argument("--restart-postgres", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # the load process
        options = json.loads(args.child)
        print(json.dumps(run_load(**options)))
        return
    if os.environ.get("CI"):
        sys.exit("bench-load does not run in CI (it needs minutes and may restart PostgreSQL).")
    os.chdir(REPO)
    print(f"Preparing {args.database_url} ...", flush=True)
    prepare(args.database_url, args.members)
    server = start_gunicorn(args.database_url, args.port, args.workers)
    runs = [("steady load", None)]
    if args.restart_postgres:
        runs.append(("load with a PostgreSQL restart 20 s in", 20.0))
    results = {}
    try:
        for title, restart_at in runs:
            options = {"base": f"http://127.0.0.1:{args.port}", "seconds": args.seconds, "members": args.members,
                       "browsers": args.browsers, "askers": args.askers, "restart_at": restart_at}
            child = subprocess.run([sys.executable, __file__, "--child", json.dumps(options)], cwd=REPO,
                                   capture_output=True, text=True, check=True)
            result = json.loads(child.stdout.strip().splitlines()[-1])
            time.sleep(1)
            results[title] = report(result, db_state(args.database_url), title)
    finally:
        server.terminate()
        server.wait(timeout=30)
    def bad(summary: dict) -> bool:
        errors = summary.get("restart", {}).get("errors_outside_restart", summary["errors"])
        writes = summary["duplicate_bookmarks"] + summary["duplicate_questions"] + summary["lost_saves"]
        return bool(errors or writes or summary["lost_questions"])

    failed = [title for title, summary in results.items() if bad(summary)]
    if failed:
        sys.exit(f"FAILED: {', '.join(failed)} (errors, duplicates or lost writes above)")
    print("\nOK: no errors outside a restart, no duplicate rows, no lost saves or questions.")


if __name__ == "__main__":
    main()
