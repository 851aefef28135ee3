"""The moderation rules the core owns: who may edit or moderate, which status changes are allowed,
and the history they leave.

`status_transition` writes only the status and its ModerationEvent. It is a building block for the
actions in `portal/actions/`, which add everything else a status change means (search index,
alerts); call those, not this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ContentBase, ModerationEvent, Status

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser as User


def can_edit(user: User | None, item_or_model) -> bool:
    if user is None:
        return False
    opts = item_or_model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def can_edit_fields(user: User | None, item: ContentBase) -> bool:
    """Editors change drafts, items in review and published items; a published item's edits become
    a pending draft (`portal/content/drafts.py`), so nothing unreviewed reaches the public page. An
    archived item is changed only by moderators (or after a moderator restores it to draft), and so is
    an item scheduled to go live (`portal/content/scheduling.py`)."""
    if not can_edit(user, item):
        return False
    if item.pk is None or can_moderate(user, item):
        return True
    if item.status == Status.IN_REVIEW and item.publish_at is not None:
        return False  # Scheduled: approved as it is; a moderator unschedules it before an editor changes it.
    return item.status != Status.ARCHIVED


def can_moderate(user: User | None, item_or_model) -> bool:
    if user is None:
        return False
    return user.has_perm(f"{item_or_model._meta.app_label}.moderate_content")


def status_transition(
    *,
    item: ContentBase,
    actor: User | None,
    allowed_from: set[str],
    to: str,
    comment: str = "",
    published_at=None,
) -> ContentBase:
    """Validate and write one status change and its ModerationEvent (call inside a transaction).

    The first publication sets `published_at` (now, or the given time for content that was
    public elsewhere before, such as the demo).
    """
    if item.status not in allowed_from:
        raise ValidationError(
            _("“%(title)s” is %(status)s and cannot become %(to)s.")
            % {"title": item.title, "status": item.get_status_display().lower(), "to": Status(to).label.lower()}
        )
    from_status = item.status
    item.status = to
    fields = ["status", "updated_at"]
    if to == Status.PUBLISHED and item.published_at is None:
        item.published_at = published_at or timezone.now()
        fields.append("published_at")
    fields += _schedule_cleared(item, to)
    item.full_clean()
    item.save(update_fields=fields)
    _event_record(item=item, actor=actor, from_status=from_status, to_status=to, comment=comment)
    return item


def _schedule_cleared(item: ContentBase, to: str) -> list[str]:
    """A status change ends the schedule it makes moot: publishing uses up `publish_at`; going back
    to draft or to the archive drops both dates (an item resubmitted later needs a new approval)."""
    names = ["publish_at"] if to == Status.PUBLISHED else []
    if to in {Status.DRAFT, Status.ARCHIVED}:
        names = ["publish_at", "archive_at"]
    cleared = [name for name in names if getattr(item, name) is not None]
    for name in cleared:
        setattr(item, name, None)
    if cleared and item.publish_at is None and item.archive_at is None:
        item.scheduled_by = None
        cleared.append("scheduled_by")
    return cleared


def moderation_history(item: ContentBase) -> QuerySet[ModerationEvent]:
    return ModerationEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    ).select_related("actor")


def draft_event_record(
    *, item: ContentBase, actor: User | None, from_state: str, to_state: str, comment: str = ""
) -> None:
    """The history line of a pending draft's state change (the item itself stays published)."""
    _event_record(item=item, actor=actor, from_status=from_state, to_status=to_state, comment=comment, about_draft=True)


def _event_record(*, item: ContentBase, actor, from_status: str, to_status: str, comment: str, about_draft=False):
    return ModerationEvent.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
        about_draft=about_draft,
    )
def latest_send_back(item: ContentBase) -> ModerationEvent | None:
    """The reviewer's comment the author still has to act on: the latest event, if it sent the item
    back to draft with a comment (resubmitting adds a newer event, so it disappears). One query."""
    if item.pk is None or item.status != Status.DRAFT:
        return None
    event = moderation_history(item).first()
    if event is None or event.to_status != Status.DRAFT or not event.comment:
        return None
    return event

