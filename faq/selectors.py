"""Reads for reader questions.

`similar_questions` is a deliberately simple ranked match (shared words, weighted by how rare they are
among the published FAQs) so askers see likely duplicates. The site search can replace it later: keep
the signature.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .models import Question

STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her
    here hers him his how i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours out over own same she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours im ive id dont cant isnt get got also there's anyone someone
    """.split()
)
WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MIN_QUERY_CHARS = 10


def keywords(text: str) -> set[str]:
    """Lower-cased words without stop words; a trailing plural "s" is dropped so "trials" meets "trial"."""
    words = set()
    for word in WORD.findall(text.lower().replace("’", "").replace("'", "")):
        if word in STOP_WORDS or len(word) < 2:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return words


def published_corpus() -> list[Question]:
    """Every published FAQ with just what a suggestion shows: one query (the published FAQs are few)."""
    return list(Question.objects.published().only("pk", "title", "slug", "summary").order_by("pk"))


def rank_similar(text: str, corpus: list[Question], limit: int = 5) -> list[Question]:
    """FAQs sharing the most (and rarest) words with `text`; title words count double."""
    wanted = keywords(text)
    if not wanted or not corpus:
        return []
    documents = [(question, keywords(question.title), keywords(question.summary)) for question in corpus]
    frequency = Counter(word for _, title, summary in documents for word in title | summary)
    total = len(documents)
    scored = []
    for question, title, summary in documents:
        score = sum(
            (2 if word in title else 1) * math.log(1 + total / frequency[word])
            for word in wanted & (title | summary)
        )
        if score > 0:
            scored.append((score, question))
    scored.sort(key=lambda pair: (-pair[0], pair[1].title))
    return [question for _, question in scored[:limit]]


def similar_questions(text: str, limit: int = 5) -> list[Question]:
    """Up to `limit` published FAQs that look like the same question as `text` (best first)."""
    if len(text.strip()) < MIN_QUERY_CHARS:
        return []
    return rank_similar(text, published_corpus(), limit)
