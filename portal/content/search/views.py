from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from . import selectors
from .forms import SearchForm


class SearchView(TemplateView):
    template_name = "search/results.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        form = SearchForm(self.request.GET)
        results = None
        if form.is_valid() and form.cleaned_data["q"]:
            data = form.cleaned_data
            results = selectors.search(
                data["q"], kind=data["type"], tag=data["tag"], state=data["status"], page=data["page"] or 1
            )
        querystring = self.request.GET.copy()
        querystring.pop("page", None)
        tag_options = selectors.popular_tags(30)
        tag = self.request.GET.get("tag", "")
        return super().get_context_data(
            form=form,
            query=self.request.GET.get("q", ""),
            results=results,
            tag_options=tag_options,
            tag_selected_listed=any(option["tag__slug"] == tag for option in tag_options),
            filters_active=any(self.request.GET.get(name) for name in ("type", "tag", "status")),
            querystring=querystring.urlencode(),
            **kwargs,
        )
