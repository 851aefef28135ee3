"""Moderation: the only way an item's status changes.

Every function checks the actor's permission, validates the transition, writes a ModerationEvent and
runs the after-change hooks (e.g. the search index) in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ContentBase, ModerationEvent, Status

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser as User

# Functions called with the item after every status change or published edit, inside the
# transaction. Other apps (search index, alerts) register here instead of using signals.
AFTER_CHANGE_HOOKS: list[Callable[[ContentBase], None]] = []


def register_after_change(hook: Callable[[ContentBase], None]) -> Callable[[ContentBase], None]:
    if hook not in AFTER_CHANGE_HOOKS:
        AFTER_CHANGE_HOOKS.append(hook)
    return hook


def _run_hooks(item: ContentBase) -> None:
    for hook in AFTER_CHANGE_HOOKS:
        hook(item)


def content_edited(*, item: ContentBase) -> None:
    """Call after related rows (tags, sources) of a saved item changed, so hooks see them."""
    if item.status == Status.PUBLISHED:
        with transaction.atomic():
            _run_hooks(item)


def can_edit(user: User | None, item_or_model) -> bool:
    if user is None:
        return False
    opts = item_or_model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def can_moderate(user: User | None, item_or_model) -> bool:
    if user is None:
        return False
    return user.has_perm(f"{item_or_model._meta.app_label}.moderate_content")


def _transition(
    *,
    item: ContentBase,
    actor: User | None,
    allowed_from: set[str],
    to: str,
    comment: str = "",
) -> ContentBase:
    if item.status not in allowed_from:
        raise ValidationError(
            _("“%(title)s” is %(status)s and cannot become %(to)s.")
            % {"title": item.title, "status": item.get_status_display().lower(), "to": Status(to).label.lower()}
        )
    from_status = item.status
    item.status = to
    fields = ["status", "updated_at"]
    if to == Status.PUBLISHED and item.published_at is None:
        item.published_at = timezone.now()
        fields.append("published_at")
    item.full_clean()
    with transaction.atomic():
        item.save(update_fields=fields)
        ModerationEvent.objects.create(
            content_type=ContentType.objects.get_for_model(item),
            object_id=item.pk,
            actor=actor,
            from_status=from_status,
            to_status=to,
            comment=comment,
        )
        _run_hooks(item)
    return item


def content_submit(*, item: ContentBase, user: User | None) -> ContentBase:
    """An editor (or moderator) asks for review of a draft."""
    if not can_edit(user, item):
        raise PermissionDenied(_("You cannot edit this item."))
    return _transition(item=item, actor=user, allowed_from={Status.DRAFT}, to=Status.IN_REVIEW)


def content_publish(*, item: ContentBase, moderator: User | None, comment: str = "") -> ContentBase:
    if not can_moderate(moderator, item):
        raise PermissionDenied(_("Only moderators can publish."))
    return _transition(
        item=item,
        actor=moderator,
        allowed_from={Status.DRAFT, Status.IN_REVIEW},
        to=Status.PUBLISHED,
        comment=comment,
    )


def content_send_back(*, item: ContentBase, moderator: User | None, comment: str) -> ContentBase:
    """Back to draft with a reviewer comment that says what to change."""
    if not can_moderate(moderator, item):
        raise PermissionDenied(_("Only moderators can send items back."))
    if not comment.strip():
        raise ValidationError(_("Say what needs to change when sending an item back."))
    return _transition(
        item=item,
        actor=moderator,
        allowed_from={Status.IN_REVIEW, Status.PUBLISHED, Status.ARCHIVED},
        to=Status.DRAFT,
        comment=comment.strip(),
    )


def content_archive(*, item: ContentBase, moderator: User | None, comment: str = "") -> ContentBase:
    if not can_moderate(moderator, item):
        raise PermissionDenied(_("Only moderators can archive."))
    return _transition(
        item=item,
        actor=moderator,
        allowed_from={Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED},
        to=Status.ARCHIVED,
        comment=comment,
    )


def content_save(*, item: ContentBase, user: User | None, tags: list[str] | None = None) -> ContentBase:
    """Create or edit an item's fields (never its status). New items start as drafts."""
    if not can_edit(user, item):
        raise PermissionDenied(_("You cannot edit this item."))
    is_new = item.pk is None
    if is_new:
        item.status = Status.DRAFT
        if item.author_id is None and user is not None:
            item.author = user
    item.ensure_slug()
    item.full_clean()
    with transaction.atomic():
        item.save()
        if tags is not None:
            item.tags.set(tags, clear=True)
        content_edited(item=item)
    return item


def content_delete(*, item: ContentBase, user: User | None) -> None:
    """Delete an item for good (superusers only; everyone else archives). Hooks see it as gone first."""
    if user is None or not user.is_superuser:
        raise PermissionDenied(_("Only administrators can delete; archive the item instead."))
    with transaction.atomic():
        item.status = Status.ARCHIVED  # not saved: tells the hooks (search index) to drop the item
        _run_hooks(item)
        ModerationEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        ).delete()
        item.delete()


def moderation_history(item: ContentBase):
    return ModerationEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    ).select_related("actor")
