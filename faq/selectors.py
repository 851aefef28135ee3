"""Reads for reader questions.

`similar_questions` asks the site search for the published FAQs that share the most, and the rarest,
words with a question (`portal.content.search.selectors.similar`): one ranking for the whole site, so
an asker's suggestions, a moderator's "possible duplicates" and the search page agree.
"""

from __future__ import annotations

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from portal.content.models import Status
from portal.content.registry import spec_for
from portal.content.search.selectors import similar

from .models import Category, Question

MIN_QUERY_CHARS = 10


def similar_questions(text: str, limit: int = 5) -> list[Question]:
    """Up to `limit` published FAQs that look like the same question as `text` (best first).

    A constant number of queries: the site search's (at most four) and one for the FAQs it found."""
    if len(text.strip()) < MIN_QUERY_CHARS:
        return []
    hits = similar(text, kind=spec_for(Question).kind, limit=limit)
    found = Question.objects.published().only("pk", "title", "slug", "summary").in_bulk([h.object_id for h in hits])
    return [found[hit.object_id] for hit in hits if hit.object_id in found]


MERGE_CHOICES_SHOWN = 20


def merge_candidates(*, query: str, question_text: str) -> list[Question]:
    """Published FAQs an editor may merge a reader question into: those whose title or summary contains
    every word of `query`, or, with no query, the ones most like the reader's question."""
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
        .order_by()  # (no Meta ordering: it would join categories and sort every row)
        .values_list("pk", flat=True)
    )
    top = Question.objects.filter(pk__in=first_of_each).select_related("author").order_by("position", "title")
    by_category: dict[int, list[Question]] = {category.pk: [] for category in categories}
    for question in top:
        by_category[question.category_id].append(question)
    return [(category, by_category[category.pk]) for category in categories]


def category_for_page(slug: str) -> Category:
    return get_object_or_404(Category, slug=slug)
