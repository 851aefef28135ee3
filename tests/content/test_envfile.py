"""The local `.env`: written by `make install`/`make run`, read by the settings, never by the tests."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from portal import envfile

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = "from django.conf import settings as s; print(s.DEBUG, s.SECRET_KEY, s.SITE_URL)"


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """manage.py in a clean environment: no DJANGO_* variable but those given."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_parse_reads_names_and_values_and_skips_the_rest():
    text = """# a comment
DJANGO_DEBUG=1
export DJANGO_SITE_URL = "http://127.0.0.1:8123"
  DJANGO_SECRET_KEY='abc=def#ghi'
DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal?sslmode=disable

not a variable
9BAD=x
EMPTY=
"""
    assert envfile.parse(text) == {
        "DJANGO_DEBUG": "1",
        "DJANGO_SITE_URL": "http://127.0.0.1:8123",
        "DJANGO_SECRET_KEY": "abc=def#ghi",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal?sslmode=disable",
        "EMPTY": "",
    }


def test_load_fills_in_only_what_the_real_environment_does_not_set(tmp_path):
    path = tmp_path / ".env"
    path.write_text("DJANGO_DEBUG=1\nDJANGO_SITE_URL=http://127.0.0.1:8123\n")
    environ = {"DJANGO_SITE_URL": "https://portal.example.org"}
    assert envfile.load(path, environ) == {"DJANGO_DEBUG": "1"}
    assert environ == {"DJANGO_SITE_URL": "https://portal.example.org", "DJANGO_DEBUG": "1"}


def test_load_without_a_file_changes_nothing(tmp_path):
    environ: dict[str, str] = {}
    assert envfile.load(tmp_path / "absent", environ) == {}
    assert environ == {}


def test_ensure_writes_debug_a_random_secret_key_and_the_site_url_once(tmp_path):
    first, second = tmp_path / "a.env", tmp_path / "b.env"
    assert envfile.ensure(first, port=8123) == "created"
    assert envfile.ensure(second) == "created"
    values = envfile.parse(first.read_text())
    assert values["DJANGO_DEBUG"] == "1"
    assert values["DJANGO_SITE_URL"] == "http://127.0.0.1:8123"
    assert envfile.parse(second.read_text())["DJANGO_SITE_URL"] == "http://127.0.0.1:8000"
    assert len(values["DJANGO_SECRET_KEY"]) >= 50
    assert values["DJANGO_SECRET_KEY"] != envfile.parse(second.read_text())["DJANGO_SECRET_KEY"]
    assert stat.S_IMODE(first.stat().st_mode) == 0o600

    before = first.read_text()
    assert envfile.ensure(first, port=9000) == "unchanged"  # an existing file keeps its port unless asked
    assert first.read_text() == before


def test_a_new_port_moves_only_the_local_site_url(tmp_path):
    path = tmp_path / ".env"
    path.write_text("# mine\nDJANGO_SECRET_KEY=keep-me\nDJANGO_SITE_URL=http://localhost:8000\nDATABASE_URL=x\n")
    assert envfile.ensure(path, port=8123, update_port=True) == "updated"
    assert (
        path.read_text() == "# mine\nDJANGO_SECRET_KEY=keep-me\nDJANGO_SITE_URL=http://localhost:8123\nDATABASE_URL=x\n"
    )
    assert envfile.ensure(path, port=8123, update_port=True) == "unchanged"


def test_a_real_site_address_is_never_rewritten_and_a_missing_one_is_added(tmp_path):
    real = tmp_path / "real.env"
    real.write_text("DJANGO_SITE_URL=https://portal.example.org\n")
    assert envfile.ensure(real, port=8123, update_port=True) == "unchanged"
    assert real.read_text() == "DJANGO_SITE_URL=https://portal.example.org\n"

    bare = tmp_path / "bare.env"
    bare.write_text("DJANGO_DEBUG=1")
    assert envfile.ensure(bare, port=8123, update_port=True) == "updated"
    assert bare.read_text() == "DJANGO_DEBUG=1\nDJANGO_SITE_URL=http://127.0.0.1:8123\n"


def test_the_command_line_makes_and_updates_the_file(tmp_path, capsys):
    path = tmp_path / ".env"
    envfile.main(["--path", str(path), "--port", "8123"])
    assert "Wrote" in capsys.readouterr().out
    envfile.main(["--path", str(path), "--port", "8124", "--update-port"])
    assert "DJANGO_SITE_URL is now http://127.0.0.1:8124" in capsys.readouterr().out
    assert envfile.parse(path.read_text())["DJANGO_SITE_URL"] == "http://127.0.0.1:8124"


def test_manage_py_runs_from_the_env_file_alone_and_the_real_environment_wins(tmp_path):
    path = tmp_path / ".env"
    path.write_text("DJANGO_DEBUG=1\nDJANGO_SECRET_KEY=from-the-file\nDJANGO_SITE_URL=http://127.0.0.1:8123\n")
    result = manage("shell", "-c", PRINT_SETTINGS, env={"DJANGO_ENV_FILE": str(path)})
    assert "True from-the-file http://127.0.0.1:8123" in result.stdout.splitlines(), result.stderr

    real = {"DJANGO_ENV_FILE": str(path), "DJANGO_SITE_URL": "https://portal.example.org"}
    result = manage("shell", "-c", PRINT_SETTINGS, env=real)
    assert "True from-the-file https://portal.example.org" in result.stdout.splitlines(), result.stderr


def test_the_test_settings_never_read_an_env_file(tmp_path):
    path = tmp_path / ".env"
    path.write_text("DJANGO_SECRET_KEY=from-the-file\nDJANGO_SITE_URL=http://127.0.0.1:8123\n")
    env = {"DJANGO_ENV_FILE": str(path), "DJANGO_SETTINGS_MODULE": "tests.settings"}
    result = manage("shell", "-c", PRINT_SETTINGS, env=env)
    lines = result.stdout.splitlines()
    assert lines and lines[-1].startswith("True django-insecure-"), result.stdout + result.stderr
    assert lines[-1].endswith(" http://127.0.0.1:8000")
    assert settings.ENV_FILE == ""


def test_git_ignores_the_env_file():
    assert envfile.DEFAULT_PATH == ROOT / ".env"
    assert ".env" in (ROOT / ".gitignore").read_text().splitlines()
