"""A moderator restores an archived item to draft, so it can be edited and go through review again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from portal.content.models import ContentBase, Status
from portal.content.moderation import can_moderate, status_transition

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_restore(*, item: ContentBase, moderator: User | None, comment: str = "") -> ContentBase:
    """Archived -> draft. Nothing public changes: an archived item has no search entry, and the draft
    is published again only through review."""
    if not can_moderate(moderator, item):
        raise PermissionDenied(_("Only moderators can restore archived items."))
    with transaction.atomic():
        status_transition(
            item=item, actor=moderator, allowed_from={Status.ARCHIVED}, to=Status.DRAFT, comment=comment.strip()
        )
    return item
