"""The anonymous page cache: exact, shared by every app server, never stale.

A view marked with `public_page` (in the URLconf) renders the same page for every anonymous reader.
`PageCacheMiddleware` serves anonymous GET/HEAD requests for those views from the shared cache, under
a key made of the language and the normalised URL (scheme, host, path, sorted query). Each entry holds
the content generation (`portal.content.cache`) it was rendered under, and is served only while that
is still the current generation (read from the shared cache on every request, see below).
Every change to public content bumps the generation after its commit, so no reader ever gets a page
older than the last change: there is no time-based staleness. An entry is also served only on the
(local) day it was rendered, since some pages depend on the date ("This page is due for review"):
the first reader after midnight gets a fresh page.

The generation is read *before* rendering and the page is stored with that number: a page rendered
from data older than a change can only carry a generation that change has already retired.

What is never stored: requests carrying a session or messages cookie (members, anyone with a flash
message), responses that are not 200, set a cookie, used a CSRF token, are streamed, say
private/no-store/no-cache, or vary on anything but Cookie and Accept-Encoding. There is no CSP nonce
(the policy in `middleware.py` is static), so a stored page replays nothing per-request.

Responses for anonymous readers carry a strong ETag (a hash of the body), Last-Modified (when the
generation last changed) and `Cache-Control: public, max-age=60, stale-while-revalidate=300`;
If-None-Match / If-Modified-Since get a 304 from the stored entry, without rendering. Members get
`Cache-Control: private, no-cache` and a normal render. When the shared cache is down, pages are rendered fresh.

Each app server process also keeps the pages it served last in memory (`LocalPages`, at most
LOCAL_MAX_BYTES): an entry there is used only when its generation is the current one, which is still
read from the shared cache on every request, so it is exactly as fresh as the shared entry and saves
fetching and decoding the page itself. A hit costs one small shared-cache read (the generation): no
database query with Redis or locmem; a page not held locally costs a second read.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language

from .cache import content_generation

logger = logging.getLogger(__name__)

ANONYMOUS_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300"
MEMBER_CACHE_CONTROL = "private, no-cache"
MEMBER_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
ALLOWED_VARY = frozenset({"cookie", "accept-encoding"})
MAX_QUERY_LENGTH = 512  # Longer query strings are rendered, never stored (no cache flooding).
NOT_REPLAYED = frozenset({"set-cookie", "date", "expires", "content-length", "etag", "last-modified", "cache-control"})


LOCAL_MAX_BYTES = 8 * 1024 * 1024  # per process: a few hundred pages


class LocalPages:
    """This process's most recently served page entries, least recently used out first, bounded by the
    bytes of their bodies. Entries are checked against the current generation by the caller."""

    def __init__(self, max_bytes: int = LOCAL_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.entries: OrderedDict[str, dict] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()  # (runserver and threaded servers)

    def get(self, key: str) -> dict | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: dict) -> None:
        size = len(entry["body"])
        if size > self.max_bytes:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old["body"])
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped["body"])


local_pages = LocalPages()


def public_page(view: Callable) -> Callable:
    """Mark a view whose anonymous GET response is the same for every anonymous reader."""
    view.public_page = True
    return view


def is_member(request: HttpRequest) -> bool:
    """Anyone whose page may be personal: a session (signed in, or mid-form) or a pending message."""
    return any(name in request.COOKIES for name in MEMBER_COOKIES)


def page_key(request: HttpRequest) -> str:
    """The cache key of this URL's anonymous page (query parameters sorted)."""
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)))
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.blake2b(url.encode(), digest_size=16).hexdigest()
    return f"page:{get_language()}:{digest}"


def _is_public_view(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "public_page", False)


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    """True when this response is the same for every anonymous reader and may go into the shared cache."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= ALLOWED_VARY


def _finish(request: HttpRequest, response: HttpResponse, etag: str, modified: int) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = ANONYMOUS_CACHE_CONTROL
    if request.method == "HEAD" and response.content:
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return get_conditional_response(request, etag=etag, last_modified=modified, response=response)


class PageCacheMiddleware:
    """Place after WhiteNoise and before SessionMiddleware: a hit skips sessions, CSRF and auth."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.PAGE_CACHE or not _is_public_view(request):
            return self.get_response(request)
        if is_member(request):
            response = self.get_response(request)
            response["Cache-Control"] = MEMBER_CACHE_CONTROL
            return response

        today = timezone.localdate().isoformat()
        try:
            key = page_key(request)
            # Before rendering: see the module docstring.
            generation, changed_at = content_generation()
            entry = local_pages.get(key)
            if entry is None or entry["generation"] != generation or entry.get("day") != today:
                entry = cache.get(key)
                if entry is not None and entry["generation"] == generation and entry.get("day") == today:
                    local_pages.put(key, entry)
        except Exception:  # The shared cache is down: serve fresh pages rather than errors.
            logger.exception("Page cache unavailable; rendering %s", request.path)
            return self.get_response(request)
        if entry is not None and entry["generation"] == generation and entry.get("day") == today:
            response = HttpResponse(b"" if request.method == "HEAD" else entry["body"])
            for name, value in entry["headers"]:
                response[name] = value
            response["Content-Length"] = str(len(entry["body"]))
            return _finish(request, response, entry["etag"], entry["modified"])

        response = self.get_response(request)
        if not storable(request, response):
            return response
        body = response.content
        entry = {
            "body": body,
            "headers": [(name, value) for name, value in response.items() if name.lower() not in NOT_REPLAYED],
            "etag": f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"',
            "modified": int(changed_at),
            "generation": generation,
            "day": today,
        }
        try:
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            local_pages.put(key, entry)
        except Exception:
            logger.exception("Page cache unavailable; %s not stored", request.path)
        return _finish(request, response, entry["etag"], entry["modified"])
