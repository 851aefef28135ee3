"""An editor (or moderator) asks for review of a draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from portal.content.models import ContentBase, Status
from portal.content.moderation import can_edit, status_transition

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_submit(*, item: ContentBase, user: User | None) -> ContentBase:
    """Draft -> in review. Nothing public changes: a draft has no search entry and alerts nobody."""
    if not can_edit(user, item):
        raise PermissionDenied(_("You cannot edit this item."))
    with transaction.atomic():
        status_transition(item=item, actor=user, allowed_from={Status.DRAFT}, to=Status.IN_REVIEW)
    return item
