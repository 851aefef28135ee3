"""Save and follow buttons. Whether a card's item is saved comes from `saved_keys`, which the
`portal.accounts.context_processors.saved_items` context processor loads once per request."""

from __future__ import annotations

import functools

from django import template
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.urls import get_script_prefix, reverse

from portal.accounts import selectors
from portal.accounts.follows import follow_kind

register = template.Library()


_PLACEHOLDER = 987654321


@functools.lru_cache(maxsize=64)
def _item_url_pattern(name: str, content_type_id: int, prefix: str) -> str:
    return reverse(name, args=(content_type_id, _PLACEHOLDER))


def item_url(name: str, content_type_id: int, object_id: int) -> str:
    """`reverse(name, args=(content_type_id, object_id))`, reversed once per type and URL prefix: a card
    list would otherwise reverse two URLs per card."""
    return _item_url_pattern(name, content_type_id, get_script_prefix()).replace(str(_PLACEHOLDER), str(object_id))


@functools.lru_cache(maxsize=8)
def _login_url(prefix: str) -> str:
    return reverse("account_login")


def save_button_context(*, request: HttpRequest, item, saved: bool, next_url: str) -> dict:
    content_type = ContentType.objects.get_for_model(item)  # cached per process: no query per card
    return {
        "item": item,
        "saved": saved,
        "user": request.user,
        "save_url": item_url("accounts:save", content_type.pk, item.pk),
        "unsave_url": item_url("accounts:unsave", content_type.pk, item.pk),
        "login_url": _login_url(get_script_prefix()),
        "next_url": next_url,
    }


def follow_button_context(*, request: HttpRequest, kind: str, target, following: bool, next_url: str) -> dict:
    spec = follow_kind(kind)
    url_kwargs = spec.url_kwargs(target)
    return {
        "following": following,
        "user": request.user,
        "name": spec.button_name(target),
        "hint": spec.button_hint,
        "follow_url": reverse(f"accounts:follow_{kind}", kwargs=url_kwargs),
        "unfollow_url": reverse(f"accounts:unfollow_{kind}", kwargs=url_kwargs),
        "next_url": next_url,
    }


@register.inclusion_tag("accounts/_save_button.html", takes_context=True)
def save_button(context, item) -> dict:
    request = context.get("request")
    if request is None:  # rendered outside a request (e.g. an e-mail): no button
        return {"hidden": True}
    keys = context.get("saved_keys")
    if keys is None:
        keys = selectors.bookmark_keys(user=request.user)
    saved = (ContentType.objects.get_for_model(item).pk, item.pk) in keys
    return {
        **save_button_context(request=request, item=item, saved=saved, next_url=request.get_full_path()),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("accounts/_follow_button.html", takes_context=True)
def follow_button(context, kind: str, target) -> dict:
    """`{% follow_button "tag" tag %}`: the button of a registered kind of follow (portal/accounts/follows.py).

    One query for a signed-in member (detail pages only)."""
    request = context.get("request")
    if request is None:
        return {"hidden": True}
    following = follow_kind(kind).is_following(user=request.user, target=target)
    return {
        **follow_button_context(
            request=request, kind=kind, target=target, following=following, next_url=request.get_full_path()
        ),
        "csrf_token": context.get("csrf_token"),
    }
