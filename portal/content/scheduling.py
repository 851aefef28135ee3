"""Scheduled publishing: the rules the core owns (what counts as scheduled, what is due, what is valid).

An item is *scheduled to go live* when it is **in review** and has `publish_at`: a moderator approved
it for that moment, and until then it stays in review, so no public page, list, feed or search shows
it. An item in review or published with `archive_at` is *scheduled to leave*. The
`publish_scheduled` command (`portal.actions.schedule`) carries both out through the publish and
archive actions, as the moderator who set the schedule (`scheduled_by`).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from .models import Status

SCHEDULE_FIELDS = ("publish_at", "archive_at")


def scheduled_q() -> Q:
    """Rows with a pending schedule (to go live, or to leave the site)."""
    to_publish = Q(status=Status.IN_REVIEW, publish_at__isnull=False)
    to_archive = Q(status__in=[Status.IN_REVIEW, Status.PUBLISHED], archive_at__isnull=False)
    return to_publish | to_archive


def due_to_publish_q(now: datetime.datetime) -> Q:
    return Q(status=Status.IN_REVIEW, publish_at__lte=now)


def due_to_archive_q(now: datetime.datetime) -> Q:
    """Published items past `archive_at` (one still in review goes live first, if that is due too)."""
    return Q(status=Status.PUBLISHED, archive_at__lte=now)


def schedule_errors(
    *,
    status: str,
    publish_at: datetime.datetime | None,
    archive_at: datetime.datetime | None,
    changed: set[str],
    now: datetime.datetime,
) -> dict[str, str]:
    """What is wrong with a schedule, by field ({} when it is fine). Only changed dates must lie ahead:
    a date kept as it was is not checked against the clock again."""
    errors = {}
    if publish_at is not None and "publish_at" in changed:
        if status != Status.IN_REVIEW:
            errors["publish_at"] = _("Only an item in review can be scheduled to go live. Submit it for review first.")
        elif publish_at <= now:
            errors["publish_at"] = _("Choose a time in the future, or publish the item now instead.")
    if archive_at is not None and "archive_at" in changed:
        if status not in {Status.IN_REVIEW, Status.PUBLISHED}:
            errors["archive_at"] = _("Only an item in review or published can be scheduled to leave the site.")
        elif archive_at <= now:
            errors["archive_at"] = _("Choose a time in the future, or archive the item now instead.")
    if publish_at is not None and archive_at is not None and archive_at <= publish_at and "archive_at" not in errors:
        errors["archive_at"] = _("The item must leave the site after it goes live: choose a later time.")
    return errors


def validate_schedule(**kwargs) -> None:
    """`schedule_errors`, raised as one ValidationError by field."""
    errors = schedule_errors(**kwargs)
    if errors:
        raise ValidationError(errors)
