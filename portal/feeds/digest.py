"""Subscribing to, confirming, leaving and sending the research-news digest.

Double opt-in: a subscription is sent nothing until its address is confirmed with the link we mailed.
Every digest carries a one-click unsubscribe (List-Unsubscribe and List-Unsubscribe-Post, RFC 8058)
and is plain text: nothing to load, so nothing can track whether it was read. Sending is idempotent:
a subscription is marked sent only after its mail went out, rows are locked while sending, and a run
finds nothing due the second time.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import DigestFrequency, DigestSubscription
from .selectors import news_since

logger = logging.getLogger(__name__)

INTERVALS = {
    # A little under the nominal period, so a daily cron at a slightly different time never skips one.
    DigestFrequency.WEEKLY: datetime.timedelta(days=6, hours=20),
    DigestFrequency.MONTHLY: datetime.timedelta(days=27),
}
UNCONFIRMED_FOR = datetime.timedelta(days=7)
FIRST_DIGEST_LOOKBACK = datetime.timedelta(days=30)


def _absolute(name: str, token: str) -> str:
    return settings.SITE_URL + reverse(name, args=[token])


def _send(*, subject: str, template: str, to: str, context: dict, headers: dict | None = None) -> None:
    body = render_to_string(template, {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context})
    EmailMessage(f"[{settings.SITE_NAME}] {subject}", body, None, [to], headers=headers).send(fail_silently=False)


def digest_subscribe(*, email: str, frequency: str) -> DigestSubscription:
    """Ask for confirmation. Whatever the address's state, the page says the same thing (no address
    can be probed); a confirmed subscriber only gets their frequency changed and a short note."""
    email = email.strip().lower()
    with transaction.atomic():
        subscription, created = DigestSubscription.objects.select_for_update().get_or_create(
            email=email, defaults={"frequency": frequency}
        )
        if not subscription.is_confirmed:
            subscription.frequency = frequency
            subscription.save(update_fields=["frequency"])
    if subscription.is_confirmed:
        _send(
            subject=_("You already get our research news"),
            template="feeds/email/already_subscribed.txt",
            to=email,
            context={
                "subscription": subscription,
                "unsubscribe_url": _absolute("feeds:unsubscribe", subscription.token),
            },
        )
    else:
        _send(
            subject=_("Please confirm: research news by e-mail"),
            template="feeds/email/confirm.txt",
            to=email,
            context={"subscription": subscription, "confirm_url": _absolute("feeds:confirm", subscription.token)},
        )
    return subscription


def digest_confirm(*, token: str) -> DigestSubscription | None:
    subscription = DigestSubscription.objects.filter(token=token).first()
    if subscription is not None and not subscription.is_confirmed:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def digest_unsubscribe(*, token: str) -> bool:
    """Delete the subscription and with it the address. True if there was one."""
    deleted, _rows = DigestSubscription.objects.filter(token=token).delete()
    return bool(deleted)


def digest_member_set(*, user, frequency: str | None) -> DigestSubscription | None:
    """A member subscribes from their profile (their address is confirmed already) or stops (None)."""
    if frequency is None:
        DigestSubscription.objects.filter(user=user).delete()
        return None
    with transaction.atomic():
        subscription = DigestSubscription.objects.filter(user=user).first()
        if subscription is None:
            # An earlier visitor subscription with the same address becomes the member's.
            subscription = DigestSubscription.objects.filter(email=user.email.lower()).first() or DigestSubscription(
                email=user.email.lower()
            )
        subscription.user = user
        subscription.frequency = frequency
        subscription.confirmed_at = subscription.confirmed_at or timezone.now()
        subscription.save()
    return subscription


@dataclass
class DigestResult:
    sent: int = 0
    nothing_new: int = 0
    failed: int = 0
    expired: int = 0


def _due(subscription: DigestSubscription, now: datetime.datetime) -> bool:
    last = subscription.last_sent_at
    return last is None or now - last >= INTERVALS[DigestFrequency(subscription.frequency)]


def _since(subscription: DigestSubscription, now: datetime.datetime) -> datetime.datetime:
    if subscription.last_sent_at:
        return subscription.last_sent_at
    return min(subscription.confirmed_at, now - FIRST_DIGEST_LOOKBACK)


def _send_one(pk: int, now: datetime.datetime) -> str:
    with transaction.atomic():
        subscription = DigestSubscription.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
        if subscription is None or not subscription.is_confirmed or not _due(subscription, now):
            return "skipped"
        news = news_since(_since(subscription, now))
        if not news["articles"] and not news["changes"]:
            return "nothing_new"
        unsubscribe_url = _absolute("feeds:unsubscribe", subscription.token)
        _send(
            subject=_("Research news: %(articles)d new articles, %(changes)d trial changes")
            % {"articles": len(news["articles"]), "changes": len(news["changes"])},
            template="feeds/email/digest.txt",
            to=subscription.email,
            context={**news, "subscription": subscription, "unsubscribe_url": unsubscribe_url},
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )  # raises on failure: not marked sent, tried again next run
        subscription.last_sent_at = now
        subscription.save(update_fields=["last_sent_at"])
    return "sent"


def digests_send(*, now: datetime.datetime | None = None) -> DigestResult:
    """Send every due digest once; delete subscriptions never confirmed within a week."""
    now = now or timezone.now()
    result = DigestResult()
    result.expired, _rows = DigestSubscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_FOR
    ).delete()
    for pk in list(DigestSubscription.objects.confirmed().order_by("pk").values_list("pk", flat=True)):
        try:
            outcome = _send_one(pk, now)
        except Exception:  # one bad address or a mail-server hiccup must not stop the others
            logger.exception("Sending the research digest to subscription %s failed; tried again next run", pk)
            result.failed += 1
            continue
        if outcome == "sent":
            result.sent += 1
        elif outcome == "nothing_new":
            result.nothing_new += 1
    return result
