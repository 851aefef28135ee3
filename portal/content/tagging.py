"""The tags field of the content forms: bounded, and new tags only with taggit's add-tag permission."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _
from taggit.forms import TagField
from taggit.models import Tag

from .validators import MAX_TAG_INPUT_LENGTH, validate_tag_names


class BoundedTagField(TagField):
    """Refuses overlong input before parsing it, then more than MAX_TAGS or overlong tags."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["max_length"] = MAX_TAG_INPUT_LENGTH
        super().__init__(*args, **kwargs)

    def clean(self, value):
        names = super().clean(value)
        validate_tag_names(names)
        return names


def new_tag_names(names: list[str]) -> list[str]:
    """The names that no existing tag has (case-insensitively, like TAGGIT_CASE_INSENSITIVE)."""
    if not names:
        return []
    query = Q()
    for name in names:
        query |= Q(name__iexact=name)
    existing = {name.lower() for name in Tag.objects.filter(query).values_list("name", flat=True)}
    return [name for name in names if name.lower() not in existing]


def check_tag_creation(user, names: list[str]) -> None:
    """Only people with taggit's add_tag permission create tags; others pick existing ones."""
    if user is not None and user.has_perm("taggit.add_tag"):
        return
    new = new_tag_names(names)
    if new:
        raise forms.ValidationError(
            _("You can only use existing tags. Ask a moderator to add: %(names)s.")
            % {"names": ", ".join(f"“{name}”" for name in new)},
            code="tag_permission",
        )
