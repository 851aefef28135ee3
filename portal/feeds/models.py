"""The research-news digest: a public, no-account e-mail of new articles and trial changes.

Only what is needed is kept: the address, how often, and when we last wrote. The row (and with it the
address) is deleted on unsubscribe, and a subscription never confirmed is deleted after a week.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DigestFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")


def new_token() -> str:
    return secrets.token_urlsafe(32)


class DigestSubscriptionQuerySet(models.QuerySet):
    def confirmed(self) -> DigestSubscriptionQuerySet:
        return self.filter(confirmed_at__isnull=False)


class DigestSubscription(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.MONTHLY
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="research_digest",
        help_text=_("Set when a member subscribed from their profile (their address is already confirmed)."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True, db_index=True)

    objects = DigestSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("research news subscription")
        verbose_name_plural = _("research news subscriptions")

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} ({'confirmed' if self.confirmed_at else 'waiting for confirmation'})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
