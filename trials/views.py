from __future__ import annotations

from django.db.models import QuerySet
from django.views.generic import DetailView, ListView

from .forms import TrialFilterForm
from .models import Trial


class TrialListView(ListView):
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Trial]:
        self.form = TrialFilterForm(self.request.GET or None)
        return self.form.filter(Trial.objects.published().for_listing())

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(form=self.form, querystring=query.urlencode(), **kwargs)


class TrialDetailView(DetailView):
    def get_queryset(self) -> QuerySet[Trial]:
        return Trial.objects.published().for_detail()
