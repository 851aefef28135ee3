"""Start-up safety: production settings come from the environment and are checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-secret-that-is-long-and-random-9f8e7d6c5b4a",
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_ENV_FILE": "", **env},  # never the developer's .env, unless a test names one
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_secret_key_stops_startup_with_a_clear_message():
    result = run_manage("check", env={"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_check_deploy_reports_no_warnings_with_production_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_unless_the_environment_turns_it_on():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_DEBUG"}
    result = run_manage("shell", "-c", "from django.conf import settings; print('DEBUG', settings.DEBUG)", env=env)
    assert "DEBUG False" in result.stdout.splitlines(), result.stderr


def test_redis_cache_url_selects_djangos_redis_backend():
    env = {**PRODUCTION_ENV, "DJANGO_CACHE": "redis://127.0.0.1:6379/1"}
    code = (
        "from django.conf import settings; from django.core.cache import caches; "
        "from django.core.cache.backends.redis import RedisCache; c = settings.CACHES['default']; "
        "print(c['BACKEND'], c['LOCATION'], isinstance(caches['default'], RedisCache))"
    )
    result = run_manage("shell", "-c", code, env=env)
    expected = "portal.content.redis_cache.SharedClientRedisCache redis://127.0.0.1:6379/1 True"
    assert expected in result.stdout, result.stderr


def test_the_redis_backend_keeps_one_client_per_pool():
    from portal.content.redis_cache import SharedClientRedisCache

    backend = SharedClientRedisCache("redis://127.0.0.1:6379/9", {})  # (no connection until a command)
    client = backend._cache.get_client(write=True)
    assert backend._cache.get_client(write=False) is client and backend._cache.get_client("key") is client
    assert client.connection_pool is backend._cache._get_connection_pool(True)


def test_unknown_cache_setting_stops_startup():
    result = run_manage("check", env={**PRODUCTION_ENV, "DJANGO_CACHE": "memcached"})
    assert result.returncode != 0
    assert "DJANGO_CACHE must be" in result.stderr


def test_templates_are_compiled_once_per_process_in_production():
    code = "from django.template import engines; print('LOADERS', engines['django'].engine.loaders)"
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert "LOADERS [('django.template.loaders.cached.Loader'" in result.stdout, result.stdout + result.stderr
