"""trial_import: drafts, registry-only updates, change history, quick skips, alerts, one transaction per trial."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from portal.actions.publish import content_publish
from portal.actions.submit import content_submit
from portal.content.models import Status
from tests.factories import UserFactory
from tests.trials.helpers import changed, study
from trials import sync
from trials.models import ChangeField, Location, Trial, TrialChange
from trials.registry.parse import parse_study
from trials.sync import Outcome, trial_import

pytestmark = pytest.mark.django_db


def do_import(document, **kwargs):
    return trial_import(parsed=parse_study(document), **kwargs)


def edit_as_editor(trial: Trial) -> None:
    trial.summary = "Our plain-language summary."
    trial.body = "Our **body**."
    trial.what_it_means = "What it means, by us."
    trial.car_t_target = "other"
    trial.save()
    trial.tags.add("relapsing-ms")


def test_new_trial_is_created_as_a_draft_with_registry_facts_and_sites() -> None:
    result = do_import(study(conditions=["Relapsing Multiple Sclerosis"], sponsor_class="NIH"))

    trial = Trial.objects.get(nct_id="NCT01234567")
    assert result.outcome == Outcome.CREATED
    assert trial.status == Status.DRAFT
    assert (trial.overall_status, trial.phases, trial.enrollment) == ("NOT_YET_RECRUITING", ["PHASE1"], 20)
    assert (trial.start_date, trial.start_date_type) == ("2026-06", "ESTIMATED")
    assert trial.last_update_posted == datetime.date(2026, 7, 29)
    assert trial.condition_groups == ["ms_relapsing"]
    assert trial.sponsor_type == "government"
    assert trial.car_t_target == "cd19"
    assert trial.last_checked_at is not None
    assert trial.slug.startswith("nct01234567-")
    assert sorted(trial.locations.values_list("city", flat=True)) == ["Berlin", "San Francisco"]
    assert "&gt;= 18 years" in trial.eligibility_criteria_html and "\\" not in trial.eligibility_criteria_html


def test_creating_with_an_editor_goes_through_content_save(editor) -> None:
    do_import(study(), user=editor)
    trial = Trial.objects.get(nct_id="NCT01234567")
    assert (trial.status, trial.author) == (Status.DRAFT, editor)


def test_a_user_without_edit_permission_cannot_create() -> None:
    with pytest.raises(PermissionDenied):
        do_import(study(), user=UserFactory())
    assert not Trial.objects.exists()


def test_refresh_updates_registry_fields_and_never_editorial_ones(moderator) -> None:
    do_import(study())
    trial = Trial.objects.get()
    edit_as_editor(trial)
    content_submit(item=trial, user=moderator)
    content_publish(item=trial, moderator=moderator)

    result = do_import(changed(study(), overallStatus="RECRUITING", lastUpdatePostDateStruct={"date": "2026-09-01"}))

    trial.refresh_from_db()
    assert result.outcome == Outcome.UPDATED
    assert trial.overall_status == "RECRUITING"
    assert (trial.summary, trial.body, trial.what_it_means) == (
        "Our plain-language summary.",
        "Our **body**.",
        "What it means, by us.",
    )
    assert trial.car_t_target == "other"
    assert trial.status == Status.PUBLISHED
    assert list(trial.tags.names()) == ["relapsing-ms"]


def test_status_change_is_recorded_with_a_plain_language_summary() -> None:
    do_import(study())
    do_import(changed(study(), overallStatus="RECRUITING", lastUpdatePostDateStruct={"date": "2024-03-12"}))

    change = TrialChange.objects.get()
    assert (change.field, change.old_value, change.new_value) == (
        ChangeField.OVERALL_STATUS,
        "NOT_YET_RECRUITING",
        "RECRUITING",
    )
    assert change.registry_updated == datetime.date(2024, 3, 12)
    assert change.summary == "Started recruiting Mar 2024"


def test_stopping_recruitment_reads_as_stopped() -> None:
    do_import(study(status="RECRUITING"))
    do_import(study(status="ACTIVE_NOT_RECRUITING", last_update="2026-08-03"))
    assert TrialChange.objects.get().summary == "Stopped recruiting Aug 2026 (now active, not recruiting)"


def test_phase_enrollment_and_date_changes_are_recorded() -> None:
    do_import(study())
    do_import(study(phases=["PHASE1", "PHASE2"], enrollment=40, start="2026-09", last_update="2026-10-01"))

    changes = {change.field: change for change in TrialChange.objects.all()}
    assert set(changes) == {ChangeField.PHASES, ChangeField.ENROLLMENT, ChangeField.START_DATE}
    assert changes[ChangeField.PHASES].new_value == ["PHASE1", "PHASE2"]
    assert changes[ChangeField.PHASES].summary == "Phase changed from Phase 1 to Phase 1/2 Oct 2026"
    assert (changes[ChangeField.ENROLLMENT].old_value, changes[ChangeField.ENROLLMENT].new_value) == (20, 40)
    assert changes[ChangeField.START_DATE].new_value == {"date": "2026-09", "type": "ESTIMATED"}
    assert "Sep 2026 (estimated)" in changes[ChangeField.START_DATE].summary


def test_sites_added_and_removed_are_recorded_per_country_by_key() -> None:
    do_import(study())
    new_sites = [
        # Same facility, city and country in other case and spacing: the same site, only its status changed.
        {"facility": "  CHARITÉ ", "city": "berlin", "country": "Germany", "status": "COMPLETED"},
        {"facility": "LMU Klinikum", "city": "München", "country": "Germany"},
        {"facility": "UKE", "city": "Hamburg", "country": "Germany"},
        {"facility": "Uni Köln", "city": "Köln", "country": "Germany"},
    ]
    do_import(study(locations=new_sites, last_update="2026-08-20"))

    added = TrialChange.objects.get(field=ChangeField.SITES_ADDED)
    removed = TrialChange.objects.get(field=ChangeField.SITES_REMOVED)
    assert (added.country, len(added.new_value)) == ("Germany", 3)
    assert added.summary == "3 new sites in Germany (Aug 2026)"
    assert (removed.country, removed.new_value) == ("United States", ["ucsf|san francisco|united states"])
    assert removed.summary == "1 site in United States no longer listed (Aug 2026)"
    charite = Location.objects.get(city__iexact="berlin")
    assert charite.status == "COMPLETED"
    assert Location.objects.count() == 4


def test_unchanged_record_is_skipped_with_only_last_checked_updated(django_assert_max_num_queries) -> None:
    do_import(study())
    before = Trial.objects.get()
    later = before.last_checked_at + datetime.timedelta(days=1)

    with django_assert_max_num_queries(2):
        result = do_import(study(), now=later)

    after = Trial.objects.get()
    assert result.outcome == Outcome.UNCHANGED
    assert after.last_checked_at == later
    assert after.updated_at == before.updated_at
    assert not TrialChange.objects.exists()


def test_same_hash_but_new_posting_date_is_an_update_without_history() -> None:
    do_import(study())
    result = do_import(study(last_update="2026-08-30"))
    assert result.outcome == Outcome.UPDATED
    assert Trial.objects.get().last_update_posted == datetime.date(2026, 8, 30)
    assert not TrialChange.objects.exists()


def test_follower_alerts_get_the_trial_and_its_changes(monkeypatch) -> None:
    seen = []
    monkeypatch.setattr(
        sync,
        "trial_alerts_record",
        lambda *, trial, changes: seen.append((trial.nct_id, [c.field for c in changes])),
    )
    do_import(study())
    do_import(study(status="RECRUITING"))
    assert seen == [("NCT01234567", [ChangeField.OVERALL_STATUS])]


def test_failing_follower_alerts_roll_the_whole_trial_back(monkeypatch) -> None:
    def broken(*, trial, changes):
        raise RuntimeError("alerts are down")

    do_import(study())
    monkeypatch.setattr(sync, "trial_alerts_record", broken)
    with pytest.raises(RuntimeError):
        do_import(study(status="RECRUITING", locations=[]))
    trial = Trial.objects.get()
    assert trial.overall_status == "NOT_YET_RECRUITING"
    assert trial.locations.count() == 2
    assert not TrialChange.objects.exists()


def test_an_invalid_registry_value_changes_nothing() -> None:
    do_import(study())
    with pytest.raises(ValidationError):
        do_import(study(status="SOMETHING_NEW", enrollment=99))
    trial = Trial.objects.get()
    assert (trial.overall_status, trial.enrollment) == ("NOT_YET_RECRUITING", 20)


def test_change_key_is_stable_and_distinguishes_changes() -> None:
    do_import(study())
    do_import(study(status="RECRUITING", last_update="2026-09-01"))
    change = TrialChange.objects.select_related("trial").get()
    again = TrialChange.objects.select_related("trial").get()
    assert change.change_key == again.change_key
    assert change.change_key.startswith("NCT01234567:overall_status:2026-09-01:")
    other = TrialChange(trial=change.trial, field=change.field, new_value="COMPLETED", registry_updated=change.when)
    assert other.change_key != change.change_key


@pytest.mark.parametrize(
    ("conditions", "groups"),
    [
        (["Relapsing-Remitting Multiple Sclerosis"], ["ms_relapsing"]),
        (["Primary Progressive Multiple Sclerosis", "SPMS"], ["ms_progressive"]),
        (["Multiple Sclerosis"], ["ms"]),
        (["Neuromyelitis Optica Spectrum Disorder"], ["nmosd"]),
        (["MOG Antibody-Associated Disease"], ["mogad"]),
        (["Systemic Lupus Erythematosus", "Lupus Nephritis"], ["lupus"]),
        (["Dermatomyositis", "Diffuse Cutaneous Systemic Sclerosis"], ["myositis", "systemic_sclerosis"]),
        (["Generalized Myasthenia Gravis"], ["myasthenia_gravis"]),
        (["Progressive Multifocal Leukoencephalopathy"], ["other"]),
        (["Amyotrophic Lateral Sclerosis"], ["other"]),
    ],
)
def test_condition_groups_are_derived_on_import(conditions, groups) -> None:
    do_import(study(conditions=conditions))
    assert Trial.objects.get().condition_groups == groups
