"""The finder starts with MS, says how fresh each status is, and finds trials near a place (issue 11)."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.content.cache import bump_content_generation
from portal.content.models import Status
from tests.factories import LocationFactory, TrialFactory
from tests.trials.test_reader_facts import RECORDS_DIR
from trials import geo
from trials.imports import trials_import_files
from trials.models import Location, Trial
from trials.registry.parse import parse_study
from trials.selectors import near_trial_distances
from trials.sync import trial_import

pytestmark = pytest.mark.django_db

BERLIN = (52.52437, 13.41053)
POTSDAM = (52.39886, 13.06566)  # about 27 km from Berlin
HAMBURG = (53.55073, 9.99302)  # about 255 km
MUNICH = (48.13743, 11.57549)  # about 505 km


def import_real(nct_id: str) -> Trial:
    """Import the saved record as the import command does (so the file's digest is kept), then publish."""
    report = trials_import_files(paths=[RECORDS_DIR / f"{nct_id}.json"])
    assert report.ok, report.failures
    Trial.objects.filter(nct_id=nct_id).update(status=Status.PUBLISHED, published_at=timezone.now())
    return Trial.objects.get(nct_id=nct_id)


def titles(response) -> list[str]:
    return [trial.title for trial in response.context["object_list"]]


def nct_ids(response) -> list[str]:
    return [trial.nct_id for trial in response.context["object_list"]]


def option_counts(response, name: str) -> dict[str, int | None]:
    facet = next(facet for facet in response.context["facets"] if facet.name == name)
    return {option.value: option.count for option in facet.options}


@pytest.fixture
def real_trials():
    return [import_real(n) for n in ("NCT06193889", "NCT06220201", "NCT06451159", "NCT07403188")]


# ---------------------------------------------------------------------------------------------
# MS first


def test_default_finder_opens_with_ms_and_labels_other_conditions(client, real_trials) -> None:
    response = client.get(reverse("trials:list"))
    # Open to new participants: the KYV-101 follow-up (MS among others) and KYSA-6 (myasthenia gravis).
    assert nct_ids(response) == ["NCT07403188", "NCT06193889"]
    sections = response.context["sections"]
    assert [(s["is_ms"], [t.nct_id for t in s["items"]]) for s in sections] == [
        (True, ["NCT07403188"]),
        (False, ["NCT06193889"]),
    ]
    html = response.content.decode()
    assert html.index("Trials in multiple sclerosis") < html.index("Related research in other autoimmune conditions")
    assert (response.context["ms_count"], response.context["other_count"]) == (1, 1)


def test_any_status_keeps_ms_first_and_open_before_closed(client, real_trials) -> None:
    response = client.get(reverse("trials:list"), {"status": "all"})
    ids = nct_ids(response)
    assert ids[0] == "NCT07403188"  # MS and open
    assert set(ids[1:3]) == {"NCT06220201", "NCT06451159"}  # MS, active but not recruiting
    assert ids[3] == "NCT06193889"  # myasthenia gravis only: last, in the second section
    assert (response.context["ms_count"], response.context["other_count"]) == (3, 1)


def test_condition_counts_include_every_group_of_a_trial(client, real_trials) -> None:
    counts = option_counts(client.get(reverse("trials:list"), {"status": "all"}), "condition")
    assert counts["ms_relapsing"] == 1  # Breakfree-2
    assert counts["ms_progressive"] == 2  # Breakfree-2, KYV-101 in progressive MS
    assert counts["ms_any"] == 3
    assert counts["myasthenia_gravis"] == 3  # KYSA-6, Breakfree-2, the follow-up study
    filtered = client.get(reverse("trials:list"), {"status": "all", "condition": "ms_relapsing"})
    assert nct_ids(filtered) == ["NCT06220201"]


def test_a_condition_filter_counts_ms_within_the_results(client, real_trials) -> None:
    response = client.get(reverse("trials:list"), {"status": "all", "condition": "myasthenia_gravis"})
    assert nct_ids(response)[-1] == "NCT06193889"
    assert (response.context["ms_count"], response.context["other_count"]) == (2, 1)


def test_fresh_before_stale_within_open_ms_trials(client) -> None:
    now = timezone.now()
    TrialFactory(
        title="Stale",
        condition_groups=["ms_relapsing"],
        registry_hash="x",
        last_checked_at=now - datetime.timedelta(days=45),
        last_update_posted=datetime.date(2026, 11, 1),
    )
    TrialFactory(
        title="Fresh",
        condition_groups=["ms"],
        registry_hash="y",
        last_checked_at=now - datetime.timedelta(days=2),
        last_update_posted=datetime.date(2025, 1, 1),
    )
    TrialFactory(title="Other disease, fresh", condition_groups=["lupus"], registry_hash="z", last_checked_at=now)
    assert titles(client.get(reverse("trials:list"))) == ["Fresh", "Stale", "Other disease, fresh"]


def test_sort_newest_uses_first_posting_within_each_section(client) -> None:
    TrialFactory(title="Old MS", condition_groups=["ms"], first_posted=datetime.date(2020, 1, 1))
    TrialFactory(title="New MS", condition_groups=["ms"], first_posted=datetime.date(2026, 1, 1))
    TrialFactory(title="Newest lupus", condition_groups=["lupus"], first_posted=datetime.date(2026, 6, 1))
    assert titles(client.get(reverse("trials:list"), {"sort": "newest"})) == ["New MS", "Old MS", "Newest lupus"]


def test_home_page_shows_ms_trials_first_and_labels_the_others(client) -> None:
    TrialFactory(title="Lupus trial", condition_groups=["lupus"], last_update_posted=datetime.date(2026, 11, 1))
    TrialFactory(title="MS trial", condition_groups=["ms_progressive"], last_update_posted=datetime.date(2024, 1, 1))
    html = client.get(reverse("home")).content.decode()
    assert html.index("MS trial") < html.index("Related research in other autoimmune conditions")
    assert html.index("Related research in other autoimmune conditions") < html.index("Lupus trial")


# ---------------------------------------------------------------------------------------------
# Honest freshness


def test_editor_entered_facts_are_never_shown_as_a_current_status(client) -> None:
    trial = TrialFactory(title="Typed in", condition_groups=["ms"], created_at=timezone.now())
    entered = timezone.localdate(trial.created_at).strftime("%-d %b %Y")
    html = client.get(reverse("trials:list")).content.decode()
    assert f"Recruiting (as of {entered}, unconfirmed)" in html
    assert "badge--recruiting" not in html
    page = client.get(trial.get_absolute_url()).content.decode()
    assert f"Facts entered by our editors on {entered}; not yet checked against the registry" in page
    assert "badge--recruiting" not in page
    assert "No changes to the status" not in page


def test_a_checked_status_carries_its_date(client) -> None:
    trial = import_real("NCT07403188")
    html = client.get(reverse("trials:list")).content.decode()
    # A file import: the facts are as of the record's version date, not of the reading.
    assert "Recruiting · confirmed" in html and "14 Sep 2026" in html
    page = client.get(trial.get_absolute_url()).content.decode()
    assert "Registry facts as of" in page and "14 Sep 2026" in page


def test_a_stale_check_says_so_and_loses_the_green_badge(client, settings) -> None:
    TrialFactory(registry_hash="x", last_checked_at=timezone.now() - datetime.timedelta(days=40))
    html = client.get(reverse("trials:list")).content.decode()
    assert "Not confirmed by the registry for 40 days: the status may have changed." in html
    assert "badge--recruiting" not in html and "badge--stale" in html
    settings.TRIALS_STALE_AFTER_DAYS = 60
    html = client.get(reverse("trials:list")).content.decode()
    assert "Not confirmed by the registry" not in html and "badge--recruiting" in html


def test_no_changes_since_only_after_two_checks(client) -> None:
    trial = import_real("NCT06451159")
    page = client.get(trial.get_absolute_url()).content.decode()
    assert "No changes to the status" not in page
    assert "has read this record once so far" in page
    data = json.loads((RECORDS_DIR / "NCT06451159.json").read_text(encoding="utf-8"))
    trial_import(parsed=parse_study(data))  # unchanged: a second check
    page = client.get(trial.get_absolute_url()).content.decode()
    assert "No changes to the status, phase, size, dates or sites in 2 checks" in page


def test_updated_means_a_reader_visible_change_not_a_resave(client) -> None:
    trial = TrialFactory(summary="First text.")
    assert trial.text_changed_at is None
    trial.save()
    trial.refresh_from_db()
    assert trial.text_changed_at is None and trial.reader_updated_at == trial.published_at
    trial.summary = "Edited text."
    trial.save()
    trial.refresh_from_db()
    assert trial.text_changed_at is not None and trial.reader_updated_at == trial.text_changed_at


def test_a_registry_change_is_a_reader_update_and_a_same_facts_reimport_is_not() -> None:
    trial = import_real("NCT06451159")
    assert trial.registry_changed_at is None
    data = json.loads((RECORDS_DIR / "NCT06451159.json").read_text(encoding="utf-8"))
    trial_import(parsed=parse_study(data))
    trial.refresh_from_db()
    assert trial.registry_changed_at is None and trial.check_count == 2
    data["protocolSection"]["statusModule"]["overallStatus"] = "COMPLETED"
    trial_import(parsed=parse_study(data))
    trial.refresh_from_db()
    assert trial.registry_changed_at is not None and trial.check_count == 3


# ---------------------------------------------------------------------------------------------
# The trial page: everything a reader needs to act


def test_breakfree_2_page_has_who_can_and_cannot_take_part_contacts_and_sites(client) -> None:
    trial = import_real("NCT06220201")
    page = client.get(trial.get_absolute_url()).content.decode()
    for text in (
        "Who can take part",
        "Who cannot take part",
        "Aged 18 to 60 years",
        "Healthy volunteers cannot take part",
        "This portal is not the trial team",
        "The registry lists no central contact",
        "The registry lists 34 sites",
        "What each group receives",
        "What the trial measures",
        "Participants are not put into groups at random",
        "open label",
    ):
        assert text in page, text
    assert "Active, not recruiting" in page


def test_kysa_6_page_lists_central_and_site_contacts(client) -> None:
    trial = import_real("NCT06193889")
    page = client.get(trial.get_absolute_url()).content.decode()
    assert "Clinicaltrials@kyvernatx.com" in page and 'href="tel:510-925-2484"' in page
    assert "Site contact: Study Coordinator" in page
    assert "The registry lists 22 sites; 22 recruiting" in page


# ---------------------------------------------------------------------------------------------
# Trials near me


def site(trial: Trial, point: tuple[float, float], status: str = "RECRUITING", city: str = "X") -> Location:
    return LocationFactory(trial=trial, latitude=point[0], longitude=point[1], status=status, city=city)


@pytest.fixture
def near_trials():
    potsdam = TrialFactory(title="Potsdam trial", condition_groups=["ms"])
    site(potsdam, POTSDAM, city="Potsdam")
    hamburg = TrialFactory(title="Hamburg trial", condition_groups=["ms"])
    site(hamburg, HAMBURG, city="Hamburg")
    site(hamburg, MUNICH, city="München")
    closed = TrialFactory(title="Potsdam site not recruiting", condition_groups=["ms"])
    site(closed, POTSDAM, status="COMPLETED")
    lupus = TrialFactory(title="Lupus in Potsdam", condition_groups=["lupus"])
    site(lupus, POTSDAM)
    return potsdam, hamburg


def test_near_a_place_shows_only_trials_with_a_recruiting_site_within_the_distance(client, near_trials) -> None:
    response = client.get(reverse("trials:list"), {"place": "Berlin", "distance": "50"})
    assert titles(response) == ["Potsdam trial", "Lupus in Potsdam"]
    html = response.content.decode()
    assert "Nearest recruiting site: 27 km away" in html
    assert "within 50 km of Berlin, Germany" in html


def test_nearest_first_with_distance_in_miles(client, near_trials) -> None:
    response = client.get(reverse("trials:list"), {"place": "berlin", "distance": "300", "unit": "mi"})
    assert titles(response) == ["Potsdam trial", "Hamburg trial", "Lupus in Potsdam"]
    assert "Nearest recruiting site: 159 miles away" in response.content.decode()
    assert response.context["sort"] == "nearest"


def test_near_counts_stay_within_the_distance(client, near_trials) -> None:
    response = client.get(reverse("trials:list"), {"place": "Berlin", "distance": "50"})
    assert option_counts(response, "condition")["ms_any"] == 1
    assert option_counts(response, "condition")["lupus"] == 1


def test_database_distances_are_the_haversine_distances() -> None:
    """The distance query (unit-sphere chords in SQL) gives each trial's nearest recruiting site,
    at the haversine distance, also across the 180° meridian; a site just inside the radius counts."""
    fiji = TrialFactory(title="Suva", condition_groups=["ms"])
    site(fiji, (-18.14, 178.44))
    samoa = TrialFactory(title="Apia", condition_groups=["ms"])
    site(samoa, (-13.83, -171.76))
    potsdam = TrialFactory(title="Potsdam", condition_groups=["ms"])
    site(potsdam, POTSDAM)
    site(potsdam, HAMBURG)
    site(potsdam, (52.52, 13.40), status="COMPLETED")  # in Berlin, but not recruiting
    berlin = (52.52, 13.40)
    to_potsdam = geo.haversine_km(*berlin, *POTSDAM)
    found = near_trial_distances(*berlin, to_potsdam + 1e-6)
    assert found == {potsdam.pk: pytest.approx(to_potsdam, abs=1e-9)}
    assert near_trial_distances(*berlin, to_potsdam - 1e-3) == {}
    apia = near_trial_distances(-18.14, 178.44, 1500)  # from Suva, over the date line
    assert set(apia) == {fiji.pk, samoa.pk}
    assert apia[samoa.pk] == pytest.approx(geo.haversine_km(-18.14, 178.44, -13.83, -171.76), abs=1e-9)
    for lat1, lon1, lat2, lon2 in [(0, 0, 0, 180), (89.9, 10, -89.9, -170), (51.5, -0.13, 51.5001, -0.1301)]:
        x1, x2 = geo.unit_point(lat1, lon1), geo.unit_point(lat2, lon2)
        chord = sum((a - b) ** 2 for a, b in zip(x1, x2, strict=True))
        assert geo.chord_to_km(chord) == pytest.approx(geo.haversine_km(lat1, lon1, lat2, lon2), rel=1e-9, abs=1e-9)
        assert geo.km_to_chord(geo.chord_to_km(chord)) == pytest.approx(chord, rel=1e-9, abs=1e-15)


def test_cached_filter_counts_follow_content_changes(client, django_capture_on_commit_callbacks) -> None:
    """Counts are cached under the content generation: the next change (here a new published trial) is counted."""
    TrialFactory(condition_groups=["ms"])
    assert option_counts(client.get(reverse("trials:list")), "condition")["ms_any"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        TrialFactory(condition_groups=["ms"])
    response = client.get(reverse("trials:list"))
    assert option_counts(response, "condition")["ms_any"] == 2
    assert len(titles(response)) == 2


def test_filter_counts_without_the_shared_cache(client, monkeypatch) -> None:
    """A cache that is down means counting every time, never a failed page."""
    TrialFactory(condition_groups=["ms"])

    def down(*keys):
        raise ConnectionError("cache down")

    monkeypatch.setattr("portal.content.cache.content_generation_with", down)
    response = client.get(reverse("trials:list"))
    assert response.status_code == 200
    assert option_counts(response, "condition")["ms_any"] == 1


def test_coordinates_from_use_my_location(client, near_trials) -> None:
    response = client.get(reverse("trials:list"), {"lat": "52.52", "lon": "13.40", "distance": "50"})
    assert titles(response) == ["Potsdam trial", "Lupus in Potsdam"]
    assert "your location" in response.content.decode()


def test_an_exonym_finds_the_city(client, near_trials) -> None:
    response = client.get(reverse("trials:list"), {"place": "Munich", "distance": "50"})
    assert titles(response) == ["Hamburg trial"]


def test_an_unknown_place_keeps_the_other_filters_and_suggests(client, near_trials) -> None:
    response = client.get(reverse("trials:list"), {"place": "Berli", "phase": "PHASE1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "We could not find a place called “Berli”" in html
    assert "Berlin, Germany" in html  # a suggestion
    assert len(titles(response)) == 4  # not filtered by distance, phase kept
    assert response.context["filters"]["phase"] == "PHASE1"


def test_sort_nearest_without_a_place_explains_and_falls_back(client, near_trials) -> None:
    response = client.get(reverse("trials:list"), {"sort": "nearest"})
    assert response.status_code == 200
    assert "Choose a place to sort by the nearest site." in response.content.decode()
    assert response.context["sort"] == "relevant"


def many_trials(n_trials: int, n_sites: int) -> None:
    trials = Trial.objects.bulk_create(
        [
            Trial(
                title=f"Bulk {i}",
                slug=f"bulk-{i}",
                nct_id=f"NCT{80000000 + i:08d}",
                status=Status.PUBLISHED,
                published_at=timezone.now(),
                overall_status="RECRUITING",
                condition_groups=["ms"] if i % 2 else ["lupus"],
                phases=["PHASE1"],
            )
            for i in range(n_trials)
        ]
    )
    Location.objects.bulk_create(
        [
            Location(
                trial=trials[i % n_trials],
                key=f"site {i}",
                facility=f"Site {i}",
                city="Potsdam",
                country="Germany",
                status="RECRUITING",
                latitude=POTSDAM[0] + (i % 100) * 0.01,
                longitude=POTSDAM[1] + (i % 50) * 0.01,
            )
            for i in range(n_sites)
        ],
        batch_size=2000,
    )


@pytest.mark.parametrize(("n_trials", "n_sites"), [(10, 20), (1000, 10000)])
@pytest.mark.parametrize(
    "params",
    [{}, {"place": "Berlin", "distance": "100"}, {"place": "Berlin", "sort": "relevant"}, {"country": "Germany"}],
)
def test_finder_query_count_is_constant(client, django_assert_num_queries, n_trials, n_sites, params) -> None:
    many_trials(n_trials, n_sites)
    client.get(reverse("trials:list"), params)  # warm the gazetteer and the session
    near = 1 if "place" in params else 0  # one distance query near a place
    # Nearest first (a place without another sort) lists the ids in one query, then reads the page.
    nearest = 1 if near and "sort" not in params else 0
    ids = 0 if nearest else 1  # other orders page through ids first (IdPaginator), then read the page
    # Cached filter counts (same content generation): page rows and tag links (the total comes
    # from the status counts).
    with django_assert_num_queries(2 + near + nearest + ids):
        client.get(reverse("trials:list"), params)
    # After a content change: the same plus the six facet aggregates.
    bump_content_generation()
    with django_assert_num_queries(8 + near + nearest + ids):
        response = client.get(reverse("trials:list"), params)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == min(20, n_trials)
