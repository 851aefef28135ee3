"""Demo trials with a saved registry record are created by the real importer (issue 11)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings

from portal.demo import data
from portal.demo.loader import RECORDS_DIR
from trials.models import Trial
from trials.registry.files import load_path
from trials.registry.parse import parse_study

FAST = ["django.contrib.auth.hashers.MD5PasswordHasher"]
FROM_RECORDS = [spec["nct_id"] for spec in data.TRIALS if (RECORDS_DIR / f"{spec['nct_id']}.json").is_file()]


@pytest.fixture
def demo(db):
    with override_settings(PASSWORD_HASHERS=FAST):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))


def test_the_records_cover_the_ms_demo_trials() -> None:
    assert {"NCT06451159", "NCT07006805", "NCT06193889", "NCT06220201"} <= set(FROM_RECORDS)


@pytest.mark.parametrize("nct_id", FROM_RECORDS)
def test_facts_sites_and_dates_are_exactly_the_records(demo, nct_id) -> None:
    (study,) = load_path(RECORDS_DIR / f"{nct_id}.json")
    parsed = parse_study(study)
    trial = Trial.objects.get(nct_id=nct_id)
    assert trial.registry_hash == parsed.content_hash and trial.source_hash
    assert trial.overall_status == parsed.overall_status
    assert trial.locations.count() == len(parsed.locations)
    assert trial.registry_version_date.isoformat() == parsed.version_date
    assert trial.summary and trial.what_it_means  # the editors' text was added
    assert trial.text_changed_at is None  # loading the demo is not an edit


def test_breakfree_2_page_says_facts_as_of_the_record(demo, client) -> None:
    trial = Trial.objects.get(nct_id="NCT06220201")
    assert trial.overall_status == "ACTIVE_NOT_RECRUITING"
    assert trial.condition_groups == ["ms_relapsing", "ms_progressive", "myasthenia_gravis"]
    html = client.get(trial.get_absolute_url()).content.decode()
    assert "Registry facts as of" in html and "14 Sep 2026" in html
    assert "Not yet checked against the registry" not in html
    assert "The registry lists 34 sites" in html


def test_typed_in_demo_trials_say_so(demo, client) -> None:
    typed = [spec for spec in data.TRIALS if spec["nct_id"] not in FROM_RECORDS and spec["workflow"] == "published"]
    if not typed:
        pytest.skip("every published demo trial has a record")
    trial = Trial.objects.get(nct_id=typed[0]["nct_id"])
    html = client.get(trial.get_absolute_url()).content.decode()
    assert "Facts entered by our editors on" in html and "not yet checked against the registry" in html
    assert "(as of" in html and "unconfirmed)" in html
    assert "badge--recruiting" not in html
