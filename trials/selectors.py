"""The trial finder's reads: filtered trials and the counts behind each filter option.

Counts are faceted: each option's number is how many trials you would see if you picked it with
the other filters kept. One aggregate query per filter, whatever the number of trials.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection, models
from django.db.models import Count, F, Min, Q, Value
from django.utils.translation import gettext_lazy as _

from portal.content.cache import cached_for_generation

from . import geo
from .choices import MS_ANY, OPEN_STATUSES, CarTTarget, ConditionGroup, Phase, RecruitmentStatus, SponsorType
from .forms import ALL, FILTER_NAMES, OPEN, TrialFilterForm
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
    ms_count: int = 0
    other_count: int = 0


def near_trial_distances(lat: float, lon: float, radius_km: float) -> dict[int, float]:
    """trial id -> km to its nearest recruiting site within `radius_km` (one query, any number of sites).

    The bounding box runs in SQL on the indexed columns; inside it the database measures the squared
    chord from each site's stored unit-sphere point and keeps each trial's smallest, so one row per
    trial comes back (not one per site), turned into kilometres here.
    """
    min_lat, max_lat, lon_ranges = geo.bounding_box(lat, lon, radius_km)
    in_lon = Q()
    for west, east in lon_ranges:
        in_lon |= Q(longitude__gte=west, longitude__lte=east)
    x, y, z = geo.unit_point(lat, lon)
    dx, dy, dz = F("geo_x") - Value(x), F("geo_y") - Value(y), F("geo_z") - Value(z)
    # A hair above the exact chord, so rounding never drops a site on the edge; `geo.nearest` checks.
    within = geo.km_to_chord(radius_km) * (1 + 1e-9) + 1e-15
    rows = (
        Location.objects.filter(status=RecruitmentStatus.RECRUITING, latitude__gte=min_lat, latitude__lte=max_lat)
        .filter(in_lon)
        .order_by()
        .values("trial_id")
        .annotate(chord=Min(dx * dx + dy * dy + dz * dz))
        .filter(chord__lte=within)
        .values_list("trial_id", "chord")
    )
    return geo.nearest(rows, radius_km)


def trials_filtered(
    filters: Mapping[str, str], *, skip: str = "", near: Collection[int] | None = None
) -> TrialQuerySet:
    """Published trials matching `filters` (all but `skip`), newest registry update first.

    `near` (trial ids from `near_trial_distances`) keeps only trials with a recruiting site
    within the chosen distance; it applies to every facet's counts too.
    """
    queryset = Trial.objects.published()
    if near is not None:
        queryset = queryset.filter(pk__in=list(near))
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
    return queryset.order_by(models.F("last_update_posted").desc(nulls_last=True), "-pk")


def _grouped(queryset: TrialQuerySet, column: str) -> dict[str, int]:
    rows = queryset.order_by().values(column).annotate(n=Count("pk")).values_list(column, "n")
    return dict(rows)


def _country_counts(trials: TrialQuerySet) -> dict[str, int]:
    """Trials among `trials` with a site in each country, by country name (one query).

    The (country, trial) pairs are grouped first, straight from the covering index
    `location_country_trial_idx` in its order, and only then kept if their trial is among
    `trials`: about 3 times faster with 50,000 sites on SQLite than keeping the sites of `trials`
    first and then making them distinct (which sorted them), and 5 times faster than
    COUNT(DISTINCT) per country. Raw SQL, as the ORM cannot group a grouped subquery again.
    """
    try:
        trial_sql, params = trials.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # e.g. no trial near the chosen place
        return {}
    table = connection.ops.quote_name(Location._meta.db_table)
    sql = (
        f"SELECT pairs.country, COUNT(*) FROM (SELECT country, trial_id FROM {table} WHERE country <> ''"
        f" GROUP BY country, trial_id) pairs WHERE pairs.trial_id IN ({trial_sql})"
        " GROUP BY pairs.country"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(sorted(cursor.fetchall()))  # By name in Python: the same order whatever the collation.


def _any_option(label, counts: Mapping[str, int], selected: str) -> FacetOption:
    return FacetOption("", str(label), sum(counts.values()), selected == "")


FACET_CACHE_SECONDS = 60 * 60 * 24


def facet_counts(filters: Mapping[str, str], near: Collection[int] | None = None) -> dict[str, dict[str, int]]:
    """The counts behind every filter option (`_facet_counts`), cached under the content generation.

    Counts depend only on published trials and their sites, and every change to those bumps the
    content generation (`portal.content.cache`), so an entry is used only while its generation is
    current: never stale, like the page cache. The generation is read before counting, so counts
    taken from data older than a change carry a generation that change has already retired. The
    key is the filters and the set of nearby trials; a cache that is down just means counting.
    """
    chosen = {name: filters[name] for name in sorted(FILTER_NAMES) if filters.get(name)}
    digest = hashlib.blake2b(
        json.dumps([chosen, sorted(near) if near is not None else None]).encode(), digest_size=16
    ).hexdigest()
    return cached_for_generation(
        f"trials:facets:{digest}", lambda: _facet_counts(filters, near), timeout=FACET_CACHE_SECONDS
    )


def _facet_counts(filters: Mapping[str, str], near: Collection[int] | None) -> dict[str, dict[str, int]]:
    """Plain counts per filter (6 queries): each option's number of trials with the other filters kept."""

    def filtered(filters: Mapping[str, str], *, skip: str) -> TrialQuerySet:
        return trials_filtered(filters, skip=skip, near=near)  # Every count stays within `near`.

    chosen_condition = filters.get("condition")
    in_results = condition_group_q(chosen_condition) if chosen_condition else Q()
    condition_codes = [MS_ANY, *ConditionGroup.values]
    return {
        "status": _grouped(filtered(filters, skip="status"), "overall_status"),
        "phase": filtered(filters, skip="phase").aggregate(
            __all__=Count("pk"), **{code: Count("pk", filter=phase_q(code)) for code in Phase.values}
        ),
        "target": _grouped(filtered(filters, skip="target"), "car_t_target"),
        "condition": filtered(filters, skip="condition").aggregate(
            __all__=Count("pk"),
            __ms__=Count("pk", filter=in_results & condition_group_q(MS_ANY)),
            __results__=Count("pk", filter=in_results) if chosen_condition else Count("pk"),
            **{code: Count("pk", filter=condition_group_q(code)) for code in condition_codes},
        ),
        "country": _country_counts(filtered(filters, skip="country")),
        "sponsor": _grouped(filtered(filters, skip="sponsor"), "sponsor_type"),
    }


def trial_facets(filters: Mapping[str, str], near: Collection[int] | None = None) -> list[Facet]:
    """Every filter with its options and counts (`facet_counts`: 6 queries, none when cached).

    The condition facet also carries the number of MS trials among the results (`ms_count` on the
    returned condition facet), for the page's two sections.
    """
    counts = facet_counts(filters, near)
    form_fields = TrialFilterForm.base_fields
    facets = []

    status_counts = counts["status"]
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

    phase_counts = counts["phase"]
    phase = Facet("phase", str(form_fields["phase"].label))
    phase.options.append(FacetOption("", str(_("Any phase")), phase_counts["__all__"]))
    phase.options += [FacetOption(value, str(label), phase_counts[value]) for value, label in Phase.choices]
    facets.append(phase)

    target_counts = counts["target"]
    target = Facet("target", str(form_fields["target"].label))
    target.options.append(_any_option(_("Any target"), target_counts, ""))
    target.options += [FacetOption(v, str(label), target_counts.get(v, 0)) for v, label in CarTTarget.choices]
    facets.append(target)

    condition_codes = [MS_ANY, *ConditionGroup.values]
    condition_counts = counts["condition"]
    labels = {MS_ANY: _("MS (any type)"), **dict(ConditionGroup.choices)}
    condition = Facet("condition", str(form_fields["condition"].label))
    condition.ms_count = condition_counts["__ms__"]
    condition.other_count = condition_counts["__results__"] - condition.ms_count
    condition.options.append(FacetOption("", str(_("Any condition")), condition_counts["__all__"]))
    condition.options += [FacetOption(code, str(labels[code]), condition_counts[code]) for code in condition_codes]
    facets.append(condition)

    country = Facet("country", str(form_fields["country"].label))
    country_counts = counts["country"]
    country.options.append(FacetOption("", str(_("Any country")), None))
    country.options += [FacetOption(name, name, n) for name, n in country_counts.items()]
    chosen_country = filters.get("country", "")
    if chosen_country and chosen_country not in country_counts:
        country.options.append(FacetOption(chosen_country, chosen_country, 0))
    facets.append(country)

    sponsor_counts = counts["sponsor"]
    sponsor = Facet("sponsor", str(form_fields["sponsor"].label))
    sponsor.options.append(_any_option(_("Any sponsor"), sponsor_counts, ""))
    sponsor.options += [FacetOption(v, str(label), sponsor_counts.get(v, 0)) for v, label in SponsorType.choices]
    facets.append(sponsor)

    for facet in facets:
        chosen = filters.get(facet.name, OPEN if facet.name == "status" else "")
        for option in facet.options:
            option.selected = option.value == chosen
    return facets
