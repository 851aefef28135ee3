"""Who wrote an item and who reviewed it, as public profiles.

The author is the item's `author`; the reviewer is the moderator who last published it (every item is
checked by a second person before it goes live: that check is the review). Articles and FAQs also
name their medical reviewer (`portal.content.review.medical_review`), shown instead. Either may be None: the
page then credits the editorial team, never a bare account name.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from portal.content.models import ContentBase, ModerationEvent, Status
from portal.content.review import MedicalReview, medical_review

from .models import EditorProfile


@dataclass(frozen=True)
class Credits:
    author: EditorProfile | None
    reviewer: EditorProfile | None
    reviewed_on: object | None  # date of the medical review, or of the publishing review
    # Articles and FAQs: the named medical review ("Medically reviewed by <name>, <credentials>, on <date>").
    medical_review: MedicalReview | None = None


def item_credits(item: ContentBase) -> Credits:
    """Two small queries, once per item and request (cached on the instance)."""
    cached = getattr(item, "_portal_credits", None)
    if cached is not None:
        return cached
    event = (
        ModerationEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk, to_status=Status.PUBLISHED
        )
        .order_by("-created_at", "-pk")
        .values("actor_id", "created_at")
        .first()
    )
    medical_reviewer_id = getattr(item, "reviewed_by_id", None)
    profiles = {
        profile.user_id: profile
        for profile in EditorProfile.objects.public().filter(
            user_id__in=[uid for uid in (item.author_id, event and event["actor_id"], medical_reviewer_id) if uid]
        )
    }
    reviewed_on = item.last_reviewed or (event["created_at"].date() if event else None)
    credits = Credits(
        author=profiles.get(item.author_id),
        reviewer=profiles.get(event["actor_id"]) if event else None,
        reviewed_on=reviewed_on,
        medical_review=medical_review(item, profile=profiles.get(medical_reviewer_id)),
    )
    item._portal_credits = credits
    return credits
