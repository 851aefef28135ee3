from __future__ import annotations

from itertools import groupby

from django.db.models import QuerySet
from django.views.generic import DetailView, ListView

from .models import Question


class QuestionListView(ListView):
    """All published FAQs on one page, grouped by category (no pagination: it is a reference page)."""

    def get_queryset(self) -> QuerySet[Question]:
        return Question.objects.for_faq_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["groups"] = [
            (category, list(questions))
            for category, questions in groupby(context["object_list"], key=lambda q: q.category)
        ]
        return context


class QuestionDetailView(DetailView):
    def get_queryset(self) -> QuerySet[Question]:
        return Question.objects.published().for_detail().select_related("category")
