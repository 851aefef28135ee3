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

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from portal.content.models import Status
from portal.content.search.text import STOP_WORDS

from .models import Category, Question

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


MERGE_CHOICES_SHOWN = 20


def merge_candidates(*, query: str, question_text: str) -> list[Question]:
    """Published FAQs an editor may merge a reader question into: those whose title or summary contains
    every word of `query`, or, with no query, the ones most like the reader's question. One query."""
    words = query.split()
    if not words:
        return similar_questions(question_text, limit=MERGE_CHOICES_SHOWN)
    matches = Q()
    for word in words[:10]:
        matches &= Q(title__icontains=word) | Q(summary__icontains=word)
    return list(
        Question.objects.published().filter(matches).only("pk", "title", "slug", "summary").order_by("title", "pk")[
            :MERGE_CHOICES_SHOWN
        ]
    )


TOP_QUESTIONS_PER_CATEGORY = 5


def faq_overview(per_category: int = TOP_QUESTIONS_PER_CATEGORY) -> list[tuple[Category, list[Question]]]:
    """Categories with published FAQs (each with `published_count`) and their first `per_category` FAQs.

    Two queries whatever the number of FAQs: categories with counts, and the top rows of every category
    (a window function over ids, then those rows with their author). The overview shows no tags: each
    FAQ's own page has them.
    """
    categories = list(
        Category.objects.annotate(
            published_count=Count("questions", filter=Q(questions__status=Status.PUBLISHED))
        )
        .filter(published_count__gt=0)
        # Explicit: Django leaves Meta.ordering out of aggregate (GROUP BY) queries, so PostgreSQL's order is arbitrary.
        .order_by("position", "name")
    )
    if not categories:
        return []
    # The window ranks narrow rows (ids only); just the few rows shown are loaded whole, with their author
    # and category, so the page does not read every FAQ's body.
    first_of_each = (
        Question.objects.published()
        .annotate(rank=Window(RowNumber(), partition_by=F("category_id"), order_by=[F("position"), F("title")]))
        .filter(rank__lte=per_category)
        .values_list("pk", flat=True)
    )
    top = Question.objects.filter(pk__in=first_of_each).select_related("author").order_by("position", "title")
    by_category: dict[int, list[Question]] = {category.pk: [] for category in categories}
    for question in top:
        by_category[question.category_id].append(question)
    return [(category, by_category[category.pk]) for category in categories]


def category_for_page(slug: str) -> Category:
    return get_object_or_404(Category, slug=slug)
