"""The one ranking: BM25F over the stored tokens, written once, the same on every database.

The database backends only find candidates (see `backends`); this module scores them from the
tokens the index stored (`SearchEntry.*_terms`) and the index's own statistics (`SearchTermStat`):

- field weights: title > codes > summary > tags > body, each with its own length normalisation
  against the field's average length (BM25F: weighted term frequencies saturate together);
- rarity: IDF from the number of entries containing each token, so a word on nearly every page
  ("ms", "car t") counts for little and the rare word in the query decides;
- a clause (a typed word with its "or" alternatives and expansions) scores its best term; an
  expansion counts `Term.weight` (less than a typed word);
- bonuses: every typed word in the title, the typed words as an exact phrase;
- small tie-breakers: an answer (FAQ) for a question-shaped query, an open item, a recent review.

Ties are broken by entry id (newest first) so the order is total.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from ..registry import spec_for_kind
from .text import ParsedQuery, Term

FIELD_WEIGHTS = {
    "title_terms": 6.0,
    "code_terms": 5.0,
    "summary_terms": 2.5,
    "tag_terms": 1.5,
    "body_terms": 1.0,
}
# Length normalisation per field (0: none, 1: full).
FIELD_B = {"title_terms": 0.5, "code_terms": 0.2, "summary_terms": 0.6, "tag_terms": 0.3, "body_terms": 0.75}
K1 = 1.4
TITLE_ALL_BONUS = 0.25  # every typed word is in the title
PHRASE_BONUS = {"title_terms": 0.25, "summary_terms": 0.15, "body_terms": 0.08}
ANSWER_BONUS = 0.06  # an answer page for a question-shaped query
OPEN_BONUS = 0.02
REVIEWED_BONUS = 0.02
QUESTION_WORDS = frozenset("how what can could is are does do did should why when who where will which whats".split())


@dataclass
class Candidate:
    id: int
    kind: str
    code: str
    is_open: bool
    reviewed_on: datetime.date | None
    fields: dict[str, str]  # field name -> " tok tok tok " (padded with spaces for counting)
    score: float = 0.0


@dataclass(frozen=True)
class Statistics:
    entries: int
    average_length: dict[str, float]
    documents: dict[str, int]  # token -> entries containing it

    def idf(self, token: str) -> float:
        n = max(self.entries, 1)
        df = min(self.documents.get(token, 0), n)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def term_idf(self, term: Term) -> float:
        """A phrase is rarer than its rarest word: the rarest word's IDF plus half of the others'."""
        idfs = sorted((self.idf(t) for t in term.tokens), reverse=True)
        return idfs[0] + 0.5 * sum(idfs[1:]) if idfs else 0.0


def is_question(raw: str) -> bool:
    words = raw.strip().lower().split()
    return bool(words) and (raw.strip().endswith("?") or words[0].strip("'’") in QUESTION_WORDS)


def _needle(term: Term) -> str:
    return " " + " ".join(term.tokens) + " "


def term_frequencies(candidate: Candidate, term: Term) -> dict[str, int]:
    needle = _needle(term)
    return {name: text.count(needle) for name, text in candidate.fields.items() if needle in text}


def bm25f(candidate: Candidate, term: Term, stats: Statistics) -> float:
    tfs = term_frequencies(candidate, term)
    if not tfs:
        return 0.0
    weighted = 0.0
    for name, tf in tfs.items():
        length = candidate.fields[name].count(" ") - 1
        average = stats.average_length.get(name) or 1.0
        b = FIELD_B[name]
        weighted += FIELD_WEIGHTS[name] * tf / (1 - b + b * length / average)
    return stats.term_idf(term) * weighted * (K1 + 1) / (K1 + weighted)


def matches(candidate: Candidate, term: Term) -> bool:
    needle = _needle(term)
    return any(needle in text for text in candidate.fields.values())


def score(
    candidates: list[Candidate],
    parsed: ParsedQuery,
    stats: Statistics,
    *,
    require_all: bool = True,
    review_cutoff: datetime.date | None = None,
) -> list[Candidate]:
    """The candidates that match (every clause, or with `require_all=False` any), best first.

    The same arithmetic as `bm25f` per term and candidate, in the same order (so the same floats),
    with what does not depend on the candidate (needles, IDF) worked out once per query and each
    field's length normalisation once per candidate.
    """
    question = is_question(parsed.raw)
    typed = [t for clause in parsed.clauses for t in clause[:1] if not t.expansion]
    phrase = Term(tuple(w for t in typed for w in t.words)) if len(typed) > 1 else None
    excluded = [_needle(term) for term in parsed.excluded]
    clauses = [[(_needle(term), term.weight, stats.term_idf(term)) for term in clause] for clause in parsed.clauses]
    typed_needles = [_needle(t) for t in typed]
    phrase_needle = _needle(phrase) if phrase is not None and phrase.tokens else None
    averages = {name: stats.average_length.get(name) or 1.0 for name in FIELD_WEIGHTS}
    answers: dict[str, bool] = {}
    ranked = []
    for candidate in candidates:
        fields = candidate.fields
        if any(needle in text for needle in excluded for text in fields.values()):
            continue
        norms: dict[str, float] = {}
        total, matched = 0.0, 0
        for clause in clauses:
            best = 0.0
            for needle, weight, idf in clause:
                weighted, found = 0.0, False
                for name, text in fields.items():
                    tf = text.count(needle)
                    if not tf:
                        continue
                    found = True
                    norm = norms.get(name)
                    if norm is None:
                        b = FIELD_B[name]
                        norm = norms[name] = 1 - b + b * (text.count(" ") - 1) / averages[name]
                    weighted += FIELD_WEIGHTS[name] * tf / norm
                value = weight * (idf * weighted * (K1 + 1) / (K1 + weighted)) if found else 0.0
                if value > best:
                    best = value
            if best > 0:
                matched += 1
            total += best
        if not matched or (require_all and matched < len(clauses)):
            continue
        factor = 1.0 + 0.3 * (matched / len(clauses) - 1)
        title = fields.get("title_terms", "")
        if typed_needles and all(needle in title for needle in typed_needles):
            factor += TITLE_ALL_BONUS
        if phrase_needle is not None:
            factor += max(
                (bonus for name, bonus in PHRASE_BONUS.items() if phrase_needle in fields.get(name, "")), default=0.0
            )
        if question:
            answer = answers.get(candidate.kind)
            if answer is None:
                spec = spec_for_kind(candidate.kind)
                answer = answers[candidate.kind] = spec is not None and spec.answers_questions
            if answer:
                factor += ANSWER_BONUS
        if candidate.is_open:
            factor += OPEN_BONUS
        if review_cutoff and candidate.reviewed_on and candidate.reviewed_on >= review_cutoff:
            factor += REVIEWED_BONUS
        candidate.score = total * factor
        ranked.append(candidate)
    pinned = parsed.pinned_code
    ranked.sort(key=lambda c: (not (pinned and c.code == pinned), -round(c.score, 9), -c.id))
    return ranked
