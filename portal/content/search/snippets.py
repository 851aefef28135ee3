"""Snippets: a short window of the summary or body around the first word that matched, marked.

Works on the stored text (not the tokens) and on any database: a word of the text is marked when
its token (`text.tokenize`) is one the query matched, so "studies" is marked for "study", "CAR-T"
for "car t" and "KYV-101" for "kyv101"; glossary expansions are marked like typed words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import CAR_T_RE, CODE_RE, MARK_END, MARK_START, ParsedQuery, identifiers, tokenize

WINDOW = 220  # characters shown
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=65_536)
def _tokens(text: str) -> tuple[str, ...]:
    """`tokenize` of one word or code of a text: the same few thousand words recur on every page."""
    return tuple(tokenize(text))


def _spans(text: str, tokens: set[str], phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Character spans of `text` whose tokens the query matched, in order, not overlapping."""
    spans = []
    for pattern in (*(identifier.regex for identifier in identifiers()), CAR_T_RE, CODE_RE):
        for m in pattern.finditer(text):
            found = _tokens(m.group(0))
            joined = "".join(found)
            if joined in tokens or any(found == tuple(p) for p in phrases) or (found and set(found) <= tokens):
                spans.append(m.span())
    for m in _WORD_RE.finditer(text):
        found = _tokens(m.group(0))
        if found and found[0] in tokens:
            spans.append(m.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(parsed: ParsedQuery, summary: str, body: str) -> str:
    """Plain text with MARK_START/MARK_END around matches (escaped later by the selector)."""
    tokens: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for clause in parsed.clauses:
        for term in clause:
            tokens.update(term.tokens)
            if term.is_phrase:
                phrases.append(term.tokens)
    for text in (summary, body):
        if not text:
            continue
        spans = _spans(text, tokens, phrases)
        if not spans:
            continue
        first = spans[0][0]
        start = 0 if first < WINDOW // 3 or len(text) <= WINDOW else text.rfind(" ", 0, first - WINDOW // 4) + 1
        end = min(len(text), start + WINDOW)
        if end < len(text):
            end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > first else end
        out, pos = [], start
        for s, e in spans:
            if s < start or e > end:
                continue
            out += [text[pos:s], MARK_START, text[s:e], MARK_END]
            pos = e
        out.append(text[pos:end])
        return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")
    text = summary or body
    return text[:WINDOW] + ("…" if len(text) > WINDOW else "")
