from __future__ import annotations

from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import DetailView, ListView

from portal.content.markdown import render_markdown
from portal.content.pagination import IdPaginator
from portal.content.params import parse_int

from . import display, geo
from .forms import ALL, FINDER_NAMES, OPEN, SORT_NEAREST, SORT_RELEVANT, TrialFilterForm
from .models import Trial
from .precheck import PrecheckForm, assess
from .selectors import near_trial_distances, trial_facets, trials_filtered

# The pre-check's answers are health data: never in an error report either.
_private_answers = method_decorator(sensitive_post_parameters(), name="dispatch")
# The pre-check POST changes nothing (answers are compared in memory and rendered back), so a CSRF
# token protects nothing there; without one the finder and trial pages stay in the shared page cache.
_no_csrf_needed = method_decorator(csrf_exempt, name="dispatch")

DEFAULT_DISTANCE = 100
SECONDARY_SHOWN = 5


def distance_label(km: float, unit: str) -> str:
    value = km / geo.KM_PER_MILE if unit == "mi" else km
    shown = f"{value:,.0f}" if value >= 10 else f"{value:.1f}"
    return f"{shown} {_('miles') if unit == 'mi' else _('km')}"


class PrecheckMixin:
    """A POSTed pre-check: answers compared in memory, rendered back, never stored (see `trials.precheck`)."""

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)

    def precheck(self):
        if self.request.method == "POST":
            form = PrecheckForm(self.request.POST)
            return form, form.answers()
        return PrecheckForm(), None


@_no_csrf_needed
@_private_answers
class TrialListView(PrecheckMixin, ListView):
    """The trial finder: MS first, open trials by default, every filter in the URL, counts per option.

    Bad input never fails the page: an invalid value is dropped with a message next to its field,
    a repeated parameter uses its last value (and says so), an unknown place offers suggestions,
    and a page number that is not one shows the first (or last) page.
    """

    paginate_by = 20
    template_name = "trials/trial_list.html"

    def get_queryset(self):
        self.notices: list[str] = []
        query = self.request.GET
        repeated = [name for name in FINDER_NAMES if len(query.getlist(name)) > 1]
        if repeated:
            self.notices.append(
                _("These were given more than once, so the last value was used: %(names)s.")
                % {"names": ", ".join(repeated)}
            )
        self.form = TrialFilterForm(query)
        self.filters = self.form.filters()
        self.near = self._near()
        sort = self.filters.get("sort", "")
        if sort == SORT_NEAREST and self.near is None:
            if "place" not in self.form.errors:
                self.form.add_error("sort", _("Choose a place to sort by the nearest site."))
            sort = SORT_RELEVANT
        if not sort:
            sort = SORT_NEAREST if self.near is not None else SORT_RELEVANT
        self.sort = sort
        near_ids = None if self.near is None else self.near["distances"].keys()
        self.facets = trial_facets(self.filters, near=near_ids)
        # The chosen status option counts exactly the trials listed: the paginator needs no count query.
        status = next(facet for facet in self.facets if facet.name == "status")
        self.result_count = next(option.count for option in status.options if option.selected)
        queryset = trials_filtered(self.filters, near=near_ids).ms_first(sort)
        if sort == SORT_NEAREST:
            distances = self.near["distances"]
            rows = list(queryset.values_list("pk", "is_ms"))
            rows.sort(key=lambda row: (row[1], distances[row[0]], -row[0]))
            return [pk for pk, _is_ms in rows]
        return queryset.for_listing()

    def _near(self) -> dict | None:
        """The reader's place (typed, or coordinates from "use my location") and the distances."""
        place_text = self.filters.get("place", "")
        lat, lon = self.filters.get("lat"), self.filters.get("lon")
        if (lat is None) != (lon is None):
            self.form.add_error("lat", _("Your location was incomplete, so it was not used."))
            lat = lon = None
        place = None
        if lat is not None and lon is not None:
            label = _("your location")
        elif place_text:
            place = geo.place_named(place_text)
            if place is None:
                suggestions = geo.find_places(place_text)
                self.place_suggestions = [p.label for p in suggestions]
                message = _("We could not find a place called “%(place)s”.") % {"place": place_text}
                if suggestions:
                    message += " " + _("Did you mean one of the places listed below the field?")
                else:
                    message += " " + _("Try a nearby town or city, written in English or the local language.")
                self.form.add_error("place", message)
                return None
            lat, lon, label = place.latitude, place.longitude, place.label
        else:
            return None
        distance = self.filters.get("distance") or DEFAULT_DISTANCE
        unit = self.filters.get("unit") or "km"
        radius_km = distance * geo.KM_PER_MILE if unit == "mi" else float(distance)
        return {
            "label": label,
            "distance": distance,
            "unit": unit,
            "distances": near_trial_distances(lat, lon, radius_km),
        }

    def paginate_queryset(self, queryset, page_size):
        # Ids first (a narrow sort, or read from the end for the back half), then the page's rows.
        paginator_class = Paginator if self.sort == SORT_NEAREST else IdPaginator
        paginator = paginator_class(queryset, page_size, allow_empty_first_page=True)
        if self.sort != SORT_NEAREST:  # (a list of ids when nearest first: its length is known)
            paginator.count = self.result_count
        # Not `StrictPageMixin` (a 404): a bad page number in the finder shows a page and says why.
        raw = self.request.GET.get("page", "")
        if raw == "last":
            number = max(1, paginator.num_pages)
        elif not raw:
            number = 1
        elif (digits := raw.removeprefix("-")).isascii() and digits.isdigit():
            # ASCII digits only (`parse_int`): "²" or "１" are not page numbers.
            parsed = parse_int(digits, minimum=0)
            number = -1 if raw.startswith("-") else (10**18 if parsed is None else parsed)
        else:
            number = 1
            self.notices.append(_("“%(page)s” is not a page number, so this is the first page.") % {"page": raw[:20]})
        if number < 1:
            self.notices.append(_("Page numbers start at 1, so this is the first page."))
            number = 1
        elif number > paginator.num_pages:
            self.notices.append(_("There are only %(n)s pages, so this is the last one.") % {"n": paginator.num_pages})
            number = paginator.num_pages
        page = paginator.page(number)
        if self.sort == SORT_NEAREST:
            pks = list(page.object_list)
            by_pk = {t.pk: t for t in Trial.objects.filter(pk__in=pks).ms_first().for_listing()}
            page.object_list = [by_pk[pk] for pk in pks if pk in by_pk]
        if self.near is not None:
            for trial in page.object_list:
                km = self.near["distances"].get(trial.pk)
                trial.distance_label = distance_label(km, self.near["unit"]) if km is not None else ""
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        without_place = query.copy()
        for name in ("place", "lat", "lon"):
            without_place.pop(name, None)
        show_all = QueryDict(mutable=True)
        show_all.update({name: str(value) for name, value in self.filters.items() if name != "status"})
        show_all["status"] = ALL
        facets = self.facets
        for facet in facets:
            facet.error = " ".join(self.form.errors.get(facet.name, []))
        condition = next(facet for facet in facets if facet.name == "condition")
        context = super().get_context_data(
            form=self.form,
            facets=facets,
            filters=self.filters,
            sort=self.sort,
            near=self.near,
            notices=self.notices,
            place_suggestions=getattr(self, "place_suggestions", []),
            ms_count=condition.ms_count,
            other_count=condition.other_count,
            showing_open_only=self.filters.get("status") == OPEN,
            show_all_query=show_all.urlencode(),
            querystring=query.urlencode(),
            query_without_place=without_place.urlencode(),
            **kwargs,
        )
        precheck_form, answers = self.precheck()
        context["precheck_form"] = precheck_form
        context["precheck_checked"] = answers is not None
        if answers is not None:
            for trial in context["object_list"]:
                trial.fit = assess(trial, answers)
        context["sections"] = [
            {"is_ms": is_ms == 0, "items": list(items)}
            for is_ms, items in groupby(context["object_list"], key=lambda trial: getattr(trial, "is_ms", 1))
        ]
        return context


@_no_csrf_needed
@_private_answers
class TrialDetailView(PrecheckMixin, DetailView):
    def get_queryset(self) -> QuerySet[Trial]:
        return Trial.objects.published().for_detail()

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        sites = []
        for country, group in groupby(self.object.locations.all(), key=lambda location: location.country):
            locations = list(group)
            cities = []
            for city, in_city in groupby(locations, key=lambda location: location.city):
                cities.append({"city": city, "locations": list(in_city)})
            sites.append(
                {
                    "country": country,
                    "locations": locations,
                    "cities": cities,
                    "recruiting": sum(location.is_recruiting for location in locations),
                }
            )
        site_total = sum(len(group["locations"]) for group in sites)
        recruiting_total = sum(group["recruiting"] for group in sites)
        trial = self.object
        precheck_form, answers = self.precheck()
        who = {
            "age": display.age_range_text(trial.minimum_age, trial.maximum_age),
            "sex": display.sex_text(trial.sex),
            "healthy": display.healthy_volunteers_text(trial.healthy_volunteers),
        }
        who["parts"] = [part for part in who.values() if part]
        return super().get_context_data(
            precheck_form=precheck_form,
            verdict=assess(trial, answers) if answers is not None else None,
            querystring="",
            who=who,
            inclusion_html=render_markdown(trial.inclusion_criteria) if trial.inclusion_criteria else "",
            exclusion_html=render_markdown(trial.exclusion_criteria) if trial.exclusion_criteria else "",
            secondary_outcomes=trial.secondary_outcomes[:SECONDARY_SHOWN],
            secondary_more=max(0, len(trial.secondary_outcomes) - SECONDARY_SHOWN),
            site_contacts=any(location.contacts for group in sites for location in group["locations"]),
            sites_by_country=sites,
            site_total=site_total,
            recruiting_total=recruiting_total,
            timeline=list(self.object.changes.all()),
            **kwargs,
        )
