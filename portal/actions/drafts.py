"""Editing a published item without changing what the public sees (as in Wagtail).

An edit (or revert) of a published item is saved as its pending draft plus a revision; the row, which
the public pages, the search index, feeds and sitemaps read, keeps the approved content. The draft
then goes through review on its own: `content_submit` puts it in review, `content_publish` applies it
(`apply_pending_draft`), `content_send_back` returns it to draft. Each of those actions calls the
functions below by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.content import revisions
from portal.content.drafts import pending_draft_apply, pending_draft_for, pending_draft_write
from portal.content.models import ContentBase, PendingDraft, Status
from portal.content.moderation import can_edit_fields, draft_event_record
from portal.content.validators import validate_tag_names

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_save_draft(
    *,
    item: ContentBase,
    user: User | None,
    tags: list[str] | None = None,
    relations: dict[str, list[int]] | None = None,
    comment: str = "",
) -> PendingDraft:
    """Save the item's in-memory field values as the pending draft of its published version, with a
    revision. The row is not written; afterwards the item in memory shows the live values again.

    Tags and relations not given keep the draft's (or, for a first draft, the item's current) ones.
    """
    if not can_edit_fields(user, item):
        raise PermissionDenied(_("You cannot edit this item."))
    if tags is not None:
        validate_tag_names(tags)
    item.full_clean()
    existing = pending_draft_for(item)
    if tags is None:
        tags = existing.tags if existing is not None else revisions.current_tags(item)
    base_relations = existing.relations if existing is not None else revisions.current_relations(item)
    relations = {**base_relations, **(relations or {})}
    with transaction.atomic():
        draft = pending_draft_write(item=item, user=user, tags=tags, relations=relations)
        revisions.revision_record(
            item=item,
            user=user,
            comment=comment or _("Saved as a draft of the published page."),
            tags=tags,
            relations=relations,
            pending=True,
        )
    item.refresh_from_db(fields=revisions.spec_for(item).fields)
    return draft


def draft_submit(*, item: ContentBase, draft: PendingDraft, user: User | None) -> None:
    """Draft -> in review, for the pending draft of a published item (`content_submit` checks the permission)."""
    if draft.state != PendingDraft.State.DRAFT:
        raise ValidationError(_("The draft of “%(title)s” is already in review.") % {"title": item.title})
    draft.state = PendingDraft.State.IN_REVIEW
    draft.save(update_fields=["state", "updated_at"])
    draft_event_record(
        item=item,
        actor=user,
        from_state=Status.DRAFT,
        to_state=Status.IN_REVIEW,
        comment=_("Changes to the published page submitted for review."),
    )


def draft_send_back(*, item: ContentBase, draft: PendingDraft, moderator: User | None, comment: str) -> None:
    """In review -> draft, for the pending draft of a published item; the published page stays."""
    draft.state = PendingDraft.State.DRAFT
    draft.save(update_fields=["state", "updated_at"])
    draft_event_record(
        item=item, actor=moderator, from_state=Status.IN_REVIEW, to_state=Status.DRAFT, comment=comment
    )


def apply_pending_draft(*, item: ContentBase, draft: PendingDraft, moderator: User | None, comment: str) -> None:
    """The publishing step of a published item's draft: its values replace the live ones (call inside
    `content_publish`'s transaction, which then refreshes the search index and the page cache)."""
    if draft.state != PendingDraft.State.IN_REVIEW:
        raise ValidationError(
            _("Submit the changes to “%(title)s” for review before publishing them.") % {"title": item.title}
        )
    pending_draft_apply(item, draft)
    draft_event_record(
        item=item, actor=moderator, from_state=Status.IN_REVIEW, to_state=Status.PUBLISHED, comment=comment
    )


def fold_pending_draft(*, item: ContentBase) -> None:
    """The item left the public site (sent back or archived): its pending draft, if any, becomes the
    row's content, so the editor goes on with one version. Call after the status change."""
    draft = pending_draft_for(item)
    if draft is not None:
        pending_draft_apply(item, draft)
