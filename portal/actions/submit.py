"""An editor (or moderator) asks for review of a draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from portal.actions.drafts import draft_submit
from portal.content.drafts import pending_draft_for
from portal.content.models import ContentBase, Status
from portal.content.moderation import can_edit, status_transition

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_submit(*, item: ContentBase, user: User | None) -> ContentBase:
    """Draft -> in review. Nothing public changes: a draft has no search entry and alerts nobody.
    A published item's pending draft goes into review the same way; the item stays published."""
    if not can_edit(user, item):
        raise PermissionDenied(_("You cannot edit this item."))
    draft = pending_draft_for(item) if item.status == Status.PUBLISHED else None
    with transaction.atomic():
        if draft is not None:
            draft_submit(item=item, draft=draft, user=user)
            return item
        status_transition(item=item, actor=user, allowed_from={Status.DRAFT}, to=Status.IN_REVIEW)
    return item
