"""The review gate: what must be true before an item may be published, and who may publish it.

Checked by `portal.actions.publish.content_publish`, so every route (the change page's button, the
list's bulk action, a hand-made POST, a command or a direct call) meets the same rules:

1. the item is in review: nobody but a superuser publishes a draft without asking for review;
2. a type that gives health information (its model inherits `MedicallyReviewed`: articles, FAQs)
   names its medical review: a member of the "Medical reviewers" group, or an external reviewer with
   credentials, and the date of the review (`last_reviewed`, not in the future);
3. two people: a moderator does not publish their own article or FAQ, unless they are a superuser.

Rules 2 and 3 are the medical-publishing rules, so they apply to the types that opt in (articles
and FAQs). Trials (registry facts) and glossary terms (one-line definitions, seeded by a command)
only need rule 1.

`publish_refusals` lists every reason at once (the bulk confirmation page shows them per item);
`check_publishable` raises them. Neither writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .drafts import pending_draft_for
from .models import MEDICAL_REVIEWERS_GROUP, ContentBase, MedicallyReviewed, Status

_UNSET = object()  # "not loaded yet" (None means "has no pending draft")

if TYPE_CHECKING:
    import datetime

    from django.contrib.auth.models import AbstractUser as User


def needs_medical_review(item_or_model: ContentBase | type[ContentBase]) -> bool:
    model = item_or_model if isinstance(item_or_model, type) else type(item_or_model)
    return issubclass(model, MedicallyReviewed)


def is_medical_reviewer(user: User | None) -> bool:
    return user is not None and user.groups.filter(name=MEDICAL_REVIEWERS_GROUP).exists()


def medical_reviewer_ids() -> set[int]:
    """Everyone in the "Medical reviewers" group, in one query (for pages that check many items)."""
    return set(get_user_model().objects.filter(groups__name=MEDICAL_REVIEWERS_GROUP).values_list("pk", flat=True))


def publish_refusals(
    item: ContentBase, moderator: User | None, *, reviewer_ids: set[int] | None = None, pending_draft=_UNSET
) -> list[str]:
    """Why `moderator` may not publish `item` now; empty when it may. (The moderator permission
    itself is checked by the action.) `reviewer_ids` (from `medical_reviewer_ids`) saves a query
    per item when checking a list. A published item is judged by its pending draft's state (the
    next version, in review or not); pass `pending_draft` if it is already loaded."""
    superuser = moderator is not None and moderator.is_superuser
    reasons = []
    status = item.status
    if status == Status.PUBLISHED:
        draft = pending_draft_for(item) if pending_draft is _UNSET else pending_draft
        status = draft.state if draft is not None else status
    if status == Status.PUBLISHED:
        reasons.append(_("It is already published."))
    elif status != Status.IN_REVIEW and not (superuser and status == Status.DRAFT):
        reasons.append(
            _("It is %(status)s: submit it for review first.") % {"status": Status(status).label.lower()}
        )
    if not needs_medical_review(item):
        return reasons
    reasons += _medical_review_refusals(item, reviewer_ids)
    if not superuser and moderator is not None and item.author_id is not None and item.author_id == moderator.pk:
        reasons.append(_("You wrote it: another moderator has to approve it (two-person rule)."))
    return reasons


def _medical_review_refusals(item: MedicallyReviewed, reviewer_ids: set[int] | None) -> list[str]:
    reasons = []
    if item.reviewed_by_id is not None:
        in_group = (
            item.reviewed_by_id in reviewer_ids if reviewer_ids is not None else is_medical_reviewer(item.reviewed_by)
        )
        if not in_group:
            reasons.append(
                _("%(name)s is not in the “Medical reviewers” group.") % {"name": item.reviewed_by}
            )
    elif not item.reviewer_name.strip():
        reasons.append(_("It has no medical reviewer: choose one, or name the external reviewer."))
    elif not item.reviewer_credentials.strip():
        reasons.append(_("The external reviewer's credentials are missing."))
    if item.last_reviewed is None:
        reasons.append(_("The date of the medical review is missing."))
    elif item.last_reviewed > timezone.localdate():
        reasons.append(_("The date of the medical review is in the future."))
    return reasons


def check_publishable(item: ContentBase, moderator: User | None, *, pending_draft=_UNSET) -> None:
    reasons = publish_refusals(item, moderator, pending_draft=pending_draft)
    if reasons:
        raise ValidationError(
            _("“%(title)s” cannot be published: %(reasons)s") % {"title": item.title, "reasons": " ".join(reasons)}
        )


@dataclass(frozen=True)
class MedicalReview:
    """What the public page says: "Medically reviewed by <name>, <credentials>, on <date>"."""

    name: str
    credentials: str
    reviewed_on: datetime.date
    profile_url: str = ""
    job_title: str = ""  # the team reviewer's role on their public profile


def medical_review(item: ContentBase, *, profile=None) -> MedicalReview | None:
    """The item's medical review as readers see it, or None. `profile` is the team reviewer's public
    editor profile (name, credentials, page), if they have one; without it the account's display
    name is used, never a bare user name."""
    if not needs_medical_review(item) or item.last_reviewed is None:
        return None
    job_title = ""
    if item.reviewed_by_id is not None and profile is not None:
        name, url, job_title = profile.name, profile.get_absolute_url(), profile.role
        credentials = item.reviewer_credentials or profile.credentials
    elif item.reviewed_by_id is not None:
        user = item.reviewed_by
        name = getattr(user, "display_name", "") or user.get_full_name()
        credentials, url = item.reviewer_credentials, ""
    else:
        name, credentials, url = item.reviewer_name, item.reviewer_credentials, ""
    if not name.strip():
        return None
    return MedicalReview(name=name.strip(), credentials=credentials.strip(), reviewed_on=item.last_reviewed,
                         profile_url=url, job_title=job_title)
