"""A readable word-level diff of two texts, for "Compare with previous".

Removed words are wrapped in `<del>` and added words in `<ins>`. Colour is not the only signal: the
browser strikes through `<del>` and underlines `<ins>`, each change also carries visible `[-  -]` /
`{+  +}` brackets (the `git diff --word-diff` convention) and, for screen readers, a visually hidden
"removed:" / "added:" (the brackets are hidden from them). Everything is escaped first; the output is safe HTML.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Words and the whitespace between them, so the diff keeps line breaks and spacing.
_TOKENS = re.compile(r"\s+|[^\s]+")


def tokens(text: str) -> list[str]:
    return _TOKENS.findall(text or "")


def _marked(tag: str, css: str, label: str, end_label: str, opening: str, closing: str, words: list[str]) -> str:
    # The brackets are inline-blocks so the strike-through line does not hide their dashes; screen
    # readers skip them and hear the hidden words instead.
    return format_html(
        '<{} class="{}"><span class="visually-hidden">{} </span><span class="diff-mark" aria-hidden="true">{}</span>'
        '{}<span class="diff-mark" aria-hidden="true">{}</span><span class="visually-hidden"> {}</span></{}>',
        tag,
        css,
        label,
        opening,
        "".join(words),
        closing,
        end_label,
        tag,
    )


def _removed(words: list[str]) -> str:
    return _marked("del", "diff-del", _("removed:"), _("end of removed text"), "[-", "-]", words)


def _added(words: list[str]) -> str:
    return _marked("ins", "diff-ins", _("added:"), _("end of added text"), "{+", "+}", words)


def _is_space(words: list[str]) -> bool:
    return not "".join(words).strip()


def _split_space(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(leading whitespace, the words, trailing whitespace) of a run of tokens."""
    start, end = 0, len(words)
    while start < end and _is_space(words[start : start + 1]):
        start += 1
    while end > start and _is_space(words[end - 1 : end]):
        end -= 1
    return words[:start], words[start:end], words[end:]


def _groups(a: list[str], b: list[str]) -> list[tuple[list[str], list[str] | None]]:
    """(old, new) runs of tokens; new is None for an unchanged run. Changes separated only by
    whitespace become one change, so a rewritten sentence reads as one removal and one addition,
    not word against word."""
    groups: list[tuple[list[str], list[str] | None]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            groups.append((a[i1:i2], None))
            continue
        old, new = a[i1:i2], b[j1:j2]
        only_space_since_last_change = (
            len(groups) >= 2
            and groups[-1][1] is None
            and groups[-2][1] is not None
            and "".join(groups[-1][0]).isspace()
        )
        if only_space_since_last_change:
            space = groups.pop()[0]
            before_old, before_new = groups.pop()
            old, new = before_old + space + old, before_new + space + new
        groups.append((old, new))
    return groups


def word_diff(old: str, new: str) -> SafeString:
    """`old` -> `new` as HTML with `<del>` / `<ins>` around the words that changed (changes of
    whitespace alone are shown as the new whitespace, unmarked)."""
    parts = []
    for before, after in _groups(tokens(old), tokens(new)):
        if after is None or (_is_space(before) and _is_space(after)):
            parts.append(escape("".join(before if after is None else after)))
            continue
        # Spacing around a change stays outside its markers (as the new text has it).
        _, removed, _ = _split_space(before)
        lead, added, trail = _split_space(after)
        parts.append(escape("".join(lead)))
        if removed:
            parts.append(_removed(removed))
        if added:
            parts.append(_added(added))
        parts.append(escape("".join(trail)))
    return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped or built by format_html


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    changed: bool
    html: SafeString


def fields_diff(old: dict[str, str], new: dict[str, str], labels: dict[str, str]) -> list[FieldDiff]:
    """One FieldDiff per labelled field, in the order of `labels`."""
    out = []
    for name, label in labels.items():
        before, after = str(old.get(name) or ""), str(new.get(name) or "")
        out.append(FieldDiff(name=name, label=label, changed=before != after, html=word_diff(before, after)))
    return out
