from __future__ import annotations

from itertools import groupby

from django.db.models import QuerySet
from django.http import QueryDict
from django.views.generic import DetailView, ListView

from portal.content.params import StrictPageMixin

from .forms import ALL, OPEN, TrialFilterForm
from .models import Trial
from .selectors import trial_facets, trials_filtered


class TrialListView(StrictPageMixin, ListView):
    """The trial finder: open trials by default, every filter in the URL, counts per option."""

    paginate_by = 20
    template_name = "trials/trial_list.html"

    def get_queryset(self) -> QuerySet[Trial]:
        self.form = TrialFilterForm(self.request.GET)
        self.filters = self.form.filters()
        return trials_filtered(self.filters).for_listing()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        show_all = QueryDict(mutable=True)
        show_all.update({name: value for name, value in self.filters.items() if name != "status"})
        show_all["status"] = ALL
        facets = trial_facets(self.filters)
        for facet in facets:
            facet.error = " ".join(self.form.errors.get(facet.name, []))
        return super().get_context_data(
            form=self.form,
            facets=facets,
            filters=self.filters,
            showing_open_only=self.filters.get("status") == OPEN,
            show_all_query=show_all.urlencode(),
            querystring=query.urlencode(),
            **kwargs,
        )


class TrialDetailView(DetailView):
    def get_queryset(self) -> QuerySet[Trial]:
        return Trial.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        sites = []
        for country, group in groupby(self.object.locations.all(), key=lambda location: location.country):
            locations = list(group)
            sites.append(
                {
                    "country": country,
                    "locations": locations,
                    "recruiting": sum(location.is_recruiting for location in locations),
                }
            )
        return super().get_context_data(sites_by_country=sites, timeline=list(self.object.changes.all()), **kwargs)
