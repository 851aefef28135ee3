"""Query expansion from `SearchExpansion` (filled by an app such as the glossary), and the English word list.

`expand(parsed)` looks up, in one query, every group that has a phrase equal to a run of the typed
words, and adds the group's other phrases to the query as alternatives that count less than the
typed words (`EXPANSION_WEIGHT`): a brand name also finds the generic name, a lay phrase the
medical term. A multi-word phrase ("pins and needles") turns its words into one clause.

`english_words()` is the word list of the pinned `pyspellchecker` package: spelling correction
never "corrects" a word that is in it.
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import transaction

from .models import SearchExpansion
from .text import WORD_RE, ParsedQuery, Term, tokenize

EXPANSION_WEIGHT = 0.6
MAX_PHRASE_TOKENS = 5


@dataclass(frozen=True)
class ExpansionGroup:
    group: str
    title: str
    url: str
    summary: str
    matched: str  # the phrase as typed


@dataclass
class Expanded:
    parsed: ParsedQuery
    groups: list[ExpansionGroup] = field(default_factory=list)
    exact: ExpansionGroup | None = None  # the whole query is one phrase of this group
    known_tokens: set[str] = field(default_factory=set)  # tokens of the phrases that matched


def _phrase(text: str) -> str:
    return " ".join(tokenize(text))


def expansion_group_replace(group: str, *, texts: list[str], title: str, url: str = "", summary: str = "") -> None:
    """Make `texts` (a preferred term first, then its other names) the phrases of `group`."""
    rows, seen = [], set()
    for text in texts:
        phrase = _phrase(text)
        if phrase and phrase not in seen and len(phrase) <= 200:
            seen.add(phrase)
            rows.append(
                SearchExpansion(
                    group=group, phrase=phrase, text=text[:200], title=title[:200], url=url, summary=summary
                )
            )
    with transaction.atomic():
        SearchExpansion.objects.filter(group=group).delete()
        SearchExpansion.objects.bulk_create(rows)


def expansion_group_delete(group: str) -> None:
    SearchExpansion.objects.filter(group=group).delete()


def _clause_tokens(parsed: ParsedQuery) -> list[tuple[str, ...] | None]:
    """Per clause, the typed term's tokens when it can take part in a phrase (else None)."""
    out = []
    for clause in parsed.clauses:
        typed = [t for t in clause if not t.expansion]
        out.append(typed[0].tokens if len(typed) == 1 and typed[0].tokens else None)
    return out


def expand(parsed: ParsedQuery) -> Expanded:
    """`parsed` with each run of typed words that is an expansion phrase widened to its group (one query)."""
    per_clause = _clause_tokens(parsed)
    wanted: set[str] = set()
    for i, tokens in enumerate(per_clause):
        if tokens is None:
            continue
        if len(tokens) > 1:
            wanted.add(" ".join(tokens))
            continue
        run: list[str] = []
        for later in per_clause[i : i + MAX_PHRASE_TOKENS]:
            if later is None or len(later) != 1:
                break
            run.append(later[0])
            wanted.add(" ".join(run))
    if not wanted:
        return Expanded(parsed)
    matched_groups = SearchExpansion.objects.filter(phrase__in=sorted(wanted)).values("group")
    rows = list(
        SearchExpansion.objects.filter(group__in=matched_groups)
        .order_by("group", "id")
        .values_list("group", "phrase", "text", "title", "url", "summary")
    )
    if not rows:
        return Expanded(parsed)
    by_phrase: dict[str, str] = {}
    members: dict[str, list[tuple[str, str]]] = {}
    info: dict[str, tuple[str, str, str]] = {}
    for group, phrase, text, title, url, summary in rows:
        members.setdefault(group, []).append((phrase, text))
        info[group] = (title, url, summary)
    # A phrase in several groups (a word such as "cells") widens to one of them, chosen without ids (they differ
    # between databases and runs): the group whose preferred term it is, else the first by title.
    for group, phrase, *_rest in sorted(
        rows, key=lambda row: (_phrase(row[3]) != row[1], row[3].casefold(), row[3], row[0])
    ):
        by_phrase.setdefault(phrase, group)

    clauses: list[list[Term]] = []
    result = Expanded(parsed)
    i = 0
    while i < len(parsed.clauses):
        tokens = per_clause[i]
        span, group = 1, None
        if tokens is not None and len(tokens) > 1:
            group = by_phrase.get(" ".join(tokens))
        elif tokens is not None:
            for n in range(min(MAX_PHRASE_TOKENS, len(parsed.clauses) - i), 0, -1):
                run = per_clause[i : i + n]
                if all(r is not None and len(r) == 1 for r in run):
                    group = by_phrase.get(" ".join(r[0] for r in run))
                    if group:
                        span = n
                        break
        if group is None:
            clauses.append(list(parsed.clauses[i]))
            i += 1
            continue
        typed_words = tuple(w for clause in parsed.clauses[i : i + span] for t in clause[:1] for w in t.words)
        typed = Term(typed_words)
        clause = [typed] if span > 1 else list(parsed.clauses[i])
        typed_phrase = " ".join(typed.tokens)
        for phrase, text in members[group]:
            if phrase != typed_phrase:
                clause.append(Term(tuple(WORD_RE.findall(text.lower())), expansion=True, weight=EXPANSION_WEIGHT))
        title, url, summary = info[group]
        found = ExpansionGroup(group=group, title=title, url=url, summary=summary, matched=" ".join(typed_words))
        result.groups.append(found)
        result.known_tokens.update(typed.tokens)
        if span == len(parsed.clauses) and not parsed.excluded:
            result.exact = found
        clauses.append(clause)
        i += span
    result.parsed = ParsedQuery(
        raw=parsed.raw, clauses=clauses, excluded=parsed.excluded, pinned_code=parsed.pinned_code
    )
    return result


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words (letters only) from pyspellchecker's English frequency list."""
    resource = importlib.resources.files("spellchecker") / "resources" / "en.json.gz"
    with resource.open("rb") as handle:
        counts = json.loads(gzip.decompress(handle.read()))
    return frozenset(word for word in counts if word.isalpha())
