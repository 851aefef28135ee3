"""A moderator sends an item back to draft, saying what to change; it leaves the public site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.actions.drafts import draft_send_back, fold_pending_draft
from portal.content.cache import bump_content_generation
from portal.content.drafts import pending_draft_for
from portal.content.models import ContentBase, Status
from portal.content.moderation import can_moderate, status_transition
from portal.content.search.indexing import search_index_remove

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_send_back(*, item: ContentBase, moderator: User | None, comment: str) -> ContentBase:
    """In review, published or archived -> draft, with a reviewer comment; drops the search entry.

    A published item whose pending draft is in review: the draft goes back to draft and the
    published page stays. Otherwise the item leaves the public site, and a pending draft it had
    becomes its content (`fold_pending_draft`)."""
    if not can_moderate(moderator, item):
        raise PermissionDenied(_("Only moderators can send items back."))
    if not comment.strip():
        raise ValidationError(_("Say what needs to change when sending an item back."))
    was_public = item.status == Status.PUBLISHED
    draft = pending_draft_for(item) if was_public else None
    with transaction.atomic():
        if draft is not None and draft.state == draft.State.IN_REVIEW:
            draft_send_back(item=item, draft=draft, moderator=moderator, comment=comment.strip())
            return item
        status_transition(
            item=item,
            actor=moderator,
            allowed_from={Status.IN_REVIEW, Status.PUBLISHED, Status.ARCHIVED},
            to=Status.DRAFT,
            comment=comment.strip(),
        )
        fold_pending_draft(item=item)
        search_index_remove(item)
        if was_public:
            transaction.on_commit(bump_content_generation)  # it leaves the public pages
    return item
