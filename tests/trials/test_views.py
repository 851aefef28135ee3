"""The trial finder (/trials/) and the trial page."""

from __future__ import annotations

import datetime

import pytest
from django.urls import resolve, reverse

from portal.content.models import Status
from tests.factories import LocationFactory, TrialFactory, publish
from tests.trials.helpers import study
from trials.models import Trial
from trials.registry.parse import parse_study
from trials.sync import trial_import

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [trial.title for trial in response.context["object_list"]]


def options(response, name: str) -> dict[str, int | None]:
    facet = next(facet for facet in response.context["facets"] if facet.name == name)
    return {option.value: option.count for option in facet.options}


def test_urls_resolve() -> None:
    assert resolve("/trials/").view_name == "trials:list"
    assert reverse("trials:detail", kwargs={"slug": "nct01234567-x"}) == "/trials/nct01234567-x/"


def test_finder_shows_open_trials_by_default_with_a_link_to_all(client) -> None:
    TrialFactory(title="Recruiting", overall_status="RECRUITING")
    TrialFactory(title="By invitation", overall_status="ENROLLING_BY_INVITATION")
    TrialFactory(title="Completed", overall_status="COMPLETED")
    TrialFactory(title="Draft", overall_status="RECRUITING", status=Status.DRAFT)

    response = client.get(reverse("trials:list"))

    assert sorted(titles(response)) == ["By invitation", "Recruiting"]
    assert "status=all" in response.content.decode()
    assert sorted(titles(client.get(reverse("trials:list"), {"status": "all"}))) == [
        "By invitation",
        "Completed",
        "Recruiting",
    ]


def test_finder_is_sorted_by_last_registry_update(client) -> None:
    TrialFactory(title="Older", last_update_posted=datetime.date(2025, 1, 1))
    TrialFactory(title="Newer", last_update_posted=datetime.date(2026, 1, 1))
    TrialFactory(title="Never", last_update_posted=None)
    assert titles(client.get(reverse("trials:list"))) == ["Newer", "Older", "Never"]


def test_filters_combine_in_the_url(client) -> None:
    match = TrialFactory(
        title="Match", phases=["PHASE1", "PHASE2"], car_t_target="cd19", condition_groups=["ms_progressive"],
        sponsor_type="academic",
    )  # fmt: skip
    LocationFactory(trial=match, country="Germany")
    other_country = TrialFactory(title="France", phases=["PHASE2"], condition_groups=["ms_progressive"])
    LocationFactory(trial=other_country, country="France")
    TrialFactory(title="Lupus", phases=["PHASE2"], condition_groups=["lupus"], sponsor_type="academic")
    TrialFactory(title="Industry", phases=["PHASE2"], condition_groups=["ms"], sponsor_type="industry")

    query = {"phase": "PHASE2", "condition": "ms_any", "country": "Germany", "sponsor": "academic", "target": "cd19"}
    assert titles(client.get(reverse("trials:list"), query)) == ["Match"]
    any_ms = client.get(reverse("trials:list"), {"condition": "ms_any"})
    assert sorted(titles(any_ms)) == ["France", "Industry", "Match"]
    assert titles(client.get(reverse("trials:list"), {"condition": "lupus"})) == ["Lupus"]
    assert titles(client.get(reverse("trials:list"), {"sponsor": "industry"})) == ["Industry"]


def test_counts_per_option_leave_out_their_own_filter(client) -> None:
    TrialFactory(overall_status="RECRUITING", phases=["PHASE1"], condition_groups=["ms_relapsing"])
    TrialFactory(overall_status="RECRUITING", phases=["PHASE1", "PHASE2"], condition_groups=["lupus", "myositis"])
    TrialFactory(overall_status="COMPLETED", phases=["PHASE2"], condition_groups=["ms"])
    LocationFactory(trial=Trial.objects.first(), country="Germany")

    response = client.get(reverse("trials:list"), {"phase": "PHASE2"})

    status = options(response, "status")
    assert (status["open"], status["all"], status["COMPLETED"]) == (1, 2, 1)
    phase = options(response, "phase")  # Open trials only (the default status), whatever their phase.
    assert (phase["PHASE1"], phase["PHASE2"], phase["PHASE3"]) == (2, 1, 0)
    condition = options(response, "condition")
    assert (condition["ms_any"], condition["lupus"], condition["myositis"]) == (0, 1, 1)


def test_invalid_filter_is_reported_and_ignored(client) -> None:
    TrialFactory(title="Open")
    response = client.get(reverse("trials:list"), {"phase": "PHASE9"})
    assert titles(response) == ["Open"]
    html = response.content.decode()
    assert 'aria-describedby="error_phase"' in html and "PHASE9 is not one of the available choices" in html


@pytest.mark.parametrize("rows", [3, 30])
def test_finder_query_count_is_fixed(client, django_assert_num_queries, rows) -> None:
    for n in range(rows):
        trial = TrialFactory(tags=["ms", "car-t"], condition_groups=["ms"])
        LocationFactory(trial=trial, country=["Germany", "France", "Spain"][n % 3])
    # Page ids, rows (+ author), tag links, and one aggregate per filter (6), which also give the total.
    with django_assert_num_queries(9):
        response = client.get(reverse("trials:list"), {"country": "Germany", "phase": "PHASE1"})
    assert response.status_code == 200
    # Until the next content change the filter counts come from the cache.
    with django_assert_num_queries(3):
        client.get(reverse("trials:list"), {"country": "Germany", "phase": "PHASE1"})


def published_trial_with_history() -> Trial:
    trial_import(parsed=parse_study(study(status="NOT_YET_RECRUITING", last_update="2024-01-10")))
    sites = [
        {"facility": "Charité", "city": "Berlin", "country": "Germany", "status": "RECRUITING"},
        {"facility": "LMU", "city": "München", "country": "Germany"},
        {"facility": "UCSF", "city": "San Francisco", "country": "United States", "status": "RECRUITING"},
    ]
    trial_import(parsed=parse_study(study(status="RECRUITING", last_update="2024-03-12", locations=sites)))
    return publish(Trial.objects.get(), summary="Our summary first.")


def test_trial_page_shows_timeline_sites_eligibility_and_registry_link(client) -> None:
    trial = published_trial_with_history()

    response = client.get(trial.get_absolute_url())

    html = response.content.decode()
    assert html.index("Our summary first.") < html.index("Registry facts")
    assert "Started recruiting Mar 2024" in html
    assert "1 new site in Germany (Mar 2024)" in html
    assert f'href="https://clinicaltrials.gov/study/{trial.nct_id}"' in html
    assert "Last checked against the registry" in html
    assert "<li>Age &gt;= 18 years</li>" in html
    by_country = response.context["sites_by_country"]
    groups = {group["country"]: (len(group["locations"]), group["recruiting"]) for group in by_country}
    assert groups == {"Germany": (2, 1), "United States": (1, 1)}


def test_trial_page_query_count(client, django_assert_max_num_queries) -> None:
    trial = published_trial_with_history()
    client.get(trial.get_absolute_url())  # the first view renders and caches the glossary links once
    with django_assert_max_num_queries(6):
        client.get(trial.get_absolute_url())


def test_draft_trial_page_is_not_public(client) -> None:
    trial = TrialFactory(status=Status.DRAFT)
    assert client.get(trial.get_absolute_url()).status_code == 404
