"""An administrator deletes an item for good (everyone else archives)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from portal.content import revisions
from portal.content.cache import bump_content_generation
from portal.content.drafts import pending_draft_for
from portal.content.models import ContentBase
from portal.content.moderation import moderation_history
from portal.content.search.indexing import search_index_remove

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_delete(*, item: ContentBase, user: User | None) -> None:
    """Superusers only: drops the search entry, the moderation history, the revisions, a pending
    draft and the item, in one transaction."""
    if user is None or not user.is_superuser:
        raise PermissionDenied(_("Only administrators can delete; archive the item instead."))
    with transaction.atomic():
        search_index_remove(item)
        moderation_history(item).delete()
        revisions.revisions_delete(item)
        draft = pending_draft_for(item)
        if draft is not None:
            draft.delete()
        item.delete()
        transaction.on_commit(bump_content_generation)
