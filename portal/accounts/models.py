"""Members: the custom user, what they save and follow, and the alerts we owe them.

Everything here is personal data: it is visible only to its owner, exported by
`portal.accounts.services.account_export` and removed by `account_delete`.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AlertFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately, one e-mail per update run")
    WEEKLY = "weekly", _("A weekly digest")
    NEVER = "never", _("Never")


class User(AbstractUser):
    """The portal's user from the first migration, so member features can grow without a swap."""

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("Shown instead of the user name on anything the person writes."),
    )
    alert_frequency = models.CharField(
        _("e-mail alerts"),
        max_length=20,
        choices=AlertFrequency.choices,
        default=AlertFrequency.IMMEDIATELY,
        help_text=_("How often we e-mail you about the trials and topics you follow."),
    )
    trial_changes_seen_at = models.DateTimeField(
        _("trial registry changes seen"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Editors: registry changes noticed after this are listed on the admin dashboard."),
    )

    def __str__(self) -> str:
        return self.display_name or self.get_username()

    @property
    def public_name(self) -> str:
        return self.display_name or self.get_full_name() or self.get_username()


class Bookmark(models.Model):
    """One saved article, FAQ or trial. One per member and item, enforced by the database."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    saved_status = models.CharField(
        _("status when saved"),
        max_length=30,
        blank=True,
        help_text=_("For trials: the recruitment status at the time it was saved, to show when it changed."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="unique_bookmark_per_user")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("saved item")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.content_type_id}:{self.object_id}"


class TagFollow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tag_follows")
    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "tag"], name="unique_tag_follow")]
        verbose_name = _("followed topic")

    def __str__(self) -> str:
        return f"{self.user_id} → tag {self.tag_id}"


class Digest(models.Model):
    """One weekly digest e-mail that went out; its date decides when the next one is due."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    alert_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("digest")

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.sent_at:%Y-%m-%d}"


class AlertQuerySet(models.QuerySet):
    def pending(self) -> AlertQuerySet:
        return self.filter(sent_at__isnull=True)


class Alert(models.Model):
    """One thing a member should hear about. Sent at most once: `sent_at` is set only after the mail went out.

    `change_key` names the change (e.g. "trial:12:status:2026-11-20"); the unique constraint on
    (user, change_key) makes recording idempotent, so importers and hooks may call twice safely.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts")
    change_key = models.CharField(max_length=200)
    title = models.CharField(_("item title"), max_length=255)
    summary = models.TextField(_("what changed"))
    url = models.CharField(_("link"), max_length=500, help_text=_("Site path of the item, e.g. /trials/abc/."))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "change_key"], name="unique_alert_per_change")]
        verbose_name = _("alert")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.change_key}"


def user_display(user: User) -> str:
    """How allauth names the member on its pages and e-mails: never the generated user name."""
    return user.display_name or user.email or user.get_username()
