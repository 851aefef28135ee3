from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .selectors import bookmark_keys


def saved_items(request: HttpRequest) -> dict:
    """`saved_keys`: the member's saved (content_type_id, object_id) pairs, loaded on first use only."""
    return {"saved_keys": SimpleLazyObject(lambda: bookmark_keys(user=request.user))}
