"""How glossary variants are compared and matched: one normal form, used by validation, linking and pages."""

from __future__ import annotations

import re

from portal.content.search.text import STOP_WORDS

WORD_RE = re.compile(r"\w+", re.UNICODE)
MIN_LENGTH = 2


def normalise(text: str) -> str:
    """Lower-case words joined by single spaces: "CAR-T", "car  t" and "Car T" are all "car t"."""
    return " ".join(WORD_RE.findall((text or "").lower()))


def stop_word_reason(text: str) -> str:
    """Why a variant would match nearly every page, or "" when it is fine."""
    words = normalise(text).split()
    if words and all(word in STOP_WORDS for word in words):
        return "it is a common word (a search stop word) that appears on nearly every page"
    return ""


def variant_pattern(text: str, *, match_case: bool = False) -> str:
    """A regular expression for one variant: its words in order, separated by spaces, hyphens or apostrophes."""
    words = WORD_RE.findall(text if match_case else text.lower())
    body = r"[\s\-\u2010\u2011\u2013'\u2019/]+".join(re.escape(word) for word in words)
    return f"(?-i:{body})" if match_case else body
