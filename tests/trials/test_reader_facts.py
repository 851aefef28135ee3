"""What a reader needs to act, parsed from real registry records and synthetic ones (issue 11).

Condition groups come from every condition and keyword; eligibility is split at its usual
headings; contacts, arms, outcomes, design and site coordinates are read, never invented.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tests.trials.helpers import DATA_DIR, study
from trials.registry.classify import guess_condition_groups
from trials.registry.parse import parse_study, split_eligibility

REPO_FIXTURES = Path(__file__).resolve().parents[2] / "trials" / "fixtures" / "ctgov"
RECORDS_DIR = REPO_FIXTURES if REPO_FIXTURES.is_dir() else DATA_DIR

# Every real record in the folder, with the groups a reader would put it in.
EXPECTED_GROUPS = {
    "NCT00763412": ("other",),  # cystic fibrosis related diabetes
    "NCT00973089": ("other",),  # dental caries
    "NCT02210780": ("other",),  # atopic dermatitis
    "NCT02513394": ("other",),  # breast cancer
    "NCT03064438": ("other",),  # rosacea
    "NCT03475563": ("other",),  # coronary artery disease
    "NCT03630471": ("other",),  # adolescent mental health
    "NCT04431453": ("other",),  # COVID-19
    "NCT05594173": ("other",),  # dysphagia
    "NCT06193889": ("myasthenia_gravis",),  # KYSA-6
    # Breakfree-2: conditions "Multiple Sclerosis" and "Myasthenia Gravis", keywords RMS, RRMS, PPMS, aSPMS.
    "NCT06220201": ("ms_relapsing", "ms_progressive", "myasthenia_gravis"),
    "NCT06451159": ("ms_progressive",),  # KYV-101 in progressive MS
    "NCT07006805": ("ms_relapsing", "ms_progressive"),  # RESET-MS
    # KYV-101 long-term follow-up: "Myasthaenia Gravis" (British spelling) included.
    "NCT07403188": ("ms", "myasthenia_gravis", "lupus", "myositis", "systemic_sclerosis"),
}


def load(nct_id: str) -> dict:
    return json.loads((RECORDS_DIR / f"{nct_id}.json").read_text(encoding="utf-8"))


def test_every_real_record_in_the_folder_has_an_expected_grouping() -> None:
    assert sorted(path.stem for path in RECORDS_DIR.glob("NCT*.json")) == sorted(EXPECTED_GROUPS)


@pytest.mark.parametrize("nct_id", sorted(EXPECTED_GROUPS))
def test_condition_groups_of_every_real_record(nct_id: str) -> None:
    assert parse_study(load(nct_id)).condition_groups == EXPECTED_GROUPS[nct_id]


@pytest.mark.parametrize(
    ("conditions", "expected"),
    [
        (["Multiple Sclerosis", "RMS", "PPMS"], ("ms_relapsing", "ms_progressive")),
        (["Multiple Sclerosis", "iSPMS"], ("ms_progressive",)),
        (["Multiple Sclerosis"], ("ms",)),
        (["Premenstrual syndrome", "PMS"], ("other",)),  # PMS alone is not progressive MS
        (["Generalized Myasthaenia Gravis"], ("myasthenia_gravis",)),
        (["gMG"], ("myasthenia_gravis",)),
        (["Dose 20 mg"], ("other",)),  # lower-case mg is a dose, not myasthenia gravis
    ],
)
def test_condition_groups_from_conditions_and_keywords(conditions, expected) -> None:
    assert guess_condition_groups(conditions) == expected


def test_breakfree_2_reader_facts() -> None:
    trial = parse_study(load("NCT06220201"))
    assert trial.overall_status == "ACTIVE_NOT_RECRUITING"
    assert trial.version_date == "2026-09-14"
    assert len(trial.locations) == 34
    assert all(loc.latitude is not None and loc.longitude is not None for loc in trial.locations)
    assert trial.inclusion_criteria and trial.exclusion_criteria
    assert "Inclusion Criteria" not in trial.inclusion_criteria
    assert "Other protocol-defined Inclusion/Exclusion criteria apply." in trial.exclusion_criteria
    assert trial.healthy_volunteers is False
    assert (trial.allocation, trial.masking) == ("NON_RANDOMIZED", "NONE")
    assert len(trial.arms) == 3 and all(arm["label"] for arm in trial.arms)
    assert len(trial.primary_outcomes) == 7 and len(trial.secondary_outcomes) == 12
    assert trial.central_contacts == ()  # the record lists none: none is invented
    assert trial.has_results is False


def test_central_and_site_contacts_are_read_as_given() -> None:
    trial = parse_study(load("NCT06193889"))
    (contact,) = trial.central_contacts
    assert contact == {
        "name": "Kyverna Therapeutics, Inc.",
        "role": "CONTACT",
        "phone": "510-925-2484",
        "email": "Clinicaltrials@kyvernatx.com",
    }
    ucla = next(loc for loc in trial.locations if loc.facility == "Ronald Reagan UCLA Medical Center")
    assert ucla.contacts == ({"name": "Study Coordinator", "role": "CONTACT", "phone": "", "email": ""},)
    assert (ucla.zip, ucla.latitude, ucla.longitude) == ("90095", 34.05223, -118.24368)


def test_a_contact_with_nothing_to_reach_is_dropped_and_an_extension_kept() -> None:
    record = study()
    record["protocolSection"]["contactsLocationsModule"]["centralContacts"] = [
        {"role": "CONTACT"},
        {"name": "Trial desk", "phone": "+49 30 1234", "phoneExt": "12"},
    ]
    assert parse_study(record).central_contacts == (
        {"name": "Trial desk", "role": "", "phone": "+49 30 1234 ext. 12", "email": ""},
    )


@pytest.mark.parametrize("nct_id", sorted(EXPECTED_GROUPS))
def test_every_real_record_splits_its_eligibility(nct_id: str) -> None:
    trial = parse_study(load(nct_id))
    assert trial.inclusion_criteria.strip(), nct_id
    if nct_id == "NCT07403188":
        assert trial.exclusion_criteria.strip()  # even a one-line exclusion section
    assert "Exclusion Criteria" not in trial.inclusion_criteria.split("\n")[0]


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        ("Inclusion Criteria:\n\n* Adult\n\nExclusion Criteria:\n\n* Pregnant", "* Adult", "* Pregnant"),
        ("Key Inclusion Criteria\n\n1. RMS\n\nKey Exclusion Criteria\n\n1. HIV", "1. RMS", "1. HIV"),
        ("**Inclusion criteria:**\n- A\n\n**Exclusion criteria:**\n- B", "- A", "- B"),
        ("## Main inclusion criteria\n- A\n## Exclusion criteria (all cohorts):\n- B", "- A", "- B"),
        ("Eligibility criteria:\n* 13-20 years\nExclusion criteria:\n* Psychosis", "* 13-20 years", "* Psychosis"),
        ("INCLUSION CRITERIA:\n- A\nEXCLUSION CRITERIA:\n- B", "- A", "- B"),
        ("Inclusion Criteria:\n- only inclusion", "- only inclusion", ""),
        ("Adults with relapsing MS who have had a relapse.", "", ""),  # no headings: the whole text is shown
        ("", "", ""),
    ],
)
def test_split_eligibility(text, inclusion, exclusion) -> None:
    assert split_eligibility(text) == (inclusion, exclusion)


def test_a_sentence_mentioning_exclusion_criteria_is_not_a_heading() -> None:
    text = "Inclusion Criteria:\n- A\n- Other inclusion criteria: see protocol\nExclusion Criteria:\n- B"
    assert split_eligibility(text) == ("- A\n- Other inclusion criteria: see protocol", "- B")


def test_missing_modules_give_empty_reader_facts() -> None:
    record = {"protocolSection": {"identificationModule": {"nctId": "NCT07654321"}}}
    trial = parse_study(record)
    assert trial.central_contacts == trial.arms == trial.primary_outcomes == ()
    assert (trial.healthy_volunteers, trial.has_results, trial.version_date) == (None, False, "")


def test_version_date_is_not_a_hashed_fact() -> None:
    record = load("NCT06451159")
    newer = copy.deepcopy(record)
    newer["derivedSection"]["miscInfoModule"]["versionHolder"] = "2026-11-30"
    assert parse_study(record).content_hash == parse_study(newer).content_hash
    assert parse_study(newer).version_date == "2026-11-30"
