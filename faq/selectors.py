"""Reads for reader questions.

`similar_questions` asks the site search for the published FAQs that share the most, and the rarest,
words with a question (`portal.content.search.selectors.similar`): one ranking for the whole site, so
an asker's suggestions, a moderator's "possible duplicates" and the search page agree.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
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

    Three queries whatever the number of FAQs, each reading only what it shows: the categories with a
    count per category (an index range each), the ids of every category's first rows (one short
    index read per category, joined with UNION ALL), and those rows with their author. The overview
    shows no tags: each FAQ's own page has them.
    """
    published = (
        Question.objects.filter(category=OuterRef("pk"), status=Status.PUBLISHED)
        .order_by()
        .values("category")
        .annotate(n=Count("pk"))
        .values("n")
    )
    categories = list(
        Category.objects.annotate(published_count=Coalesce(Subquery(published), 0))
        .filter(published_count__gt=0)
        .order_by("position", "name")
    )
    if not categories:
        return []
    # One category's first rows, compiled once (the ORM's compiling costs more than the read itself) and
    # repeated per category with that category's id in place of the placeholder.
    placeholder = -1
    first = (
        Question.objects.published()
        .filter(category_id=placeholder)
        .order_by("position", "title", "pk")
        .values_list("pk", flat=True)[:per_category]
    )
    sql, first_params = first.query.sql_with_params()
    at = list(first_params).index(placeholder)
    parts, params = [], []
    for n, category in enumerate(categories):
        parts.append(f"SELECT * FROM ({sql}) AS top_{n}")
        params.extend([*first_params[:at], category.pk, *first_params[at + 1 :]])
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        ids = [row[0] for row in cursor.fetchall()]
    # Just the rows shown are loaded whole (no body Markdown), with their author.
    top = Question.objects.filter(pk__in=ids).select_related("author").defer("body").order_by("position", "title", "pk")
    by_category: dict[int, list[Question]] = {category.pk: [] for category in categories}
    for question in top:
        by_category[question.category_id].append(question)
    return [(category, by_category[category.pk]) for category in categories]


def category_for_page(slug: str) -> Category:
    return get_object_or_404(Category, slug=slug)
