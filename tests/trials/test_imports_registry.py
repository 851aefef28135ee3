"""trials_sync and sync_trials against a fake registry (httpx.MockTransport): no network, no sleeping."""

from __future__ import annotations

import json

import httpx
import pytest
from django.core.management import CommandError, call_command

from portal.content.models import Status
from tests.factories import publish
from tests.trials.helpers import fake_client, registry, study
from trials import imports, sync
from trials.imports import trials_sync
from trials.models import ChangeField, Trial, TrialChange
from trials.registry.parse import parse_study
from trials.sync import Outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def use_registry(monkeypatch):
    """Make the services build a client over the given handler; returns the recorded sleeps."""
    sleeps: list[float] = []

    def install(handler):
        monkeypatch.setattr(imports, "ctgov_client", lambda: fake_client(handler, sleeps))
        return sleeps

    return install


def test_paging_imports_every_study_of_every_page(use_registry) -> None:
    seen_params = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen_params.append(dict(request.url.params))
        if "pageToken" not in request.url.params:
            first_page = {"studies": [study("NCT00000001"), study("NCT00000002")], "nextPageToken": "p2"}
            return httpx.Response(200, json=first_page)
        return httpx.Response(200, json={"studies": [study("NCT00000003")]})

    use_registry(handler)
    report = trials_sync(query="CAR T", cond="multiple sclerosis")

    assert report.counts["created"] == 3
    assert sorted(Trial.objects.values_list("nct_id", flat=True)) == ["NCT00000001", "NCT00000002", "NCT00000003"]
    assert seen_params[0]["query.term"] == "CAR T"
    assert seen_params[0]["query.cond"] == "multiple sclerosis"
    assert seen_params[1]["pageToken"] == "p2"


def test_a_500_then_success_is_retried(use_registry) -> None:
    answers = [httpx.Response(500), httpx.Response(200, content=json.dumps(study()).encode())]
    sleeps = use_registry(lambda request: answers.pop(0))

    report = trials_sync(nct_ids=["NCT01234567"])

    assert report.counts["created"] == 1
    assert 0.5 in sleeps  # Backed off (0.5 s, the first back-off step) before the second attempt.
    assert Trial.objects.filter(nct_id="NCT01234567").exists()


def test_a_timeout_fails_clearly_and_changes_nothing(use_registry) -> None:
    sync.trial_import(parsed=parse_study(study()))
    before = Trial.objects.values().get()

    def handler(request):
        raise httpx.ReadTimeout("timed out", request=request)

    use_registry(handler)
    report = trials_sync(nct_ids=["NCT01234567"])

    (failure,) = report.failures
    assert "timed out" in failure.error and "nothing was changed" in failure.error
    assert Trial.objects.values().get() == before
    assert not TrialChange.objects.exists()


def test_once_the_registry_is_down_the_rest_are_not_tried(use_registry) -> None:
    calls = []

    def handler(request):
        calls.append(request)
        raise httpx.ConnectError("no route to host", request=request)

    use_registry(handler)
    report = trials_sync(nct_ids=["NCT00000001", "NCT00000002", "NCT00000003"])

    assert report.counts["failed"] == 3
    assert len(calls) == 4  # One trial's attempts (1 + 3 retries), then no more requests.
    assert report.failures[2].error.startswith("not tried:")


def test_changed_status_writes_history_and_keeps_editorial_fields(use_registry) -> None:
    sync.trial_import(parsed=parse_study(study()))
    publish(Trial.objects.get(), summary="Ours.", what_it_means="Also ours.")
    use_registry(registry({"NCT01234567": study(status="RECRUITING", last_update="2026-09-02")}))

    report = trials_sync(all_trials=True)

    assert report.counts["updated"] == 1
    trial = Trial.objects.get()
    assert (trial.overall_status, trial.summary, trial.what_it_means, trial.status) == (
        "RECRUITING",
        "Ours.",
        "Also ours.",
        Status.PUBLISHED,
    )
    change = TrialChange.objects.get()
    assert (change.field, change.new_value) == (ChangeField.OVERALL_STATUS, "RECRUITING")


def test_unchanged_record_is_skipped(use_registry) -> None:
    sync.trial_import(parsed=parse_study(study()))
    use_registry(registry({"NCT01234567": study()}))

    report = trials_sync(nct_ids=["nct01234567 "])

    assert [result.outcome for result in report.results] == [Outcome.UNCHANGED]
    assert not TrialChange.objects.exists()


def test_unknown_nct_number_is_reported(use_registry) -> None:
    use_registry(registry({}))
    report = trials_sync(nct_ids=["NCT09999999"])
    assert "not found" in report.failures[0].error


def test_sync_command_prints_a_summary_and_fails_when_anything_failed(use_registry, capsys) -> None:
    use_registry(registry({"NCT01234567": study()}))

    with pytest.raises(CommandError, match="1 failed"):
        call_command("sync_trials", "NCT01234567", "NCT09999999")

    out, err = capsys.readouterr()
    assert "created 1, updated 0, unchanged 0, failed 1" in out
    assert "NCT09999999" in err and "not found" in err
    assert Trial.objects.filter(nct_id="NCT01234567").exists()


def test_sync_command_succeeds_and_reports_changes(use_registry, capsys) -> None:
    sync.trial_import(parsed=parse_study(study()))
    use_registry(registry({"NCT01234567": study(status="RECRUITING", last_update="2024-03-05")}))

    call_command("sync_trials", "--all")

    out = capsys.readouterr().out
    assert "created 0, updated 1, unchanged 0, failed 0" in out
    assert "Started recruiting Mar 2024" in out


def test_sync_command_needs_something_to_do() -> None:
    with pytest.raises(CommandError, match="--all"):
        call_command("sync_trials")
