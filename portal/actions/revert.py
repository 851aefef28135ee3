"""An editor brings back an earlier version of an item, as a new draft revision (never a publication)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _
from reversion.models import Version

from portal.actions.drafts import content_save_draft
from portal.actions.save import content_changed, content_save_fields
from portal.content import revisions
from portal.content.drafts import edits_go_to_a_draft
from portal.content.models import ContentBase
from portal.content.moderation import can_edit_fields

if TYPE_CHECKING:
    from portal.accounts.models import User


def content_revert(*, item: ContentBase, version: Version, user: User | None) -> ContentBase:
    """Copy `version`'s fields, tags and relations back.

    A published item gets them as its pending draft (the public page is unchanged until a moderator
    publishes it); any other item has them written to its row, keeping its status. Either way a new
    revision says which version was brought back.
    """
    if not can_edit_fields(user, item):
        raise PermissionDenied(_("You cannot edit this item."))
    if version.object_id != str(item.pk) or version.content_type.model_class() is not type(item)._meta.concrete_model:
        raise ValidationError(_("That revision belongs to another item."))
    values = revisions.version_values(version)
    if not values:
        raise ValidationError(_("This revision no longer fits the item's fields and cannot be brought back."))
    comment = _("Reverted to the version of %(date)s.") % {
        "date": formats.date_format(version.revision.date_created, "DATETIME_FORMAT")
    }
    revisions.apply_values(item, values)
    tags = revisions.version_tags(version)
    relations = _existing_relations(item, revisions.version_relations(version))
    if edits_go_to_a_draft(item):
        content_save_draft(item=item, user=user, tags=tags, relations=relations, comment=comment)
        return item
    with transaction.atomic():
        content_save_fields(item=item, user=user, tags=tags)
        for name, pks in relations.items():
            getattr(item, name).set(pks)
        content_changed(item=item, user=user, comment=comment)
    return item


def _existing_relations(item: ContentBase, relations: dict[str, list[int]]) -> dict[str, list[int]]:
    """The recorded related rows that still exist (a related trial may have been deleted since)."""
    spec = revisions.spec_for(item)
    out = {}
    for name in spec.relations:
        if name not in relations:
            continue
        related = item._meta.get_field(name).related_model
        out[name] = sorted(related._base_manager.filter(pk__in=relations[name]).values_list("pk", flat=True))
    return out
