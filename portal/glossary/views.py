from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.views.generic import DetailView, TemplateView

from . import selectors
from .models import Term


class GlossaryIndexView(TemplateView):
    template_name = "glossary/term_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(sections=selectors.glossary_sections(), **kwargs)


class GlossaryLetterView(TemplateView):
    """One letter's terms with their definitions: `/glossary/letter/a/`, `/glossary/letter/num/`."""

    template_name = "glossary/term_letter.html"

    def get_context_data(self, **kwargs):
        section = selectors.glossary_letter(self.kwargs["letter"])
        if section is None:
            raise Http404("No such glossary letter.")
        return super().get_context_data(section=section, sections=selectors.glossary_sections(), **kwargs)


class TermDetailView(DetailView):
    def get_queryset(self) -> QuerySet[Term]:
        return Term.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        mentions = selectors.term_mentions(self.object)
        return super().get_context_data(
            mentions=mentions, mention_count=sum(len(rows) for rows in mentions.values()), **kwargs
        )
