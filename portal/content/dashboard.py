"""Reads for the editorial dashboard (the admin home): an editor's drafts, what was sent back to them,
and what waits for review, across every registered content type.

One query per content type for each list, whatever the number of items: the latest moderation event
(who sent it back, when, why) and the time an item was submitted come from subqueries, not a query
per row. Each function returns model instances with those values as attributes, newest work first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import ContentBase, ModerationEvent, PendingDraft, Status
from .selectors import content_models

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser as User

SHOWN = 10
SENT_BACK_FROM = {Status.IN_REVIEW, Status.PUBLISHED, Status.ARCHIVED}


def _events(model: type[ContentBase]) -> QuerySet[ModerationEvent]:
    return ModerationEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    ).order_by("-created_at", "-pk")


def drafts_of(user: User, limit: int = SHOWN) -> list[ContentBase]:
    """The user's own drafts, most recently edited first, each with its latest moderation event:
    `last_from`, `last_comment`, `last_event_at`, `last_actor` (a user name) and `sent_back` (True when
    a moderator's send-back is the latest thing that happened to it)."""
    items: list[ContentBase] = []
    for model in content_models():
        events = _events(model)
        items += model.objects.filter(author=user, status=Status.DRAFT).annotate(
            last_from=Subquery(events.values("from_status")[:1]),
            last_comment=Subquery(events.values("comment")[:1]),
            last_event_at=Subquery(events.values("created_at")[:1]),
            last_actor=Subquery(events.values("actor__username")[:1]),
        ).order_by("-updated_at", "-pk")[:limit]
    for item in items:
        item.sent_back = item.last_from in SENT_BACK_FROM
    items.sort(key=lambda item: item.updated_at, reverse=True)
    return items[:limit]


def sent_back_to(user: User, limit: int = SHOWN, drafts: list[ContentBase] | None = None) -> list[ContentBase]:
    """The user's drafts a moderator sent back, latest send-back first (with its comment), until they
    are submitted again. Pass `drafts` (from `drafts_of`) to reuse its query."""
    drafts = drafts_of(user, limit) if drafts is None else drafts
    sent_back = [item for item in drafts if item.sent_back]
    sent_back.sort(key=lambda item: item.last_event_at, reverse=True)
    return sent_back[:limit]


def waiting_for_review(limit: int = SHOWN) -> list[ContentBase]:
    """Items in review, and published items whose next version (a pending draft) is in review, the
    longest waiting first, each with `submitted_at` (when it entered review; its last edit if the
    history has no such event), `changes_published` (True for a published item's draft) and the author
    (join). One query per content type."""
    items: list[ContentBase] = []
    for model in content_models():
        submitted = _events(model).filter(to_status=Status.IN_REVIEW).values("created_at")[:1]
        draft_in_review = PendingDraft.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
            state=PendingDraft.State.IN_REVIEW,
        )
        items += (
            model.objects.filter(Q(status=Status.IN_REVIEW) | Q(Exists(draft_in_review), status=Status.PUBLISHED))
            .select_related("author")
            .annotate(
                submitted_at=Coalesce(Subquery(draft_in_review.values("updated_at")[:1]), Subquery(submitted))
            )
            .order_by(F("submitted_at").asc(nulls_first=True), "updated_at", "pk")[:limit]
        )
    for item in items:
        item.submitted_at = item.submitted_at or item.updated_at
        item.changes_published = item.status == Status.PUBLISHED
    items.sort(key=lambda item: item.submitted_at)
    return items[:limit]
