"""The multi-server setup, for real: two gunicorn app servers behind Debian's nginx, one PostgreSQL, one Redis.

nginx listens on two loopback ports, one in front of each app server, so a request can be sent to a
chosen server *through nginx* (with its X-Forwarded-For). The test publishes through server A and reads
through server B, counts a rate limit on A and checks it holds on B, and uses one member session on both.

Run by `make test-multiserver` (CI: `.ci/run`). It needs nginx (`make nginx` installs Debian's), PostgreSQL
at PG_URL_BASE and Redis at PORTAL_TEST_REDIS_URL, and it FAILS, never skips, when one is missing. Plain
`make test` leaves it out (it takes its own database and servers), unless PORTAL_MULTISERVER=1.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_URL_BASE = os.environ.get("PG_URL_BASE", "postgres://postgres@127.0.0.1:5432")
PG_DB = os.environ.get("PORTAL_MULTISERVER_DB", "portal_multiserver")
REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
SECRET = "multiserver-test-secret-key-that-is-long-enough-and-random-5f4e3d2c1b0a"
PASSWORD = "a-long-test-password-9c8b7a"
TIMEOUT = 60  # seconds: a loaded CI machine hashes passwords slowly

pytestmark = pytest.mark.skipif(
    not os.environ.get("PORTAL_MULTISERVER"), reason="the multi-server test runs with PORTAL_MULTISERVER=1"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        pytest.fail("nginx is missing: run `make nginx` (installs Debian's nginx).", pytrace=False)
    return found


def require_redis() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=5).flushdb()
    except redis.RedisError as exc:
        pytest.fail(f"Redis is unreachable at {REDIS_URL}: {exc}", pytrace=False)


def fresh_database() -> str:
    import psycopg

    try:
        with psycopg.connect(f"{PG_URL_BASE}/postgres", autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{PG_DB}"')
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL is unreachable at {PG_URL_BASE}: {exc}", pytrace=False)
    return f"{PG_URL_BASE}/{PG_DB}"


def app_env(database_url: str, bind: str = "") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DJANGO_ENV_FILE="",  # nothing from a developer's .env
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_BEHIND_PROXY="1",
        DJANGO_CACHE=REDIS_URL,
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        GUNICORN_WORKERS="1",
        GUNICORN_ACCESSLOG="",
    )
    if bind:
        env["GUNICORN_BIND"] = bind
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


SETUP = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from accounts_user import User
moderator = User.objects.create_user("moderator", "moderator@example.org", {PASSWORD!r}, is_staff=True)
moderator.groups.add(Group.objects.get(name="Moderators"))
member = User.objects.create_user("member", "member@example.org", {PASSWORD!r})
EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
import datetime
from articles.models import Article
from portal.content.models import Status
article = Article.objects.create(title="Multi-server explainer", slug="multi-server-explainer",
                                 summary="Published on one server, read on the other.", status=Status.IN_REVIEW,
                                 reviewer_name="Dr Test Reviewer", reviewer_credentials="MD",
                                 last_reviewed=datetime.date(2026, 1, 5))
print("ARTICLE", article.pk)
""".replace("from accounts_user import User", "from django.contrib.auth import get_user_model; User = get_user_model()")

NGINX_CONF = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    upstream server_a {{ server 127.0.0.1:{app_a}; keepalive 8; }}
    upstream server_b {{ server 127.0.0.1:{app_b}; keepalive 8; }}
    server {{ listen 127.0.0.1:{front_a}; location / {{ proxy_pass http://server_a; include {tmp}/proxy.conf; }} }}
    server {{ listen 127.0.0.1:{front_b}; location / {{ proxy_pass http://server_b; include {tmp}/proxy.conf; }} }}
}}
"""
# The same headers as deploy/nginx/portal.conf's "location /".
PROXY_CONF = """
proxy_http_version 1.1;
proxy_set_header Connection "";
proxy_set_header Host $host;
proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
proxy_set_header X-Forwarded-Proto $scheme;
proxy_set_header X-Real-IP $remote_addr;
"""


@dataclass
class Site:
    a: str  # nginx in front of app server A
    b: str  # nginx in front of app server B
    article_pk: int


def wait_for(url: str, processes: list[subprocess.Popen], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                pytest.fail(f"{process.args} exited with {process.returncode}", pytrace=False)
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} did not answer within {seconds} s", pytrace=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    nginx = nginx_binary()
    require_redis()
    database_url = fresh_database()
    env = app_env(database_url)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    article_pk = int(re.search(r"ARTICLE (\d+)", manage(env, "shell", "-c", SETUP)).group(1))

    tmp = tmp_path_factory.mktemp("nginx")
    tmp.chmod(0o755)
    ports = {name: free_port() for name in ("app_a", "app_b", "front_a", "front_b")}
    (tmp / "proxy.conf").write_text(PROXY_CONF)
    (tmp / "nginx.conf").write_text(NGINX_CONF.format(tmp=tmp, **ports))
    processes = []
    try:
        for app in ("app_a", "app_b"):
            processes.append(
                subprocess.Popen(
                    [str(Path(sys.executable).parent / "gunicorn"), "--config", "deploy/gunicorn.conf.py"],
                    cwd=ROOT,
                    env=app_env(database_url, bind=f"127.0.0.1:{ports[app]}"),
                )
            )
        processes.append(subprocess.Popen([nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"]))
        site = Site(f"http://127.0.0.1:{ports['front_a']}", f"http://127.0.0.1:{ports['front_b']}", article_pk)
        wait_for(site.a + "/", processes)
        wait_for(site.b + "/", processes)
        yield site
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def field(html: str, name: str) -> str:
    return re.search(rf'name="{name}"[^>]*value="([^"]*)"', html).group(1)


def test_a_page_published_through_one_server_shows_at_once_on_the_other(site: Site):
    reader = httpx.Client(base_url=site.b, timeout=TIMEOUT)
    before = reader.get("/articles/")
    assert before.status_code == 200
    assert "Multi-server explainer" not in before.text
    again = reader.get("/articles/", headers={"If-None-Match": before.headers["ETag"]})
    assert again.status_code == 304  # the anonymous page is cached on B, through nginx

    with httpx.Client(base_url=site.a, timeout=TIMEOUT) as moderator:
        login = moderator.get("/admin/login/")
        done = moderator.post(
            "/admin/login/",
            data={"username": "moderator", "password": PASSWORD, "next": "/admin/",
                  "csrfmiddlewaretoken": csrf_token(login.text)},
        )
        assert done.status_code == 302, done.text[:2000]
        changelist = moderator.get("/admin/articles/article/")
        published = moderator.post(
            "/admin/articles/article/",
            data={"action": "publish", "apply": "1", "_selected_action": str(site.article_pk), "index": "0",
                  "select_across": "0", "csrfmiddlewaretoken": csrf_token(changelist.text)},
        )
        assert published.status_code == 302, published.text[:2000]

    after = reader.get("/articles/")
    assert "Multi-server explainer" in after.text
    assert after.headers["ETag"] != before.headers["ETag"]
    assert reader.get("/articles/multi-server-explainer/").status_code == 200


def test_a_rate_limit_counted_on_one_server_holds_on_the_other(site: Site):
    """The question form allows 5 questions an hour per address: 5 through A, the 6th through B is refused."""
    forms = []
    for front in (site.a,) * 5 + (site.b,):
        client = httpx.Client(base_url=front, timeout=TIMEOUT)
        html = client.get("/faq/ask/").text
        forms.append((client, {"csrfmiddlewaretoken": csrf_token(html), "started": field(html, "started")}))
    time.sleep(3.2)  # the form's minimum fill time
    statuses = []
    for number, (client, hidden) in enumerate(forms):
        response = client.post(
            "/faq/ask/",
            data={**hidden, "question": f"Is question number {number} about CAR T answered?", "context": "",
                  "email": "", "consent": "on", "about": "", "website": "", "confirm": "1"},
        )
        statuses.append(response.status_code)
        client.close()
    assert statuses == [302] * 5 + [429]


def test_a_members_session_works_on_both_servers(site: Site):
    with httpx.Client(base_url=site.a, timeout=TIMEOUT) as on_a:
        login = on_a.get("/accounts/login/")
        done = on_a.post(
            "/accounts/login/",
            data={"login": "member@example.org", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(login.text)},
        )
        assert done.status_code == 302, done.text[:2000]
        cookies = on_a.cookies
        for front in (site.a, site.b):
            with httpx.Client(base_url=front, cookies=cookies, timeout=TIMEOUT) as member:
                profile = member.get("/accounts/profile/")
                assert profile.status_code == 200, front
                assert "member@example.org" in profile.text
                page = member.get("/articles/")
                assert page.headers["Cache-Control"] == "private, no-cache"
                assert "Sign out" in page.text
    anonymous = httpx.get(site.b + "/articles/", timeout=TIMEOUT)
    assert "Sign out" not in anonymous.text  # anonymous readers never get her page


def test_the_shipped_nginx_site_passes_nginx_t(tmp_path: Path):
    """deploy/nginx/portal.conf, with a throw-away certificate and loopback ports, is valid for Debian's nginx."""
    nginx = nginx_binary()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=portal.example.org",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (ROOT / "deploy" / "nginx" / "portal.conf").read_text()
    for old, new in [
        ("/etc/letsencrypt/live/portal.example.org/fullchain.pem", str(tmp_path / "cert.pem")),
        ("/etc/letsencrypt/live/portal.example.org/privkey.pem", str(tmp_path / "key.pem")),
        ("/var/cache/nginx/portal", str(tmp_path / "cache")),
        ("listen [::]:80;", ""),
        ("listen [::]:443 ssl http2;", ""),
        ("listen 80;", f"listen 127.0.0.1:{free_port()};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{free_port()} ssl http2;"),
    ]:
        assert old in site, old
        site = site.replace(old, new)
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
