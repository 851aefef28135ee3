"""A sliding-window rate limit on asking, per IP address and per account, kept in the shared cache.

Django's cache is enough here (no extra dependency); the default cache is the database, so every app
server sees the same counts. Behind our proxy (DJANGO_BEHIND_PROXY, which sets SECURE_PROXY_SSL_HEADER)
every request comes from the proxy, so the client is the last X-Forwarded-For entry: the one the proxy added.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

LIMIT = 5
WINDOW_SECONDS = 60 * 60


def client_ip(request: HttpRequest) -> str:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _keys(request: HttpRequest) -> list[str]:
    keys = [f"faq-ask:ip:{client_ip(request)}"]
    if request.user.is_authenticated:
        keys.append(f"faq-ask:user:{request.user.pk}")
    return keys


def _recent(key: str, now: float) -> list[float]:
    return [stamp for stamp in cache.get(key, []) if stamp > now - WINDOW_SECONDS]


def ask_limited(request: HttpRequest) -> bool:
    """True when this IP or this account has asked LIMIT times within the last hour."""
    now = time.time()
    return any(len(_recent(key, now)) >= LIMIT for key in _keys(request))


def ask_record(request: HttpRequest) -> None:
    now = time.time()
    for key in _keys(request):
        cache.set(key, [*_recent(key, now), now], WINDOW_SECONDS)
