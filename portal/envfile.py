"""The local `.env` file: read by the settings, written by `make install` and `make run`.

Local development needs a few variables (debug on, a secret key, the site's address) that nobody should
have to export by hand. `make install` writes them to `.env` beside manage.py when it is missing (git
ignores it), and `make run PORT=...` keeps its `DJANGO_SITE_URL` on the port the server runs on, so
e-mails link to the running site. The settings read the file when it is there; a variable that is set
in the real environment always wins over the file. Production sets real environment variables and has
no `.env`.

The format is the common subset of `.env` files: `NAME=value` lines, blank lines and `#` comments
ignored, an optional leading `export `, and an optional pair of single or double quotes around the value.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
from collections.abc import MutableMapping
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_PATH = Path(__file__).resolve().parent.parent / ".env"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
SITE_URL = "DJANGO_SITE_URL"
LINE = re.compile(r"^\s*(?:export\s+)?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?P<value>.*?)\s*$")


def parse(text: str) -> dict[str, str]:
    """`NAME=value` pairs in file order; a line that is not one (or a comment) is ignored."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            continue
        value = match["value"]
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[match["name"]] = value
    return values


def load(path: Path | str, environ: MutableMapping[str, str] = os.environ) -> dict[str, str]:
    """Put the file's variables into `environ` where it has none yet (the real environment wins).

    Returns what was applied; a missing file applies nothing."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    applied = {name: value for name, value in parse(text).items() if name not in environ}
    environ.update(applied)
    return applied


def local_site_url(port: int | str) -> str:
    return f"http://127.0.0.1:{port}"


def new_file_text(port: int | str) -> str:
    return (
        "# Local development only, written by `make install` / `make run` (git ignores this file).\n"
        "# Variables set in the real environment win over these. Production sets real environment\n"
        "# variables instead (README, Configuration). Delete this file to get a new one.\n"
        "DJANGO_DEBUG=1\n"
        f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}\n"
        f"{SITE_URL}={local_site_url(port)}\n"
    )


def with_port(text: str, port: int | str) -> str:
    """The file's text with a local `DJANGO_SITE_URL` moved to `port` (added when there is none).

    Only the port changes; a site URL on any other host (someone set a real address) is left alone."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        match = LINE.match(line)
        if match and match["name"] == SITE_URL:
            url = urlsplit(parse(line)[SITE_URL])
            if url.hostname not in LOCAL_HOSTS or url.port == int(port):
                return text
            host = f"[{url.hostname}]" if ":" in url.hostname else url.hostname
            lines[index] = f"{SITE_URL}={url._replace(netloc=f'{host}:{port}').geturl()}\n"
            return "".join(lines)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join([*lines, f"{SITE_URL}={local_site_url(port)}\n"])


def ensure(path: Path | str = DEFAULT_PATH, *, port: int | str = 8000, update_port: bool = False) -> str:
    """Write the file when it is missing; with `update_port`, also keep its local site URL on `port`.

    Returns what happened: "created", "updated" or "unchanged"."""
    path = Path(path)
    if not path.exists():
        path.write_text(new_file_text(port), encoding="utf-8")
        path.chmod(0o600)  # it holds a secret key
        return "created"
    if not update_port:
        return "unchanged"
    text = path.read_text(encoding="utf-8")
    new_text = with_port(text, port)
    if new_text == text:
        return "unchanged"
    path.write_text(new_text, encoding="utf-8")
    return "updated"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the local .env when it is missing.")
    parser.add_argument("--port", type=int, default=8000, help="port of the local site (default 8000)")
    parser.add_argument("--update-port", action="store_true", help="also move a local DJANGO_SITE_URL to --port")
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    outcome = ensure(args.path, port=args.port, update_port=args.update_port)
    if outcome == "created":
        print(f"Wrote {args.path} for local development (debug on, a new secret key, {local_site_url(args.port)}).")
    elif outcome == "updated":
        print(f"{args.path}: {SITE_URL} is now {local_site_url(args.port)}.")


if __name__ == "__main__":
    main()
