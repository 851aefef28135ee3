from __future__ import annotations

from django.views.generic import TemplateView

from . import selectors


class SearchView(TemplateView):
    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:200]
        results = []
        if query:
            for model in selectors.content_models():
                results += list(model.objects.published().search(query).for_listing()[:20])
        return super().get_context_data(query=query, results=results, **kwargs)
