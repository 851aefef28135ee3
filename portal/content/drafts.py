"""Pending drafts: the next version of a published item, while the public keeps the approved one.

Building blocks for the actions in `portal/actions/drafts.py` (which add the permission checks,
revisions and side effects): read, write and apply the one `PendingDraft` of an item. Nothing here
touches the search index or the caches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType

from . import revisions
from .markdown import render_markdown
from .models import ContentBase, PendingDraft, Status

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser as User


def edits_go_to_a_draft(item: ContentBase) -> bool:
    """A published item's edits are kept as a pending draft, so the public page does not change
    until the draft is approved (for the types that keep revisions)."""
    return item.pk is not None and item.status == Status.PUBLISHED and revisions.is_registered(item)


def pending_draft_for(item: ContentBase) -> PendingDraft | None:
    if item.pk is None:
        return None
    return PendingDraft.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    ).first()


def review_state(item: ContentBase, draft: PendingDraft | None = None) -> str:
    """The status the moderators act on: the pending draft's state if the item has one, else its status."""
    draft = draft if draft is not None else pending_draft_for(item)
    return draft.state if draft is not None else item.status


def pending_draft_write(
    *, item: ContentBase, user: User | None, tags: list[str], relations: dict[str, list[int]]
) -> PendingDraft:
    """Store the item's in-memory revision fields (and the given tags and relations) as its draft;
    an existing draft keeps its state (an edit of a draft in review stays in review)."""
    draft, _ = PendingDraft.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        defaults={
            "fields": revisions.field_values(item),
            "tags": sorted(tags),
            "relations": relations,
            "author": user if user is not None and user.pk else None,
        },
    )
    return draft


def pending_draft_show(item: ContentBase, draft: PendingDraft) -> None:
    """Put the draft's field values on the item in memory (the admin form and the preview of a
    published item), with their Markdown renderings (`body_html` and the like) to match."""
    revisions.apply_values(item, draft.fields)
    for name in revisions.spec_for(item).fields:
        if hasattr(item, f"{name}_html"):
            setattr(item, f"{name}_html", render_markdown(getattr(item, name)))


def pending_draft_apply(item: ContentBase, draft: PendingDraft) -> None:
    """Write the draft's fields, tags and relations to the item's row and delete the draft (call in
    the publishing transaction; the caller refreshes the search index and caches)."""
    revisions.apply_values(item, draft.fields)
    item.full_clean()
    item.save()
    item.tags.set(draft.tags, clear=True)
    for name, pks in draft.relations.items():
        getattr(item, name).set(pks)
    draft.delete()
