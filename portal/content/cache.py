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

import time

from django.core.cache import cache

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
