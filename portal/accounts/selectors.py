"""Reads of a member's own data. Every function takes the member and never looks past them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import QuerySet

from portal.content.models import ContentBase
from portal.content.selectors import content_models
from trials.models import TrialFollow  # moves to trials/follows.py with the follow views (issue 16)

from .models import Bookmark, TagFollow

if TYPE_CHECKING:
    from .models import User


def bookmark_keys(*, user: User) -> frozenset[tuple[int, int]]:
    """(content_type_id, object_id) of everything the member saved: one query, for a whole page of cards."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(Bookmark.objects.filter(user=user).values_list("content_type_id", "object_id"))


def content_kinds() -> dict[str, type[ContentBase]]:
    """Filter keys for "My saved items": {"article": Article, "question": Question, "trial": Trial}."""
    return {model._meta.model_name: model for model in content_models()}


@dataclass(frozen=True)
class SavedEntry:
    bookmark: Bookmark
    item: ContentBase | None
    available: bool
    status_changed: bool
    saved_status_label: str
    title: str  # the public title: current when available, else the one it had when last published


def saved_entries(*, user: User, kind: str | None = None) -> list[SavedEntry]:
    """The member's saved items, newest saved first, each with its current state.

    One query for the bookmarks plus one per content type present (GenericPrefetch), whatever the count.
    Unpublished or deleted items stay in the list, marked unavailable, so nothing vanishes silently.
    """
    models = content_kinds()
    bookmarks: QuerySet[Bookmark] = Bookmark.objects.filter(user=user)
    if kind in models:
        bookmarks = bookmarks.filter(content_type=ContentType.objects.get_for_model(models[kind]))
    bookmarks = bookmarks.prefetch_related(
        GenericPrefetch("item", [model.objects.all() for model in models.values()])
    )
    entries = []
    for bookmark in bookmarks:
        item = bookmark.item
        available = item is not None and item.is_published
        current = getattr(item, "overall_status", "")
        changed = bool(available and bookmark.saved_status and current and current != bookmark.saved_status)
        saved_label = ""
        if changed:
            labels = dict(item._meta.get_field("overall_status").flatchoices)
            saved_label = labels.get(bookmark.saved_status, bookmark.saved_status)
        entries.append(
            SavedEntry(
                bookmark=bookmark,
                item=item,
                available=available,
                status_changed=changed,
                saved_status_label=str(saved_label),
                title=(item.title if available else item.public_title) if item is not None else "",
            )
        )
    return entries


def trial_follows(*, user: User) -> QuerySet[TrialFollow]:
    return TrialFollow.objects.filter(user=user).select_related("trial")


def tag_follows(*, user: User) -> QuerySet[TagFollow]:
    return TagFollow.objects.filter(user=user).select_related("tag")


def is_following(*, user: User, trial=None, tag=None) -> bool:
    if not user.is_authenticated:
        return False
    if trial is not None:
        return TrialFollow.objects.filter(user=user, trial=trial).exists()
    return TagFollow.objects.filter(user=user, tag=tag).exists()
