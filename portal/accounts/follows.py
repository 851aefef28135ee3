"""What a member can follow: a table with one `FollowKind` per kind, read in one place each.

accounts registers "tag" (topics); other apps register theirs in their `AppConfig.ready()` (trials:
"trial", see `trials/apps.py`), the way content types register with `portal.content.registry`:

    follows.register(follows.FollowKind(kind="trial", follow_model=TrialFollow, ...))

This is a table of what exists, not a list of hooks: nothing here runs on a write. The readers are
the URLconf and `FollowToggleView` (follow/unfollow), the follow button tag, the profile's
"What you follow" (`ProfileView`, `FollowDeleteView`), the export's "following" section and
account deletion (`services`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Model, QuerySet

if TYPE_CHECKING:
    from .models import User


@dataclass(frozen=True)
class FollowKind:
    """One kind of thing a member can follow."""

    kind: str  # URL part and key: /account/follow/<kind>/..., names accounts:follow_<kind> / unfollow_<kind>
    follow_model: type[Model]  # one row per member and target, with a `user` foreign key
    url_path: str  # the target part of the follow URLs, e.g. "<int:pk>" or "<slug:slug>"
    url_kwargs: Callable[[Any], dict]  # target -> kwargs for those URLs
    get_target: Callable[[dict], Any]  # URL kwargs -> the target (or Http404)
    target_url: Callable[[Any], str]
    is_following: Callable[..., bool]  # (user=, target=) -> bool
    follow: Callable[..., Any]  # (user=, target=)
    unfollow: Callable[..., None]  # (user=, target=)
    # The button: "Follow <button_name>", with `button_hint` under it.
    button_name: Callable[[Any], str]
    button_hint: str
    # Flash messages, formatted with `message_name(target)` as %(name)s.
    message_name: Callable[[Any], str]
    followed: str
    unfollowed: str
    # The profile's "What you follow": a heading, the member's follows, the template listing them
    # (it gets `follows` and `kind`).
    profile_title: str
    profile_follows: Callable[[User], QuerySet]
    profile_template: str
    # The data export: following[export_key] = export(user).
    export_key: str
    export: Callable[[User], list]
    # Where the kind appears on the profile and in the export (lowest first).
    position: int = 100


_KINDS: dict[str, FollowKind] = {}


def register(kind: FollowKind) -> FollowKind:
    """Declare a kind of follow. Registering the same kind again replaces it (reloads, tests)."""
    _KINDS[kind.kind] = kind
    return kind


def follow_kinds() -> list[FollowKind]:
    return sorted(_KINDS.values(), key=lambda k: k.position)


def follow_kind(kind: str) -> FollowKind | None:
    return _KINDS.get(kind)
