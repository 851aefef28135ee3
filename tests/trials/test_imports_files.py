"""trials_import_files: identical single-study files are skipped unparsed; everything else is read in full.

The rule: a file whose exact bytes were imported before (same `source_digest`) is unchanged, with no
decoding, parsing or save. Any other file is parsed and compared by its facts (content hash AND
last-update date), so changed content under an unchanged last-update date is still an update.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from tests.trials.helpers import changed, study
from trials import imports, sync
from trials.imports import trials_import_files
from trials.models import ChangeField, Trial, TrialChange
from trials.registry import files, parse
from trials.registry.files import source_digest
from trials.registry.parse import parse_study
from trials.sync import Outcome, trial_import

pytestmark = pytest.mark.django_db


def write(path: Path, document: dict[str, Any], **dump_options: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, **dump_options), encoding="utf-8")
    return path


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("an unchanged file was decoded or parsed")

    monkeypatch.setattr(imports, "load_bytes", fail)
    monkeypatch.setattr(sync, "parse_study", fail)


@pytest.mark.parametrize("count", [3, 30])
def test_unchanged_files_are_skipped_without_parsing_or_saving(
    tmp_path: Path, count: int, django_assert_num_queries, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [write(tmp_path / f"{n}.json", study(f"NCT0000{n:04d}")) for n in range(count)]
    trials_import_files(paths=paths)
    before = {trial.nct_id: trial for trial in Trial.objects.all()}
    forbid_parsing(monkeypatch)

    with django_assert_num_queries(2):  # One lookup of the files' digests, one last_checked_at update.
        report = trials_import_files(paths=paths)

    assert report.counts["unchanged"] == count
    assert sorted(result.label for result in report.results) == sorted(before)
    for trial in Trial.objects.all():
        assert trial.updated_at == before[trial.nct_id].updated_at
        assert trial.last_checked_at > before[trial.nct_id].last_checked_at


def test_files_are_looked_up_one_group_at_a_time(
    tmp_path: Path, django_assert_num_queries, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [write(tmp_path / f"{n}.json", study(f"NCT0000{n:04d}")) for n in range(5)]
    trials_import_files(paths=paths)
    monkeypatch.setattr(files, "GROUP_FILES", 2)
    forbid_parsing(monkeypatch)
    with django_assert_num_queries(4):  # Groups of 2, 2 and 1, then one last_checked_at update.
        report = trials_import_files(paths=paths)
    assert report.counts["unchanged"] == 5


def test_changed_content_with_the_same_last_update_is_updated_with_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "record.json", study(enrollment=20))
    trials_import_files(paths=[path])
    write(path, study(enrollment=40))  # Same lastUpdatePostDateStruct as before.

    report = trials_import_files(paths=[path])

    assert [result.outcome for result in report.results] == [Outcome.UPDATED]
    trial = Trial.objects.get()
    assert trial.enrollment == 40
    assert trial.last_update_posted == datetime.date(2026, 7, 29)
    change = TrialChange.objects.get()
    assert (change.field, change.old_value, change.new_value) == (ChangeField.ENROLLMENT, 20, 40)
    assert trial.source_hash == source_digest(path.read_bytes())
    forbid_parsing(monkeypatch)
    assert trials_import_files(paths=[path]).counts["unchanged"] == 1


def test_new_bytes_with_the_same_facts_are_unchanged_and_remembered(
    tmp_path: Path, django_assert_num_queries, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "record.json", study())
    trials_import_files(paths=[path])
    updated_at = Trial.objects.get().updated_at
    write(path, study(), indent=2)  # Re-indented: other bytes, same facts.

    assert trials_import_files(paths=[path]).counts["unchanged"] == 1

    trial = Trial.objects.get()
    assert trial.updated_at == updated_at
    assert trial.source_hash == source_digest(path.read_bytes())
    assert not TrialChange.objects.exists()
    forbid_parsing(monkeypatch)
    with django_assert_num_queries(2):
        assert trials_import_files(paths=[path]).counts["unchanged"] == 1


def test_an_old_file_is_not_skipped_once_a_refresh_changed_the_facts(tmp_path: Path) -> None:
    path = write(tmp_path / "record.json", study(status="NOT_YET_RECRUITING"))
    trials_import_files(paths=[path])
    refreshed = trial_import(parsed=parse_study(changed(study(), overallStatus="RECRUITING")))
    assert refreshed.outcome == Outcome.UPDATED
    assert Trial.objects.get().source_hash == ""  # The API's facts came from no file.

    report = trials_import_files(paths=[path])

    assert [result.outcome for result in report.results] == [Outcome.UPDATED]
    assert Trial.objects.get().overall_status == "NOT_YET_RECRUITING"


def test_the_last_of_two_versions_in_one_run_wins(tmp_path: Path) -> None:
    old = write(tmp_path / "old.json", study(enrollment=20))
    new = write(tmp_path / "new.json", study(enrollment=40))
    trials_import_files(paths=[old])

    report = trials_import_files(paths=[new, old])

    assert [result.outcome for result in report.results] == [Outcome.UPDATED, Outcome.UPDATED]
    assert Trial.objects.get().enrollment == 20


def test_list_page_studies_are_compared_by_their_facts(tmp_path: Path) -> None:
    page = {"studies": [study("NCT00000001"), study("NCT00000002")], "nextPageToken": "abc"}
    path = write(tmp_path / "page.json", page)
    assert trials_import_files(paths=[path]).counts["created"] == 2
    assert set(Trial.objects.values_list("source_hash", flat=True)) == {""}

    page["studies"][1] = study("NCT00000002", enrollment=99)
    report = trials_import_files(paths=[write(path, page)])

    assert [result.outcome for result in report.results] == [Outcome.UNCHANGED, Outcome.UPDATED]
    assert Trial.objects.get(nct_id="NCT00000002").enrollment == 99


def test_a_new_parser_version_reads_every_file_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "record.json", study())
    trials_import_files(paths=[path])
    monkeypatch.setattr(parse, "HASH_VERSION", "ctgov-parsed-trial/test")

    report = trials_import_files(paths=[path])

    assert [result.outcome for result in report.results] == [Outcome.UPDATED]
    assert Trial.objects.get().source_hash == source_digest(path.read_bytes())
    assert not TrialChange.objects.exists()


def test_an_unreadable_file_fails_alone(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", study())
    report = trials_import_files(paths=[tmp_path / "absent.json", good, tmp_path / "absent.json"])
    assert [result.outcome for result in report.results] == [Outcome.FAILED, Outcome.CREATED, Outcome.FAILED]
    assert "absent.json: cannot be read" in report.results[0].error
    assert Trial.objects.get().source_hash == source_digest(good.read_bytes())
