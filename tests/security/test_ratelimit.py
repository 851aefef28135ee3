"""Atomic rate limits and the single-use fill-time token, including parallel requests to a live server."""

from __future__ import annotations

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import override_settings

from faq.forms import started_token
from faq.models import Submission
from portal import ratelimit
from tests.faq.helpers import ask_data

# The in-memory SQLite test database is one connection shared with the live server's threads, so real
# concurrency can only be tested on PostgreSQL (CI runs the suite on both).
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrency needs PostgreSQL (the SQLite test DB is one connection)"
)

RATE = ratelimit.Rate(limit=5, window_seconds=60)
CACHES = {
    "db": {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "portal_cache"}},
    "locmem": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rl-test"}},
}
# Redis too when a server is given, e.g. PORTAL_TEST_REDIS_URL=redis://127.0.0.1:6379/4 (the db is flushed).
REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "")
if REDIS_URL:
    CACHES["redis"] = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}


@pytest.fixture(params=sorted(CACHES))
def any_cache(request, db):
    with override_settings(CACHES=CACHES[request.param]):
        caches["default"].clear()
        yield request.param
        caches["default"].clear()


def test_hits_within_the_limit_pass_and_the_next_is_refused(any_cache):
    assert [ratelimit.hit("t", "k", RATE, now=1000) for _ in range(7)] == [True] * 5 + [False] * 2


def test_each_key_and_scope_has_its_own_counter(any_cache):
    for _ in range(5):
        ratelimit.hit("t", "a", RATE, now=1000)
    assert ratelimit.hit("t", "a", RATE, now=1000) is False
    assert ratelimit.hit("t", "b", RATE, now=1000) is True
    assert ratelimit.hit("other", "a", RATE, now=1000) is True


def test_a_new_window_starts_a_new_counter(any_cache):
    for _ in range(6):
        ratelimit.hit("t", "k", RATE, now=1000)
    assert ratelimit.hit("t", "k", RATE, now=1000 + 60) is True


def test_use_once_is_true_only_the_first_time(any_cache):
    assert ratelimit.use_once("tok", "n1", 60) is True
    assert ratelimit.use_once("tok", "n1", 60) is False
    assert ratelimit.use_once("tok", "n2", 60) is True


def test_database_cache_uses_slots_and_never_its_non_atomic_incr(db, monkeypatch):
    with override_settings(CACHES=CACHES["db"]):
        backend = caches["default"]
        monkeypatch.setattr(type(backend), "incr", lambda *a, **k: pytest.fail("DatabaseCache.incr is get+set"))
        assert ratelimit.hit("t", "k", RATE, now=5) is True


@pytest.mark.parametrize(
    "cache_name", ["locmem", pytest.param("db", marks=postgres_only), *(["redis"] if REDIS_URL else [])]
)
def test_parallel_hits_in_threads_never_pass_the_limit(transactional_db, cache_name):
    with override_settings(CACHES=CACHES[cache_name]):
        caches["default"].clear()
        barrier = threading.Barrier(16)

        def one(_):
            barrier.wait()
            try:
                return ratelimit.hit("par", "k", RATE)
            finally:
                connection.close()

        with ThreadPoolExecutor(16) as pool:
            results = list(pool.map(one, range(16)))
        assert results.count(True) == 5


# --- the question form against a live server: real HTTP, real CSRF, a thread per request ---------


def _session(base: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=base, timeout=30)
    html = client.get("/faq/ask/").text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return client, token


def _post_in_parallel(base: str, bodies: list[dict]) -> list[int]:
    barrier = threading.Barrier(len(bodies))
    sessions = [_session(base) for _ in bodies]

    def send(args):
        (client, csrf), body = args
        barrier.wait()
        return client.post("/faq/ask/", data={**body, "csrfmiddlewaretoken": csrf, "confirm": "1"}).status_code

    with ThreadPoolExecutor(len(bodies)) as pool:
        codes = list(pool.map(send, zip(sessions, bodies, strict=True)))
    for client, _csrf in sessions:
        client.close()
    return codes


@pytest.fixture
def ask_server(live_server, transactional_db):
    cache.clear()
    yield live_server.url
    cache.clear()


@postgres_only
def test_sixteen_parallel_questions_from_one_address_accept_exactly_the_limit(ask_server):
    bodies = [ask_data(question=f"Parallel question number {n} about CAR T") for n in range(16)]
    codes = _post_in_parallel(ask_server, bodies)
    assert Submission.objects.count() == 5
    assert sorted(codes) == [302] * 5 + [429] * 11


@postgres_only
def test_one_fill_time_token_carries_one_question_even_in_parallel(ask_server):
    token = started_token(seconds_ago=30)
    bodies = [ask_data(question=f"Replayed question number {n} about CAR T", started=token) for n in range(8)]
    codes = _post_in_parallel(ask_server, bodies)
    assert Submission.objects.count() == 1
    assert sorted(codes) == [302] + [409] * 7


def test_a_used_token_is_refused_with_the_input_kept_and_a_fresh_token(client, db):
    cache.clear()
    data = {**ask_data(), "confirm": "1"}
    assert client.post("/faq/ask/", data).status_code == 302
    again = client.post("/faq/ask/", {**data, "question": "The same form sent a second time, CAR T"})
    html = again.content.decode()
    assert again.status_code == 409
    assert "This form was already sent" in html
    assert "The same form sent a second time, CAR T" in html
    assert data["started"] not in html
    assert Submission.objects.count() == 1


def test_old_style_tokens_without_a_nonce_are_treated_as_expired(client, db):
    from django.core import signing

    import faq.forms

    old = signing.dumps(0.0, salt=faq.forms.STARTED_SALT)
    response = client.post("/faq/ask/", {**ask_data(started=old), "confirm": "1"})
    assert "This form had expired" in response.content.decode()
    assert not Submission.objects.exists()
