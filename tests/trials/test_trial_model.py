from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from trials.models import Trial


def trial(nct_id: str) -> Trial:
    return Trial(title="A trial", slug="a-trial", nct_id=nct_id)


@pytest.mark.parametrize("value", ["NCT06451159", "NCT00000001"])
def test_valid_nct_numbers_pass(value):
    trial(value).clean_fields(exclude=["author"])


@pytest.mark.parametrize(
    "value", ["NCT0645115", "NCT064511590", "nct06451159", "NCT 06451159", "XYZ06451159", "NCT06451159\n"]
)
def test_invalid_nct_numbers_are_rejected_with_a_clear_message(value):
    with pytest.raises(ValidationError) as excinfo:
        trial(value).clean_fields(exclude=["author"])
    assert "NCT followed by 8 digits" in str(excinfo.value.message_dict["nct_id"])


@pytest.mark.django_db
def test_nct_number_is_unique():
    from tests.factories import TrialFactory

    TrialFactory(nct_id="NCT06451159")
    with pytest.raises(ValidationError):
        Trial(title="Copy", slug="copy", nct_id="NCT06451159").full_clean(exclude=["author"])


def test_phase_label_and_registry_url():
    item = trial("NCT06451159")
    item.phases = ["PHASE2", "PHASE3"]
    assert item.phase_label == "Phase 2/3"
    assert item.registry_url == "https://clinicaltrials.gov/study/NCT06451159"


@pytest.mark.django_db
def test_with_phase_does_not_confuse_early_phase_1_with_phase_1():
    from tests.factories import TrialFactory

    early = TrialFactory(phases=["EARLY_PHASE1"])
    phase1 = TrialFactory(phases=["PHASE1", "PHASE2"])
    assert list(Trial.objects.with_phase("PHASE1")) == [phase1]
    assert list(Trial.objects.with_phase("EARLY_PHASE1")) == [early]


@pytest.mark.django_db
def test_in_condition_group_matches_whole_codes_and_ms_any_covers_every_ms_group():
    from tests.factories import TrialFactory

    relapsing = TrialFactory(condition_groups=["ms_relapsing"])
    untyped = TrialFactory(condition_groups=["ms", "lupus"])
    TrialFactory(condition_groups=["myositis"])
    assert list(Trial.objects.in_condition_group("ms")) == [untyped]
    assert set(Trial.objects.in_condition_group("ms_any")) == {relapsing, untyped}
    assert list(Trial.objects.in_condition_group("lupus")) == [untyped]


@pytest.mark.django_db
def test_phases_and_condition_groups_are_stored_as_json_lists():
    from tests.factories import TrialFactory

    pk = TrialFactory(phases=["PHASE1", "PHASE2"], condition_groups=["ms_progressive"]).pk
    stored = Trial.objects.values("phases", "condition_groups").get(pk=pk)
    assert stored == {"phases": ["PHASE1", "PHASE2"], "condition_groups": ["ms_progressive"]}
