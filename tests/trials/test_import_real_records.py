"""The importer over every real record in trials/fixtures/ctgov: stored facts checked against the JSON itself.

These fail, never skip, when a sample file is missing.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.trials.helpers import DATA_DIR
from trials.imports import trials_import_files
from trials.models import Trial
from trials.registry.parse import normalise_key
from trials.sync import Outcome

pytestmark = pytest.mark.django_db

RECORDS = sorted(path.name for path in DATA_DIR.glob("NCT*.json"))
LEGACY = [
    "NCT02513394.classic.xml",
    "NCT04780763.v1-FullStudiesResponse.json",
    "ctg_api_all.v1-StudyFieldsResponse.json",
]


def shared(name: str) -> Path:
    path = DATA_DIR / name
    if not path.is_file():
        pytest.fail(f"real ClinicalTrials.gov sample {path} is missing (trials/fixtures/ctgov in the repository)")
    return path


def test_every_expected_real_record_is_there() -> None:
    assert len(RECORDS) >= 12, f"expected the 12 real study records in {DATA_DIR}"


@pytest.mark.parametrize("name", RECORDS or ["missing"])
def test_real_record_is_imported_with_the_facts_in_its_json(name: str) -> None:
    path = shared(name)
    raw = json.loads(path.read_bytes().decode("utf-8-sig"))
    protocol = raw["protocolSection"]
    status = protocol["statusModule"]
    design = protocol.get("designModule", {})
    raw_locations = protocol.get("contactsLocationsModule", {}).get("locations", [])

    report = trials_import_files(paths=[path])

    assert [result.outcome for result in report.results] == [Outcome.CREATED]
    trial = Trial.objects.get(nct_id=protocol["identificationModule"]["nctId"])
    assert trial.title == protocol["identificationModule"]["briefTitle"][:255]
    assert trial.overall_status == status["overallStatus"]
    assert trial.last_known_status == status.get("lastKnownStatus", "")
    assert trial.phases == design.get("phases", [])
    assert trial.enrollment == design.get("enrollmentInfo", {}).get("count")
    assert (trial.start_date, trial.start_date_type) == (
        status["startDateStruct"]["date"],
        status["startDateStruct"].get("type", ""),
    )
    assert trial.last_update_posted == datetime.date.fromisoformat(status["lastUpdatePostDateStruct"]["date"])
    assert trial.sponsor == protocol["sponsorCollaboratorsModule"]["leadSponsor"]["name"]
    raw_keys = {
        normalise_key(loc.get("facility", ""), loc.get("city", ""), loc.get("country", "")) for loc in raw_locations
    }
    assert set(trial.locations.values_list("key", flat=True)) == raw_keys
    assert set(trial.locations.values_list("country", flat=True)) == {loc.get("country", "") for loc in raw_locations}
    criteria = protocol.get("eligibilityModule", {}).get("eligibilityCriteria")
    assert bool(trial.eligibility_criteria_html) == bool(criteria)


def test_real_records_reimport_unchanged() -> None:
    paths = [shared(name) for name in RECORDS]
    first = trials_import_files(paths=paths)
    second = trials_import_files(paths=paths)
    assert first.counts["created"] == len(RECORDS)
    assert second.counts["unchanged"] == len(RECORDS)


def test_real_large_record_keeps_its_437_sites_and_unicode() -> None:
    trials_import_files(paths=[shared("NCT02513394.json"), shared("NCT06193889.json")])
    assert Trial.objects.get(nct_id="NCT02513394").locations.count() == 437
    assert Trial.objects.get(nct_id="NCT06193889").locations.filter(city="São Paulo").exists()


def test_real_list_page_is_imported() -> None:
    report = trials_import_files(paths=[shared("list-page-1.json")])
    assert report.counts["created"] == 1
    assert Trial.objects.get().nct_id == "NCT06388018"


@pytest.mark.parametrize("name", LEGACY)
def test_real_legacy_files_are_rejected_and_nothing_is_imported(name: str) -> None:
    report = trials_import_files(paths=[shared(f"legacy/{name}")])
    (failure,) = report.failures
    assert "not supported" in failure.error or "not a ClinicalTrials.gov API v2 record" in failure.error
    assert not Trial.objects.exists()


def test_import_command_summary_and_exit_status(capsys) -> None:
    with pytest.raises(CommandError, match="1 failed"):
        call_command("import_trials", str(shared("NCT06451159.json")), str(shared("legacy/" + LEGACY[0])))
    out, err = capsys.readouterr()
    assert "created 1, updated 0, unchanged 0, failed 1" in out
    assert "classic XML is not supported" in err
    assert "[" in err and "2/2" in err  # The progress bar.
    assert Trial.objects.filter(nct_id="NCT06451159").exists()


def test_import_command_succeeds_when_everything_imported(capsys) -> None:
    call_command("import_trials", str(shared("NCT06451159.json")))
    call_command("import_trials", str(shared("NCT06451159.json")))
    assert "created 0, updated 0, unchanged 1, failed 0" in capsys.readouterr().out
