"""Atomic fixed-window rate limits in the shared cache, so every app server counts the same hits.

One counter per (scope, key, window): `hit()` takes one unit of it and says whether it was within the
limit. Nothing here reads a count and then writes it back (the race that let 16 parallel posts through
a limit of 5); every hit is one atomic cache operation:

- caches with an atomic `incr` (Redis, Memcached, local memory): `cache.add(key, 0)` then `cache.incr(key)`;
- caches without one (the database cache: Django's `incr` there is a get followed by a set): the window
  has `limit` slots and a hit is a `cache.add()` of a free slot, which only one request can win because
  the insert is refused by the table's primary key. `get_many` finds the first free slot in one query.

Keys are hashed (addresses and e-mail addresses are personal data). The window number is part of the
key, so a counter is never reused after its window; it expires one window later.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.memcached import BaseMemcachedCache
from django.core.cache.backends.redis import RedisCache

ATOMIC_INCR_BACKENDS: tuple[type[BaseCache], ...] = (RedisCache, BaseMemcachedCache, LocMemCache)


@dataclass(frozen=True)
class Rate:
    limit: int
    window_seconds: int


def _counter_key(scope: str, key: str, window: int, bucket: int) -> str:
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"rl:{scope}:{window}:{bucket}:{digest}"


def _hit_incr(cache: BaseCache, counter: str, limit: int, timeout: int) -> bool:
    cache.add(counter, 0, timeout)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr: this hit opens a fresh counter
        if cache.add(counter, 1, timeout):
            return True
        count = cache.incr(counter)
    return count <= limit


def _hit_slots(cache: BaseCache, counter: str, limit: int, timeout: int) -> bool:
    slots = [f"{counter}:{n}" for n in range(limit)]
    taken = cache.get_many(slots)
    for slot in slots:
        if slot not in taken and cache.add(slot, 1, timeout):
            return True
    return False


def hit(scope: str, key: str, rate: Rate, *, cache_alias: str = "default", now: float | None = None) -> bool:
    """Count one hit of `key` in `scope`; True while the window's count is at most `rate.limit`.

    A refused hit is not counted against later windows. Safe under any concurrency: of N simultaneous
    hits in one window, at most `rate.limit` return True.
    """
    cache = caches[cache_alias]
    bucket = int((time.time() if now is None else now) // rate.window_seconds)
    counter = _counter_key(scope, key, rate.window_seconds, bucket)
    timeout = rate.window_seconds * 2
    if isinstance(cache, ATOMIC_INCR_BACKENDS):
        return _hit_incr(cache, counter, rate.limit, timeout)
    return _hit_slots(cache, counter, rate.limit, timeout)


def hit_all(scope: str, keys: list[str], rate: Rate, **kwargs) -> bool:
    """Count one hit for each key (e.g. the address and the account); False if any is over the limit."""
    allowed = True
    for key in keys:
        allowed = hit(scope, key, rate, **kwargs) and allowed
    return allowed


def use_once(scope: str, nonce: str, timeout: int, *, cache_alias: str = "default") -> bool:
    """Record a single-use value (a form token's nonce); True the first time only, atomically."""
    return caches[cache_alias].add(_counter_key(scope, nonce, 0, 0), 1, timeout)
