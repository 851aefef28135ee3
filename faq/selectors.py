"""Reads for reader questions.

`similar_questions` is a deliberately simple ranked match (shared words, weighted by how rare they are
among the published FAQs, title words double) so askers see likely duplicates while they type. It
uses the site search's stop words (`portal.content.search.text.STOP_WORDS`) but not its index: the
index ranks whole pages (body included) and returns search hits, not questions, in more than one
query. Keep the signature if the site search replaces it.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from portal.content.search.text import STOP_WORDS

from .models import Question

# The site search's stop words, plus the filler people write in questions ("could anyone...").
QUESTION_STOP_WORDS = STOP_WORDS | frozenset(
    "could would im ive id dont cant isnt get got also anyone someone".split()
)
WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MIN_QUERY_CHARS = 10


def keywords(text: str) -> set[str]:
    """Lower-cased words without stop words; a trailing plural "s" is dropped so "trials" meets "trial"."""
    words = set()
    for word in WORD.findall(text.lower().replace("’", "").replace("'", "")):
        if word in QUESTION_STOP_WORDS or len(word) < 2:
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
