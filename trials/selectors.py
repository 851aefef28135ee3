"""The trial finder's reads: filtered trials and the counts behind each filter option.

Counts are faceted: each option's number is how many trials you would see if you picked it with
the other filters kept. One aggregate query per filter, whatever the number of trials.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from .choices import MS_ANY, OPEN_STATUSES, CarTTarget, ConditionGroup, Phase, RecruitmentStatus, SponsorType
from .forms import ALL, OPEN, TrialFilterForm
from .models import Location, Trial, TrialQuerySet, condition_group_q, phase_q


@dataclass
class FacetOption:
    value: str
    label: str
    count: int | None
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)
    error: str = ""


def trials_filtered(filters: Mapping[str, str], *, skip: str = "") -> TrialQuerySet:
    """Published trials matching `filters` (all but `skip`), newest registry update first."""
    queryset = Trial.objects.published()
    status = filters.get("status", OPEN) if skip != "status" else ALL
    if status == OPEN:
        queryset = queryset.open_to_new_participants()
    elif status != ALL:
        queryset = queryset.filter(overall_status=status)
    if filters.get("phase") and skip != "phase":
        queryset = queryset.with_phase(filters["phase"])
    if filters.get("target") and skip != "target":
        queryset = queryset.filter(car_t_target=filters["target"])
    if filters.get("condition") and skip != "condition":
        queryset = queryset.in_condition_group(filters["condition"])
    if filters.get("country") and skip != "country":
        queryset = queryset.in_country(filters["country"])
    if filters.get("sponsor") and skip != "sponsor":
        queryset = queryset.filter(sponsor_type=filters["sponsor"])
    return queryset.order_by(F("last_update_posted").desc(nulls_last=True), "-pk")


def _grouped(queryset: TrialQuerySet, column: str) -> dict[str, int]:
    rows = queryset.order_by().values(column).annotate(n=Count("pk")).values_list(column, "n")
    return dict(rows)


def _any_option(label, counts: Mapping[str, int], selected: str) -> FacetOption:
    return FacetOption("", str(label), sum(counts.values()), selected == "")


def trial_facets(filters: Mapping[str, str]) -> list[Facet]:
    """Every filter with its options and counts (6 queries)."""
    form_fields = TrialFilterForm.base_fields
    facets = []

    status_counts = _grouped(trials_filtered(filters, skip="status"), "overall_status")
    selected = filters.get("status", OPEN)
    status = Facet("status", str(form_fields["status"].label))
    status.options.append(
        FacetOption(OPEN, str(_("Open to new participants")), sum(status_counts.get(s, 0) for s in OPEN_STATUSES))
    )
    status.options.append(FacetOption(ALL, str(_("Any status")), sum(status_counts.values())))
    status.options += [
        FacetOption(value, str(label), status_counts.get(value, 0))
        for value, label in RecruitmentStatus.choices
        if status_counts.get(value) or value == selected
    ]
    facets.append(status)

    phase_counts = trials_filtered(filters, skip="phase").aggregate(
        __all__=Count("pk"), **{code: Count("pk", filter=phase_q(code)) for code in Phase.values}
    )
    phase = Facet("phase", str(form_fields["phase"].label))
    phase.options.append(FacetOption("", str(_("Any phase")), phase_counts.pop("__all__")))
    phase.options += [FacetOption(value, str(label), phase_counts[value]) for value, label in Phase.choices]
    facets.append(phase)

    target_counts = _grouped(trials_filtered(filters, skip="target"), "car_t_target")
    target = Facet("target", str(form_fields["target"].label))
    target.options.append(_any_option(_("Any target"), target_counts, ""))
    target.options += [FacetOption(v, str(label), target_counts.get(v, 0)) for v, label in CarTTarget.choices]
    facets.append(target)

    condition_codes = [MS_ANY, *ConditionGroup.values]
    condition_counts = trials_filtered(filters, skip="condition").aggregate(
        __all__=Count("pk"), **{code: Count("pk", filter=condition_group_q(code)) for code in condition_codes}
    )
    labels = {MS_ANY: _("MS (any type)"), **dict(ConditionGroup.choices)}
    condition = Facet("condition", str(form_fields["condition"].label))
    condition.options.append(FacetOption("", str(_("Any condition")), condition_counts.pop("__all__")))
    condition.options += [FacetOption(code, str(labels[code]), condition_counts[code]) for code in condition_codes]
    facets.append(condition)

    country_rows = (
        Location.objects.filter(trial__in=trials_filtered(filters, skip="country").order_by().values("pk"))
        .exclude(country="")
        .values("country")
        .annotate(n=Count("trial_id", distinct=True))
        .order_by("country")
        .values_list("country", "n")
    )
    country = Facet("country", str(form_fields["country"].label))
    country_counts = dict(country_rows)
    country.options.append(FacetOption("", str(_("Any country")), None))
    country.options += [FacetOption(name, name, n) for name, n in country_counts.items()]
    chosen_country = filters.get("country", "")
    if chosen_country and chosen_country not in country_counts:
        country.options.append(FacetOption(chosen_country, chosen_country, 0))
    facets.append(country)

    sponsor_counts = _grouped(trials_filtered(filters, skip="sponsor"), "sponsor_type")
    sponsor = Facet("sponsor", str(form_fields["sponsor"].label))
    sponsor.options.append(_any_option(_("Any sponsor"), sponsor_counts, ""))
    sponsor.options += [FacetOption(v, str(label), sponsor_counts.get(v, 0)) for v, label in SponsorType.choices]
    facets.append(sponsor)

    for facet in facets:
        chosen = filters.get(facet.name, OPEN if facet.name == "status" else "")
        for option in facet.options:
            option.selected = option.value == chosen
    return facets
