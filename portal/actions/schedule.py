"""Scheduled publishing: a moderator approves an item to go live (and to leave) at a set time, and
`publish_scheduled` (cron, every few minutes) carries it out through the publish and archive actions.

`scheduled_run` is safe to run twice and on several servers at once: each due item is taken in its
own transaction with `SELECT ... FOR UPDATE SKIP LOCKED` (PostgreSQL; another server's item is
skipped, not waited for) and checked again under that lock, so an item another run has just
published is no longer due. SQLite takes the write lock at BEGIN (`transaction_mode="IMMEDIATE"` in
settings), so there the re-check under the lock is the whole guard.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.actions.archive import content_archive
from portal.actions.publish import content_publish
from portal.content.models import ContentBase
from portal.content.moderation import can_moderate
from portal.content.review import check_publishable
from portal.content.scheduling import (
    SCHEDULE_FIELDS,
    due_to_archive_q,
    due_to_publish_q,
    validate_schedule,
)
from portal.content.selectors import content_models

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_schedule(
    *,
    item: ContentBase,
    moderator: User | None,
    publish_at: datetime.datetime | None,
    archive_at: datetime.datetime | None,
    now: datetime.datetime | None = None,
) -> ContentBase:
    """Set (or clear, with None) when an item goes live and when it leaves the site.

    Setting `publish_at` on an item in review approves it for that time: only a moderator may, and
    not for their own item unless they are a superuser (two people see everything that goes live).
    Changed dates must lie in the future and `archive_at` after `publish_at`. Nothing public changes
    now, so the page cache is left alone.
    """
    if not can_moderate(moderator, item):
        raise PermissionDenied(_("Only moderators can schedule publication."))
    wanted = {"publish_at": publish_at, "archive_at": archive_at}
    changed = {name for name in SCHEDULE_FIELDS if getattr(item, name) != wanted[name]}
    if not changed:
        return item
    validate_schedule(
        status=item.status, publish_at=publish_at, archive_at=archive_at, changed=changed, now=now or timezone.now()
    )
    if publish_at is not None and "publish_at" in changed:
        # Approving for later is approving: the same review gate as publishing now (in review, medical
        # review, two-person rule), so the run at publish_at does not fail on what could be said today.
        check_publishable(item, moderator)
    item.publish_at, item.archive_at = publish_at, archive_at
    item.scheduled_by = moderator if (publish_at or archive_at) else None
    with transaction.atomic():
        item.save(update_fields=[*SCHEDULE_FIELDS, "scheduled_by", "updated_at"])
    return item


@dataclass
class ScheduleReport:
    """What one run did: "Article “Title”" labels, and failures with the reason."""

    published: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _label(item: ContentBase) -> str:
    return f"{str(item._meta.verbose_name).capitalize()} “{item.title}” ({item.pk})"


def _when(value: datetime.datetime) -> str:
    return date_format(timezone.localtime(value), "j F Y, H:i")


def _publish(item: ContentBase) -> None:
    comment = _("Published as scheduled for %(when)s.") % {"when": _when(item.publish_at)}
    content_publish(item=item, moderator=item.scheduled_by, comment=comment)


def _archive(item: ContentBase) -> None:
    comment = _("Archived as scheduled for %(when)s.") % {"when": _when(item.archive_at)}
    content_archive(item=item, moderator=item.scheduled_by, comment=comment)


def _carry_out(model: type[ContentBase], pk: int, due: Q, step, done: list[str], report: ScheduleReport) -> None:
    # `of=("self",)`: PostgreSQL locks the item's row only (the scheduler is an outer join).
    locked = model.objects.select_for_update(skip_locked=True, of=("self",)).select_related("scheduled_by")
    locked = locked.filter(due, pk=pk)
    item = None
    try:
        with transaction.atomic():
            item = locked.first()
            if item is None:  # Another run holds it, or has just done it.
                return
            step(item)
        done.append(_label(item))
    except (PermissionDenied, ValidationError) as exc:
        reason = " ".join(getattr(exc, "messages", [str(exc)]))
        report.failed.append(f"{_label(item)}: {reason}")


def scheduled_run(*, now: datetime.datetime | None = None) -> ScheduleReport:
    """Publish every item due to go live and archive every item due to leave, as of `now`.

    Each item is its own transaction: one that fails (its scheduler is no longer a moderator, the
    review gate refuses it) is reported and stays scheduled, and the others go ahead.
    """
    now = now or timezone.now()
    report = ScheduleReport()
    for model in content_models():
        for pk in model.objects.filter(due_to_publish_q(now)).order_by("publish_at", "pk").values_list("pk", flat=True):
            _carry_out(model, pk, due_to_publish_q(now), _publish, report.published, report)
        for pk in model.objects.filter(due_to_archive_q(now)).order_by("archive_at", "pk").values_list("pk", flat=True):
            _carry_out(model, pk, due_to_archive_q(now), _archive, report.archived, report)
    return report
