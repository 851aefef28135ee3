"""Reads for the public glossary pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from django.apps import apps
from django.db.models import Q
from django.utils.html import strip_tags

from .models import Term
from .text import WORD_RE, variant_pattern

# Where a term's mentions are looked for, per content type: the fields readers see as text.
MENTION_SOURCES = (
    ("articles.Article", ("title", "summary", "body")),
    ("faq.Question", ("title", "summary", "body")),
    ("trials.Trial", ("title", "summary", "body", "what_it_means", "brief_summary")),
)


@dataclass
class LetterSection:
    letter: str
    terms: list[Term]

    @property
    def anchor(self) -> str:
        return "letter-num" if self.letter == "#" else f"letter-{self.letter.lower()}"


    @property
    def key(self) -> str:
        """The letter page's address part: "a" ... "z", or "num" for terms that start with a digit."""
        return "num" if self.letter == "#" else self.letter.lower()


def glossary_sections() -> list[LetterSection]:
    """Published term names A-Z, one section per first letter (one query; no definitions: the index
    stays small however many terms there are, and each letter has its own page)."""
    terms = list(Term.objects.published().only("pk", "title", "slug", "normalised").alphabetical())
    return [LetterSection(letter, list(group)) for letter, group in groupby(terms, key=lambda t: t.letter)]


def glossary_letter(key: str) -> LetterSection | None:
    """The published terms of one letter page with their definitions and other names (two queries:
    terms, variants); None for a key that is not a letter page."""
    if key == "num":
        terms = Term.objects.published().filter(normalised__regex=r"^[^a-z]")
    elif len(key) == 1 and "a" <= key <= "z":
        terms = Term.objects.published().filter(normalised__startswith=key)
    else:
        return None
    return LetterSection("#" if key == "num" else key.upper(), list(terms.for_listing().alphabetical()))


def term_pattern(term: Term) -> re.Pattern:
    """One word-bounded pattern for the term's preferred name and every variant (uses prefetched variants)."""
    names = [variant_pattern(term.title)] + [
        variant_pattern(v.text, match_case=v.match_case) for v in term.variants.all()
    ]
    names.sort(key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(names)})(?!\w)", re.IGNORECASE)


def term_mentions(term: Term) -> dict[str, list]:
    """Published articles, FAQs and trials that use the term or any variant, keyed by the plural type name.

    One query per content type (a case-insensitive substring filter per name), then a word-boundary
    check in Python, so "MS" never matches inside "symptoms".
    """
    pattern = term_pattern(term)
    # The longest word of each name finds the candidates ("B-cell" and "B cell" both contain "cell").
    words = {max(WORD_RE.findall(name.lower()), key=len) for name in term.names() if WORD_RE.search(name)}
    sections: dict[str, list] = {}
    for label, fields in MENTION_SOURCES:
        model = apps.get_model(label)
        query = Q()
        for word in sorted(words):
            for f in fields:
                query |= Q(**{f"{f}__icontains": word})
        rows = model.objects.published().filter(query).only("pk", "slug", "title", "summary", *fields)
        if label == "trials.Trial":
            rows = rows.only("pk", "slug", "title", "summary", "nct_id", "overall_status", *fields)
        found = [
            row
            for row in rows.order_by("title", "pk")
            if any(pattern.search(strip_tags(getattr(row, f) or "")) for f in fields)
        ]
        sections[model._meta.verbose_name_plural] = found
    return sections
