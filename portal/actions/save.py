"""Creating and editing an item's fields and tags (never its status).

`content_save` = `content_save_fields` + `content_changed`. Callers that save related rows after
the fields (the admin's tags and inlines, the registry import) call the two halves themselves, so
the derived state is brought up to date once, after everything is written. `content_changed` also
records the revision (`portal/content/revisions.py`).

A published item's edits do not go through here: they become its pending draft
(`portal/actions/drafts.py`), and the public page keeps the approved content until it is published.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from portal.accounts.alerts import alert_record_new_item
from portal.actions.drafts import content_save_draft
from portal.content import revisions
from portal.content.cache import bump_content_generation
from portal.content.drafts import edits_go_to_a_draft
from portal.content.markdown import prerender_markdown
from portal.content.models import ContentBase, Status
from portal.content.moderation import can_edit, can_edit_fields
from portal.content.search.indexing import search_index_update
from portal.content.validators import validate_tag_names

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_save(
    *, item: ContentBase, user: User | None, tags: list[str] | None = None, live: bool = False
) -> ContentBase:
    """Create or edit an item (new items start as drafts), with a revision.

    A published item's edit is saved as its pending draft: the public page, search entry and alerts
    stay as they are until the draft is published. `live=True` writes a published row directly; only
    vetted imports use it (the glossary seed loader), never an editor's edit.
    """
    if edits_go_to_a_draft(item) and not live:
        content_save_draft(item=item, user=user, tags=tags)
        return item
    prerender_markdown(type(item), vars(item))  # the slow part, before the transaction (SQLite's write lock)
    with transaction.atomic():
        content_save_fields(item=item, user=user, tags=tags, live=live)
        content_changed(item=item, user=user)
    return item


def content_save_fields(
    *, item: ContentBase, user: User | None, tags: list[str] | None = None, live: bool = False
) -> ContentBase:
    """Check the permission, validate and write the fields (and tags, when given). No side effects:
    call `content_changed` once the related rows are written too. A published item is refused
    (its edits go to `content_save_draft`) unless `live` (see `content_save`)."""
    if not can_edit(user, item):
        raise PermissionDenied(_("You cannot edit this item."))
    if not can_edit_fields(user, item):
        raise PermissionDenied(
            _("“%(title)s” is %(status)s: ask a moderator to send it back to draft before changing it.")
            % {"title": item.title, "status": item.get_status_display().lower()}
        )
    if edits_go_to_a_draft(item) and not live:
        raise PermissionDenied(_("A published item's changes are saved as a draft: use content_save_draft."))
    if tags is not None:
        validate_tag_names(tags)
    if item.pk is None:
        item.status = Status.DRAFT
        if item.author_id is None and user is not None:
            item.author = user
    item.ensure_slug()
    item.full_clean()
    prerender_markdown(type(item), vars(item))  # the slow part, before the write lock
    with transaction.atomic():
        item.save()
        if tags is not None:
            item.tags.set(tags, clear=True)
    return item


def content_changed(*, item: ContentBase, user: User | None = None, comment: str = "") -> None:
    """A saved item's fields or related rows (tags, sources, sites) changed: record a revision and,
    if it is published, refresh its search entry and tell followers of a newly added tag (while the
    item is new)."""
    with transaction.atomic():
        revisions.revision_record(item=item, user=user, comment=comment or _("Saved."))
        if item.status != Status.PUBLISHED:
            return
        search_index_update(item)
        alert_record_new_item(item)
        transaction.on_commit(bump_content_generation)  # public pages change: new cache generation
