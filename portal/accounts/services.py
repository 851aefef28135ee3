"""Writes on a member's own data: saving, following, profile, export and deletion."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.content.models import ContentBase

from . import selectors
from .follows import follow_kinds
from .models import Alert, Bookmark, Digest, TagFollow

if TYPE_CHECKING:
    from taggit.models import Tag

    from .models import User


def require_published(item: ContentBase) -> None:
    """Members save and follow only published items (other apps' follow services use it too)."""
    if not item.is_published:
        raise ValidationError(_("Only published items can be saved or followed."))


def bookmark_create(*, user: User, item: ContentBase) -> Bookmark:
    """Save an item; saving it again returns the existing bookmark (double clicks, races)."""
    require_published(item)
    # get_or_create re-reads after an IntegrityError, so two concurrent requests both succeed.
    bookmark, _created = Bookmark.objects.get_or_create(
        user=user,
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        defaults={"saved_status": selectors.saved_status(item)},
    )
    return bookmark


def bookmark_delete(*, user: User, content_type: ContentType, object_id: int) -> None:
    """Unsave; a no-op when it was not saved, so a second click is harmless."""
    Bookmark.objects.filter(user=user, content_type=content_type, object_id=object_id).delete()


def tag_follow(*, user: User, tag: Tag) -> TagFollow:
    follow, _created = TagFollow.objects.get_or_create(user=user, tag=tag)
    return follow


def tag_unfollow(*, user: User, tag: Tag) -> None:
    TagFollow.objects.filter(user=user, tag=tag).delete()


def profile_update(*, user: User, display_name: str, alert_frequency: str) -> User:
    user.display_name = display_name.strip()
    user.alert_frequency = alert_frequency
    user.full_clean(exclude=["password", "username", "email"])
    user.save(update_fields=["display_name", "alert_frequency"])
    return user


# --- Data export -------------------------------------------------------------------------------
# Each exporter returns one JSON-ready section of "download my data". Other apps add theirs with
# `register_data_exporter` (e.g. faq: "submitted_questions") in their AppConfig.ready().

DataExporter = Callable[["User"], Any]
DATA_EXPORTERS: dict[str, DataExporter] = {}


def trial_changes_mark_seen(*, user: User, until: datetime.datetime | None = None) -> User:
    """The editor has looked at the registry changes up to `until` (the newest one shown; default now):
    the dashboard lists only later ones. A change noticed while the page was open stays listed, and an
    older page (another tab) never moves the mark back."""
    until = until or timezone.now()
    if user.trial_changes_seen_at is not None and until <= user.trial_changes_seen_at:
        return user
    user.trial_changes_seen_at = until
    user.save(update_fields=["trial_changes_seen_at"])
    return user


def register_data_exporter(key: str, exporter: DataExporter) -> DataExporter:
    DATA_EXPORTERS[key] = exporter
    return exporter


def _export_profile(user: User) -> dict:
    return {
        "email": user.email,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "display_name": user.display_name,
        "alert_frequency": user.alert_frequency,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


def _export_saved_items(user: User) -> list[dict]:
    return [
        {
            "type": ContentType.objects.get_for_id(entry.bookmark.content_type_id).model,
            "title": entry.title or None,
            "url": entry.item.get_absolute_url() if entry.available else None,
            "available": entry.available,
            "saved_at": entry.bookmark.created_at.isoformat(),
            "status_when_saved": entry.bookmark.saved_status or None,
        }
        for entry in selectors.saved_entries(user=user)
    ]


def _export_follows(user: User) -> dict:
    """One list per registered kind of follow (portal/accounts/follows.py): "trials", "topics"."""
    return {kind.export_key: kind.export(user) for kind in follow_kinds()}


def tag_follows_export(user: User) -> list[dict]:
    return [
        {"tag": f.tag.slug, "name": f.tag.name, "since": f.created_at.isoformat()}
        for f in selectors.tag_follows(user=user)
    ]


def _export_alerts(user: User) -> list[dict]:
    return [
        {
            "title": a.title,
            "summary": a.summary,
            "url": a.url,
            "created_at": a.created_at.isoformat(),
            "sent_at": a.sent_at.isoformat() if a.sent_at else None,
        }
        for a in Alert.objects.filter(user=user)
    ]


register_data_exporter("profile", _export_profile)
register_data_exporter("saved_items", _export_saved_items)
register_data_exporter("following", _export_follows)
register_data_exporter("alerts", _export_alerts)


def account_export(*, user: User) -> dict[str, Any]:
    return {key: exporter(user) for key, exporter in DATA_EXPORTERS.items()}


# --- Deletion ----------------------------------------------------------------------------------


def account_delete(*, user: User) -> None:
    """Remove the member and their personal data.

    Bookmarks, follows, alerts, digests and e-mail addresses go with the user row (CASCADE). Content
    that outlives the member (published FAQs from their questions, moderation history) points at
    the user with on_delete=SET_NULL, so it stays, unlinked.
    """
    with transaction.atomic():
        for model in (Bookmark, *(kind.follow_model for kind in follow_kinds()), Alert, Digest):
            model.objects.filter(user=user).delete()
        user.delete()
