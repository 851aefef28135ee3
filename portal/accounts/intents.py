""""Sign in to save" (or follow) finishes what the reader started, however they get signed in.

The intent travels as the `next` address of the save or follow view (e.g. /accounts/saved/12/3/):
through the log-in and sign-up forms, into the e-mail confirmation link (so it also works when the
link is opened in another browser), and back to `post_login`, which performs it once the member is
signed in with a confirmed address and sends them to the item's page with a message.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.http import HttpRequest
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme

INTENT_VIEWS = {"accounts:save", "accounts:follow_trial", "accounts:follow_tag"}


def intent_path(url: str | None, *, request: HttpRequest) -> str | None:
    """`url` if it is a local address of a save or follow view, else None."""
    if not url or not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return None
    path = urlsplit(url).path
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return path if match.view_name in INTENT_VIEWS else None


def intent_from_request(request: HttpRequest) -> str | None:
    """The intent a sign-up, log-in or confirmation form carries in its `next` field."""
    return intent_path(request.POST.get("next") or request.GET.get("next"), request=request)


def with_intent(url: str, intent: str | None) -> str:
    """An e-mail confirmation link that carries the intent (`?next=`) to whichever browser opens it."""
    if not intent:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode({'next': intent})}"


def intent_perform(request: HttpRequest, path: str) -> str | None:
    """Do the save or follow at `path` for the signed-in member; returns the item's address, or None.

    Uses the view's own `get_target`, `act` and `success_message`, so the rules (published items only)
    and the wording are exactly those of the button.
    """
    user = request.user
    if not user.is_authenticated or not EmailAddress.objects.filter(user=user, verified=True).exists():
        return None
    match = resolve(path)
    view = match.func.view_class(**match.func.view_initkwargs)
    view.setup(request, *match.args, **match.kwargs)
    try:
        target = view.get_target()
    except Exception:  # the item was unpublished meanwhile: nothing to do, go where they were going
        return None
    view.act(target)
    messages.success(request, view.success_message(target))
    return view.target_url(target)
