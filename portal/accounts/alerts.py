"""Alerts: recording what changed for whom, and sending it once.

Recording is idempotent on (user, change_key), so callers may repeat themselves. Sending marks an
alert sent only after its e-mail went out: a failed send is retried on the next run and nothing is
sent twice (rows are locked per member while sending, so overlapping cron runs skip each other).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.content.models import ContentBase, Status
from portal.content.validators import header_safe

from .models import Alert, AlertFrequency, Digest, TagFollow

logger = logging.getLogger(__name__)

# An item counts as new for tag followers for this long after it was first published; a later edit
# that adds a tag to an old item is not news.
NEW_ITEM_WINDOW = timedelta(days=7)
DIGEST_INTERVAL = timedelta(days=6)


def alert_record(*, user_ids, change_key: str, title: str, summary: str, url: str) -> int:
    """One pending alert per member; a member who already has `change_key` keeps the first one."""
    alerts = [
        Alert(user_id=user_id, change_key=change_key, title=title[:255], summary=summary, url=url)
        for user_id in user_ids
    ]
    Alert.objects.bulk_create(alerts, ignore_conflicts=True)
    return len(alerts)


def alert_record_new_item(item: ContentBase) -> None:
    """Tell followers of the item's tags that it was published (once per member)."""
    if item.status != Status.PUBLISHED or item.published_at is None:
        return
    if item.published_at < timezone.now() - NEW_ITEM_WINDOW:
        return
    rows = (
        TagFollow.objects.filter(tag__in=item.tags.all(), user__is_active=True)
        .exclude(user__alert_frequency=AlertFrequency.NEVER)
        .values_list("user_id", "tag__name")
        .order_by("user_id", "tag__name")
    )
    tags_by_user: dict[int, list[str]] = {}
    for user_id, tag_name in rows:
        tags_by_user.setdefault(user_id, []).append(tag_name)
    opts = item._meta
    for user_id, names in tags_by_user.items():
        summary = _("New %(kind)s about %(topics)s.") % {"kind": opts.verbose_name, "topics": ", ".join(names)}
        alert_record(
            user_ids=[user_id],
            change_key=f"new:{opts.label_lower}:{item.pk}",
            title=item.title,
            summary=summary,
            url=item.get_absolute_url(),
        )


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0


def _compose(*, user, alerts: list[Alert], weekly: bool) -> tuple[str, str]:
    context = {
        "user": user,
        "alerts": alerts,
        "weekly": weekly,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
    if weekly:
        subject = _("Your weekly update from %(site)s") % {"site": settings.SITE_NAME}
    elif len(alerts) == 1:
        subject = _("Update: %(title)s") % {"title": alerts[0].title}
    else:
        count = len(alerts)
        subject = ngettext(
            "%(count)d update on what you follow", "%(count)d updates on what you follow", count
        ) % {"count": count}
    # One line whatever the titles hold: a newline in a header would raise BadHeaderError on every run.
    return header_safe(subject), render_to_string("accounts/email/alerts.txt", context)


def _send_to_member(*, user_id: int, weekly: bool) -> bool:
    """Send one member's pending alerts in one e-mail. True if sent, False if nothing was pending."""
    User = get_user_model()
    with transaction.atomic():
        alerts = list(Alert.objects.pending().filter(user_id=user_id).select_for_update(skip_locked=True))
        if not alerts:
            return False
        user = User.objects.get(pk=user_id)
        subject, body = _compose(user=user, alerts=alerts, weekly=weekly)
        # Raises on failure: nothing below runs and the alerts stay pending for the next run.
        send_mail(subject, body, None, [user.email], fail_silently=False)
        now = timezone.now()
        Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(sent_at=now)
        if weekly:
            Digest.objects.create(user=user, sent_at=now, alert_count=len(alerts))
    return True


def _send(user_ids, *, weekly: bool) -> SendResult:
    result = SendResult()
    for user_id in user_ids:
        try:
            if _send_to_member(user_id=user_id, weekly=weekly):
                result.sent += 1
        except Exception:  # one member's bad address or a mail-server hiccup must not stop the rest
            logger.exception("Sending alerts to member %s failed; they stay pending for the next run", user_id)
            result.failed += 1
    return result


def _members_with_pending(frequency: str):
    return (
        Alert.objects.pending()
        .filter(user__alert_frequency=frequency, user__is_active=True)
        .exclude(user__email="")
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


def alerts_send_pending() -> SendResult:
    """One e-mail per member who chose immediate alerts and has pending ones."""
    return _send(list(_members_with_pending(AlertFrequency.IMMEDIATELY)), weekly=False)


def digests_send_due() -> SendResult:
    """One digest per weekly member with pending alerts whose last digest is at least six days old."""
    recent = Digest.objects.filter(sent_at__gte=timezone.now() - DIGEST_INTERVAL).values("user_id")
    user_ids = _members_with_pending(AlertFrequency.WEEKLY).exclude(user_id__in=recent)
    return _send(list(user_ids), weekly=True)
