"""A moderator archives an item: it leaves the public site and the search index, its history stays."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from portal.actions.drafts import fold_pending_draft
from portal.content.cache import bump_content_generation
from portal.content.models import ContentBase, Status
from portal.content.moderation import can_moderate, status_transition
from portal.content.search.indexing import search_index_remove

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_archive(*, item: ContentBase, moderator: User | None, comment: str = "") -> ContentBase:
    """Draft, in review or published -> archived; drops the search entry (a pending draft of a
    published item becomes its content: `fold_pending_draft`)."""
    if not can_moderate(moderator, item):
        raise PermissionDenied(_("Only moderators can archive."))
    was_public = item.status == Status.PUBLISHED
    with transaction.atomic():
        status_transition(
            item=item,
            actor=moderator,
            allowed_from={Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED},
            to=Status.ARCHIVED,
            comment=comment,
        )
        fold_pending_draft(item=item)
        search_index_remove(item)
        if was_public:
            transaction.on_commit(bump_content_generation)  # it leaves the public pages
    return item
