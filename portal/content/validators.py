"""Bounds on what editors and the registry can store: lengths, single-line text and tags.

Every limit here is checked at the model level (full_clean, which the services and the admin run),
so a crafted POST cannot get past a form, and each gives a clear message.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

MAX_MARKDOWN_LENGTH = 100_000  # characters, for every Markdown field (bodies, "what this means"...)
MAX_SUMMARY_LENGTH = 1_000
MAX_TAGS = 20
MAX_TAG_LENGTH = 50
MAX_TAG_INPUT_LENGTH = MAX_TAGS * (MAX_TAG_LENGTH + 4)

# Control characters (newlines and tabs included) and the Unicode line and paragraph separators.
_NOT_SINGLE_LINE = {"Cc", "Zl", "Zp"}


def _bad_characters(value: str) -> list[str]:
    return sorted({ch for ch in value if unicodedata.category(ch) in _NOT_SINGLE_LINE})


def validate_single_line(value: str) -> None:
    """Titles, names and other one-line fields: no newline, tab or other control character."""
    if isinstance(value, str) and _bad_characters(value):
        raise ValidationError(
            _("Keep this on one line: remove line breaks, tabs and other control characters."),
            code="single_line",
        )


def single_line(value: str) -> str:
    """`value` with every control character or line break turned into a space (for imported text)."""
    if not isinstance(value, str):
        return value
    if not _bad_characters(value):
        return value
    return " ".join("".join(" " if unicodedata.category(ch) in _NOT_SINGLE_LINE else ch for ch in value).split())


def header_safe(value: str, max_length: int = 200) -> str:
    """Text for an e-mail header (a subject): one line, so BadHeaderError can never be raised."""
    text = " ".join(single_line(str(value)).split())
    return text if len(text) <= max_length else text[: max_length - 1] + "…"


class MarkdownLengthValidator(MaxLengthValidator):
    message = _(
        "This text is too long: keep it to %(limit_value)d characters (it has %(show_value)d). "
        "Split it into several items or remove pasted material."
    )

    def __init__(self, limit_value: int = MAX_MARKDOWN_LENGTH, message=None):
        super().__init__(limit_value, message)


def validate_tag_names(names: list[str]) -> None:
    """At most MAX_TAGS tags of at most MAX_TAG_LENGTH characters each, each on one line."""
    errors = []
    if len(names) > MAX_TAGS:
        errors.append(
            ValidationError(
                _("Use at most %(max)d tags (there are %(count)d)."),
                code="too_many_tags",
                params={"max": MAX_TAGS, "count": len(names)},
            )
        )
    long = [name for name in names if len(name) > MAX_TAG_LENGTH]
    if long:
        errors.append(
            ValidationError(
                _("Keep each tag to %(max)d characters: “%(tag)s…” is longer."),
                code="tag_too_long",
                params={"max": MAX_TAG_LENGTH, "tag": long[0][:MAX_TAG_LENGTH]},
            )
        )
    if any(_bad_characters(name) for name in names):
        errors.append(ValidationError(_("Tags cannot contain line breaks or control characters."), code="single_line"))
    if errors:
        raise ValidationError(errors)
