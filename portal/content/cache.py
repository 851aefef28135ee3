"""The content generation: one number in the shared cache that every change to public content bumps.

Every cached public page is stored under the generation that was current when its rendering started,
so a bump makes every cached page unreachable at once, on every app server (they share the cache).
Write paths call `transaction.on_commit(bump_content_generation)`: bumping before the commit would let
a reader see the new number while the database still shows the old content, and cache the old page
under the new number until the next change.

The generation starts at the current time in microseconds, not at 1: if the cache loses the key
(restart, eviction), the new number is still larger than any number pages were stored under.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

logger = logging.getLogger(__name__)
T = TypeVar("T")

GENERATION_KEY = "content:generation"
CHANGED_AT_KEY = "content:generation:changed-at"


def _start() -> tuple[int, float]:
    now = time.time()
    cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
    cache.add(CHANGED_AT_KEY, now, timeout=None)
    values = cache.get_many([GENERATION_KEY, CHANGED_AT_KEY])
    return int(values.get(GENERATION_KEY, 0)), float(values.get(CHANGED_AT_KEY, now))


def content_generation() -> tuple[int, float]:
    """The current generation and when it last changed (a Unix time, for Last-Modified): one cache read."""
    generation, changed_at, _values = content_generation_with()
    return generation, changed_at


def content_generation_with(*keys: str) -> tuple[int, float, dict]:
    """The generation, its time and the values of `keys`, in one cache read (one MGET on Redis)."""
    values = cache.get_many([GENERATION_KEY, CHANGED_AT_KEY, *keys])
    if GENERATION_KEY not in values or CHANGED_AT_KEY not in values:
        generation, changed_at = _start()
        return generation, changed_at, values
    return int(values.pop(GENERATION_KEY)), float(values.pop(CHANGED_AT_KEY)), values


def bump_content_generation() -> int:
    """Make every cached public page stale (one atomic `incr` on Redis). Returns the new generation."""
    try:
        generation = cache.incr(GENERATION_KEY)
    except ValueError:  # The key is missing: start it, then move past the start.
        _start()
        generation = cache.incr(GENERATION_KEY)
    cache.set(CHANGED_AT_KEY, time.time(), timeout=None)
    return generation


def cached_for_generation(key: str, compute: Callable[[], T], *, timeout: int) -> T:
    """`compute()`, kept in the shared cache under `key` and used only while the content generation is
    the one it was computed under: never stale, like the page cache, for a value that only published
    content decides (counts, lists of tags). The generation is read before computing, so a value
    computed from data older than a change carries a generation that change has already retired.
    A cache that is down just means computing."""
    try:
        generation, _changed_at, found = content_generation_with(key)
    except Exception:
        logger.exception("Shared cache unavailable: %s computed without it", key)
        return compute()
    entry = found.get(key)
    if isinstance(entry, dict) and entry.get("generation") == generation:
        return entry["value"]
    value = compute()
    try:
        cache.set(key, {"generation": generation, "value": value}, timeout=timeout)
    except Exception:
        logger.exception("Shared cache unavailable: %s not stored", key)
    return value
