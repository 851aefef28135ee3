"""A moderator publishes an item: it goes public, into the search index, and to its topic followers."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from portal.accounts.alerts import alert_record_new_item
from portal.actions.drafts import apply_pending_draft
from portal.content import revisions
from portal.content.cache import bump_content_generation
from portal.content.drafts import pending_draft_for
from portal.content.models import ContentBase, Status
from portal.content.moderation import can_moderate, status_transition
from portal.content.search.indexing import search_index_update

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_publish(
    *,
    item: ContentBase,
    moderator: User | None,
    comment: str = "",
    published_at: datetime.datetime | None = None,
) -> ContentBase:
    """Draft or in review -> published, in one transaction.

    1. only moderators of the item's app may publish;
    2. the status and a ModerationEvent are written (`published_at` is set on first publication:
       now, or `published_at` for content that was public before, such as the demo); for a
       published item with a pending draft in review, the draft's values replace the live ones instead;
    3. a revision records what went public;
    4. the item gets a fresh search entry;
    5. members who follow one of its tags get a pending "new item" alert (only while it is new).
    """
    if not can_moderate(moderator, item):
        raise PermissionDenied(_("Only moderators can publish."))
    draft = pending_draft_for(item) if item.status == Status.PUBLISHED else None
    with transaction.atomic():
        if draft is not None:
            apply_pending_draft(item=item, draft=draft, moderator=moderator, comment=comment)
        else:
            status_transition(
                item=item,
                actor=moderator,
                allowed_from={Status.DRAFT, Status.IN_REVIEW},
                to=Status.PUBLISHED,
                comment=comment,
                published_at=published_at,
            )
        revisions.revision_record(item=item, user=moderator, comment=comment or _("Published."))
        search_index_update(item)
        alert_record_new_item(item)
        transaction.on_commit(bump_content_generation)  # public pages change: new cache generation
    return item
