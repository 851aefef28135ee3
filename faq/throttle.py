"""The rate limit on asking, per IP address and per account, kept in the shared cache.

Each confirmed question takes one unit of an atomic counter (`portal.ratelimit`), for the address and
for the account, so parallel requests cannot get past the limit and every app server counts the same.
Behind our proxy (DJANGO_BEHIND_PROXY, which sets SECURE_PROXY_SSL_HEADER) every request comes from
the proxy, so the client is the last X-Forwarded-For entry: the one the proxy added.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from portal import ratelimit

LIMIT = 5
WINDOW_SECONDS = 60 * 60
RATE = ratelimit.Rate(limit=LIMIT, window_seconds=WINDOW_SECONDS)
SCOPE = "faq-ask"


def client_ip(request: HttpRequest) -> str:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _keys(request: HttpRequest) -> list[str]:
    keys = [f"ip:{client_ip(request)}"]
    if request.user.is_authenticated:
        keys.append(f"user:{request.user.pk}")
    return keys


def ask_take(request: HttpRequest) -> bool:
    """Take one question from this address's and this account's allowance; False when either is used up."""
    return ratelimit.hit_all(SCOPE, _keys(request), RATE)
