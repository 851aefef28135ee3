"""Numbers and ids from the query string, parsed in one place: ASCII digits only.

`str.isdigit()` and `int()` accept other Unicode digits ("²", "٣", "１"); passing those on to a
primary-key lookup raised a 500. Everything here answers None (the caller shows a 4xx or ignores
the value) for anything but 1 to 18 ASCII digits within range.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

MAX_ID = 2**63 - 1  # bigint, the widest primary key in use
_MAX_DIGITS = 18


def parse_int(value: object, *, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """`value` as an int if it is only ASCII digits (no sign, no spaces) between minimum and maximum."""
    if not isinstance(value, str) or not value or len(value) > _MAX_DIGITS:
        return None
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def parse_id(value: object) -> int | None:
    """A primary key from the query string (1 or more), or None."""
    return parse_int(value, minimum=1)


def parse_label_and_id(value: str) -> tuple[str, int] | None:
    """ "articles.article:12" -> ("articles.article", 12); None for anything else."""
    if not isinstance(value, str):
        return None
    label, sep, raw_pk = value.partition(":")
    pk = parse_id(raw_pk)
    if not sep or pk is None or not label or not label.isascii() or len(label) > 100:
        return None
    return label, pk


class DigitsIntegerField(forms.IntegerField):
    """A form's IntegerField that accepts only ASCII digits (no "²", no "１")."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = parse_int(str(value).strip(), minimum=0)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class StrictPageMixin:
    """For ListViews: `?page=` must be ASCII digits (or "last"); anything else is a 404, never a 500."""

    def paginate_queryset(self, queryset, page_size):
        raw = self.request.GET.get(self.page_kwarg)
        if raw is not None and raw != "last" and parse_int(raw, minimum=1, maximum=10**9) is None:
            raise Http404(_("There is no such page."))
        return super().paginate_queryset(queryset, page_size)
