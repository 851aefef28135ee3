"""Django's Redis cache backend, with one Redis client per connection pool instead of one per operation.

`django.core.cache.backends.redis.RedisCacheClient.get_client()` builds a new `redis.Redis` object for
every cache call (its constructor fills a table of response callbacks: about half a millisecond, more
than the round trip itself). Page-cache hits read Redis on every request, so this keeps the client of
each pool. `redis.Redis` is safe to share between threads (every command takes a connection from the
pool), and the pool starts afresh in a forked process.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
