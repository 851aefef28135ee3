"""Tests for trials.registry.parse and .files and trials.display: synthetic pitfalls, then every real sample.

No database and no network. The real samples are kept in the repository, in trials/fixtures/ctgov
(see its SOURCES.md).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from trials.display import format_partial_date, phase_label
from trials.registry.files import load_path, parse_document
from trials.registry.parse import ParsedLocation, ParsedTrial, RecordError, parse_study

# ---------------------------------------------------------------------------------------------
# Synthetic records


def make_study(nct_id: str = "NCT01234567", **modules: Any) -> dict[str, Any]:
    """A minimal v2 study; keyword arguments add protocolSection modules by name."""
    protocol: dict[str, Any] = {"identificationModule": {"nctId": nct_id}}
    protocol.update(modules)
    return {"protocolSection": protocol, "hasResults": False}


def full_study() -> dict[str, Any]:
    """A synthetic record using every module the parser reads."""
    return make_study(
        identificationModule={
            "nctId": "NCT01234567",
            "briefTitle": "A Study of XYZ-1 in Relapsing MS",
            "officialTitle": "A Phase 2/3 Study of XYZ-1 Versus Placebo",
            "acronym": "XYZ",
        },
        statusModule={
            "overallStatus": "RECRUITING",
            "startDateStruct": {"date": "2026-06-15", "type": "ACTUAL"},
            "primaryCompletionDateStruct": {"date": "2027-02", "type": "ESTIMATED"},
            "completionDateStruct": {"date": "2028", "type": "ESTIMATED"},
            "studyFirstPostDateStruct": {"date": "2026-05-01", "type": "ACTUAL"},
            "lastUpdatePostDateStruct": {"date": "2026-07-29", "type": "ACTUAL"},
        },
        sponsorCollaboratorsModule={
            "leadSponsor": {"name": "Example Pharma", "class": "INDUSTRY"},
            "collaborators": [{"name": "National Institute X", "class": "NIH"}, {"name": "Uni Y", "class": "OTHER"}],
        },
        descriptionModule={"briefSummary": "Tests **XYZ-1** when EDSS \\> 3.\n"},
        conditionsModule={"conditions": ["Multiple Sclerosis", "Relapsing MS"], "keywords": ["MS"]},
        designModule={
            "studyType": "INTERVENTIONAL",
            "phases": ["PHASE2", "PHASE3"],
            "enrollmentInfo": {"count": 120, "type": "ESTIMATED"},
        },
        armsInterventionsModule={
            "interventions": [
                {"type": "DRUG", "name": "XYZ-1", "otherNames": ["xyzumab"]},
                {"type": "DRUG", "name": "Placebo"},
            ]
        },
        eligibilityModule={
            "eligibilityCriteria": "Inclusion Criteria:\n\n* Age \\>= 18\n",
            "sex": "ALL",
            "minimumAge": "18 Years",
            "maximumAge": "65 Years",
        },
        contactsLocationsModule={
            "locations": [
                {
                    "facility": "Hospital Universitário",
                    "status": "RECRUITING",
                    "city": "São Paulo",
                    "state": "SP",
                    "zip": "01246-903",
                    "country": "Brazil",
                    "geoPoint": {"lat": -23.5475, "lon": -46.63611},
                },
                {"facility": "Universitätsklinikum Zürich", "city": "Zürich", "country": "Switzerland"},
            ]
        },
    )


def with_module(study: dict[str, Any], name: str, **fields: Any) -> dict[str, Any]:
    """A deep copy of `study` whose module `name` has `fields` set."""
    study = copy.deepcopy(study)
    study["protocolSection"].setdefault(name, {}).update(fields)
    return study


def reorder_keys(value: Any) -> Any:
    """The same JSON value with every object's keys in reverse order."""
    if isinstance(value, dict):
        return {key: reorder_keys(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [reorder_keys(item) for item in value]
    return value


def test_full_record_maps_every_field() -> None:
    trial = parse_study(full_study())

    assert trial.nct_id == "NCT01234567"
    assert trial.title == "A Study of XYZ-1 in Relapsing MS"
    assert trial.official_title == "A Phase 2/3 Study of XYZ-1 Versus Placebo"
    assert trial.acronym == "XYZ"
    assert (trial.sponsor, trial.sponsor_class) == ("Example Pharma", "INDUSTRY")
    assert trial.collaborators == ("National Institute X", "Uni Y")
    assert trial.study_type == "INTERVENTIONAL"
    assert trial.phases == ("PHASE2", "PHASE3")
    assert phase_label(trial.phases) == "Phase 2/3"
    assert (trial.overall_status, trial.last_known_status, trial.why_stopped) == ("RECRUITING", "", "")
    assert trial.conditions == ("Multiple Sclerosis", "Relapsing MS")
    assert trial.interventions == ("XYZ-1", "Placebo")
    assert (trial.enrollment, trial.enrollment_type) == (120, "ESTIMATED")
    assert (trial.start_date, trial.start_date_type) == ("2026-06-15", "ACTUAL")
    assert (trial.primary_completion_date, trial.primary_completion_date_type) == ("2027-02", "ESTIMATED")
    assert (trial.completion_date, trial.completion_date_type) == ("2028", "ESTIMATED")
    assert (trial.first_posted, trial.last_update_posted) == ("2026-05-01", "2026-07-29")
    assert (trial.sex, trial.minimum_age, trial.maximum_age) == ("ALL", "18 Years", "65 Years")
    assert trial.car_t_target == "none"
    assert len(trial.locations) == 2
    assert len(trial.content_hash) == 64


def test_parsed_trial_fields_match_the_model_mapping() -> None:
    assert [f.name for f in dataclasses.fields(ParsedTrial)] == [
        "nct_id", "title", "official_title", "acronym", "sponsor", "sponsor_class", "collaborators",
        "study_type", "phases", "overall_status", "last_known_status", "why_stopped", "conditions",
        "interventions", "enrollment", "enrollment_type", "start_date", "start_date_type",
        "primary_completion_date", "primary_completion_date_type", "completion_date",
        "completion_date_type", "last_update_posted", "first_posted", "brief_summary",
        "eligibility_criteria", "sex", "minimum_age", "maximum_age", "locations", "car_t_target",
        "condition_groups", "content_hash",
    ]  # fmt: skip


def test_only_nct_id_is_required_every_module_may_be_missing() -> None:
    trial = parse_study(make_study("NCT07654321"))

    assert trial.nct_id == "NCT07654321"
    assert trial.title == trial.sponsor == trial.overall_status == trial.start_date == ""
    assert trial.phases == trial.conditions == trial.interventions == trial.locations == ()
    assert trial.enrollment is None
    assert phase_label(trial.phases) == ""
    assert trial.car_t_target == "none"


def test_modules_of_the_wrong_shape_are_treated_as_missing() -> None:
    study = make_study(statusModule=None, designModule=[], contactsLocationsModule={"locations": "none"})
    trial = parse_study(study)
    assert (trial.overall_status, trial.phases, trial.locations) == ("", (), ())


def test_observational_study_without_phases_key() -> None:
    study = make_study(designModule={"studyType": "OBSERVATIONAL", "enrollmentInfo": {"count": 100}})
    trial = parse_study(study)
    assert trial.study_type == "OBSERVATIONAL"
    assert trial.phases == ()
    assert phase_label(trial.phases) == ""
    assert (trial.enrollment, trial.enrollment_type) == (100, "")


@pytest.mark.parametrize(
    ("codes", "label"),
    [
        (["PHASE2", "PHASE3"], "Phase 2/3"),
        (["PHASE1", "PHASE2"], "Phase 1/2"),
        (["PHASE1"], "Phase 1"),
        (["PHASE4"], "Phase 4"),
        (["EARLY_PHASE1"], "Early phase 1"),
        (["NA"], "Not applicable"),
        ([], ""),
    ],
)
def test_phases_kept_as_codes_with_readable_label(codes: list[str], label: str) -> None:
    trial = parse_study(make_study(designModule={"phases": codes}))
    assert trial.phases == tuple(codes)
    assert phase_label(trial.phases) == label
    assert phase_label(codes) == label


def test_unknown_status_keeps_last_known_status() -> None:
    study = make_study(statusModule={"overallStatus": "UNKNOWN", "lastKnownStatus": "RECRUITING"})
    trial = parse_study(study)
    assert (trial.overall_status, trial.last_known_status) == ("UNKNOWN", "RECRUITING")


def test_withdrawn_with_zero_actual_enrollment_and_reason() -> None:
    study = make_study(
        statusModule={"overallStatus": "WITHDRAWN", "whyStopped": "Sponsor decision."},
        designModule={"enrollmentInfo": {"count": 0, "type": "ACTUAL"}},
    )
    trial = parse_study(study)
    assert (trial.overall_status, trial.why_stopped) == ("WITHDRAWN", "Sponsor decision.")
    assert (trial.enrollment, trial.enrollment_type) == (0, "ACTUAL")  # 0 is a fact, not "unknown"


@pytest.mark.parametrize("count", ["120", 12.5, True, -1])
def test_malformed_enrollment_is_rejected(count: object) -> None:
    with pytest.raises(RecordError, match="NCT01234567.*enrollmentInfo.count"):
        parse_study(make_study(designModule={"enrollmentInfo": {"count": count}}))


def test_partial_dates_keep_precision_and_type() -> None:
    study = make_study(
        statusModule={
            "startDateStruct": {"date": "2015"},  # old record: no type at all
            "primaryCompletionDateStruct": {"date": "2027-02", "type": "ESTIMATED"},
            "completionDateStruct": {"date": "2026-06-15", "type": "ACTUAL"},
        }
    )
    trial = parse_study(study)
    assert (trial.start_date, trial.start_date_type) == ("2015", "")
    assert (trial.primary_completion_date, trial.primary_completion_date_type) == ("2027-02", "ESTIMATED")
    assert (trial.completion_date, trial.completion_date_type) == ("2026-06-15", "ACTUAL")
    assert (trial.first_posted, trial.last_update_posted) == ("", "")


@pytest.mark.parametrize("bad", ["March 4, 2021", "2021-13", "2021-02-30", "21-02"])
def test_dates_that_are_not_partial_iso_are_rejected(bad: str) -> None:
    study = make_study(statusModule={"startDateStruct": {"date": bad, "type": "ACTUAL"}})
    with pytest.raises(RecordError, match="NCT01234567: statusModule.startDateStruct.date"):
        parse_study(study)



def test_locations_missing_status_state_zip_and_geopoint() -> None:
    study = make_study(contactsLocationsModule={"locations": [{"city": "Jerusalem", "country": "Israel"}]})
    (location,) = parse_study(study).locations
    assert location == ParsedLocation(city="Jerusalem", country="Israel")
    assert (location.facility, location.state, location.zip, location.status) == ("", "", "", "")
    assert (location.latitude, location.longitude) == (None, None)
    assert location.key == "|jerusalem|israel"


def test_location_fields_and_coordinates_are_read() -> None:
    location = parse_study(full_study()).locations[0]
    assert location == ParsedLocation(
        facility="Hospital Universitário",
        city="São Paulo",
        state="SP",
        zip="01246-903",
        country="Brazil",
        status="RECRUITING",
        latitude=-23.5475,
        longitude=-46.63611,
    )


def test_duplicate_locations_deduped_first_wins_order_kept() -> None:
    locations = [
        {"facility": "Site A", "city": "Boston", "country": "United States", "status": "RECRUITING"},
        {"facility": "Site B", "city": "Lyon", "country": "France"},
        {"facility": "  site   a ", "city": "BOSTON", "country": "United States", "status": "COMPLETED"},
        {"facility": "Site C", "city": "Boston", "country": "United States"},
    ]
    trial = parse_study(make_study(contactsLocationsModule={"locations": locations}))
    assert [(loc.facility, loc.status) for loc in trial.locations] == [
        ("Site A", "RECRUITING"),
        ("Site B", ""),
        ("Site C", ""),
    ]
    assert [loc.key for loc in trial.locations] == [
        "site a|boston|united states",
        "site b|lyon|france",
        "site c|boston|united states",
    ]


def test_location_key_keeps_accents_but_unifies_unicode_forms() -> None:
    composed = ParsedLocation(facility="Hôpital", city="São Paulo", country="Brazil")
    decomposed = ParsedLocation(
        facility=unicodedata.normalize("NFD", "Hôpital"),
        city=unicodedata.normalize("NFD", "São Paulo"),
        country="Brazil",
    )
    unaccented = ParsedLocation(facility="Hopital", city="Sao Paulo", country="Brazil")
    assert composed.key == decomposed.key == "hôpital|são paulo|brazil"
    assert unaccented.key != composed.key


def test_unicode_place_names_are_preserved() -> None:
    trial = parse_study(full_study())
    assert [(loc.facility, loc.city) for loc in trial.locations] == [
        ("Hospital Universitário", "São Paulo"),
        ("Universitätsklinikum Zürich", "Zürich"),
    ]


def test_registry_markdown_with_backslash_escapes_is_kept_as_is() -> None:
    trial = parse_study(full_study())
    assert trial.brief_summary == "Tests **XYZ-1** when EDSS \\> 3.\n"
    assert trial.eligibility_criteria == "Inclusion Criteria:\n\n* Age \\>= 18\n"


def test_interventions_deduped_in_order_conditions_near_duplicates_kept() -> None:
    study = make_study(
        armsInterventionsModule={
            "interventions": [
                {"name": "Cyclophosphamide"},
                {"name": "KYV-101"},
                {"name": "cyclophosphamide "},
                {"name": ""},
                {"type": "DRUG"},
            ]
        },
        conditionsModule={"conditions": ["Multiple Sclerosis", "Multiple Sclerosis (MS)", "Multiple Sclerosis"]},
    )
    trial = parse_study(study)
    assert trial.interventions == ("Cyclophosphamide", "KYV-101")
    assert trial.conditions == ("Multiple Sclerosis", "Multiple Sclerosis (MS)")


def test_missing_sponsor_class_gives_empty_string() -> None:
    trial = parse_study(make_study(sponsorCollaboratorsModule={"leadSponsor": {"name": "Jane Doe"}}))
    assert (trial.sponsor, trial.sponsor_class, trial.collaborators) == ("Jane Doe", "", ())


@pytest.mark.parametrize("nct_id", ["NCT1234567", "NCT012345678", "nct01234567", " NCT01234567", "12345678", 1234])
def test_invalid_nct_id_is_rejected(nct_id: object) -> None:
    with pytest.raises(RecordError, match="not a ClinicalTrials.gov number"):
        parse_study(make_study(nct_id))  # type: ignore[arg-type]


def test_missing_nct_id_is_rejected() -> None:
    with pytest.raises(RecordError, match="nctId is missing"):
        parse_study({"protocolSection": {"statusModule": {"overallStatus": "RECRUITING"}}})


# ---------------------------------------------------------------------------------------------
# CAR T target guess (the guess itself: test_registry_classify.py)


def test_car_t_target_reads_titles_keywords_and_interventions() -> None:
    by_keyword = make_study(conditionsModule={"keywords": ["anti-CD19 CAR-T Therapy"]})
    by_intervention = make_study(
        armsInterventionsModule={"interventions": [{"name": "KYV-101", "otherNames": ["CAR T-cell therapy"]}]},
        identificationModule={"nctId": "NCT01234567", "officialTitle": "Study of an Anti-CD19 product"},
    )
    summary_only = make_study(descriptionModule={"briefSummary": "Unlike CD19 CAR-T therapy, this drug ..."})
    assert parse_study(by_keyword).car_t_target == "cd19"
    assert parse_study(by_intervention).car_t_target == "cd19"
    assert parse_study(summary_only).car_t_target == "none"


# ---------------------------------------------------------------------------------------------
# Content hash


def test_content_hash_is_independent_of_key_order_and_json_whitespace() -> None:
    study = full_study()
    pretty = json.loads(json.dumps(reorder_keys(study), indent=4).replace("\n", "\r\n"))
    assert parse_study(pretty).content_hash == parse_study(study).content_hash


def test_content_hash_covers_non_parsed_parts_only() -> None:
    study = full_study()
    study["derivedSection"] = {"miscInfoModule": {"versionHolder": "2026-09-14"}}
    assert parse_study(study).content_hash == parse_study(full_study()).content_hash


@pytest.mark.parametrize(
    ("module", "fields"),
    [
        ("statusModule", {"overallStatus": "COMPLETED"}),
        ("statusModule", {"completionDateStruct": {"date": "2028", "type": "ACTUAL"}}),
        ("designModule", {"enrollmentInfo": {"count": 121, "type": "ESTIMATED"}}),
        ("descriptionModule", {"briefSummary": "Tests **XYZ-1** when EDSS \\> 4.\n"}),
        ("contactsLocationsModule", {"locations": [{"facility": "New site", "city": "Oslo", "country": "Norway"}]}),
    ],
)
def test_content_hash_changes_when_a_fact_changes(module: str, fields: dict[str, Any]) -> None:
    assert (
        parse_study(with_module(full_study(), module, **fields)).content_hash != parse_study(full_study()).content_hash
    )


def test_content_hash_changes_when_a_site_status_changes() -> None:
    study = full_study()
    changed = copy.deepcopy(study)
    changed["protocolSection"]["contactsLocationsModule"]["locations"][0]["status"] = "COMPLETED"
    assert parse_study(changed).content_hash != parse_study(study).content_hash


def test_content_hash_is_recomputed_by_dataclasses_replace() -> None:
    trial = parse_study(full_study())
    assert dataclasses.replace(trial, title="Other").content_hash != trial.content_hash
    assert dataclasses.replace(trial).content_hash == trial.content_hash


# ---------------------------------------------------------------------------------------------
# Documents, legacy formats and files

LEGACY_V1_DOCUMENTS = [
    pytest.param(
        {"FullStudiesResponse": {"APIVrs": "1.01.02", "FullStudies": [{"Rank": 1, "Study": {"ProtocolSection": {
            "IdentificationModule": {"NCTId": "NCT04780763"}}}}]}},
        "FullStudiesResponse",
        id="FullStudiesResponse",
    ),
    pytest.param(
        {"StudyFieldsResponse": {"APIVrs": "1.01.03", "StudyFields": [{"Rank": 1, "NCTId": ["NCT02028676"]}]}},
        "StudyFieldsResponse",
        id="StudyFieldsResponse",
    ),
    pytest.param(
        {"ProtocolSection": {"IdentificationModule": {"NCTId": "NCT04780763"}}},
        "ProtocolSection",
        id="PascalCase-ProtocolSection",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("document", "kind"), LEGACY_V1_DOCUMENTS)
def test_legacy_v1_json_is_rejected_with_a_clear_message(document: dict[str, Any], kind: str) -> None:
    for parse in (parse_document, parse_study):
        with pytest.raises(RecordError) as excinfo:
            parse(document)
        message = str(excinfo.value)
        assert f"not a ClinicalTrials.gov API v2 record (looks like classic v1 JSON '{kind}')" in message
        assert "https://clinicaltrials.gov/api/v2/studies/" in message


def test_legacy_message_names_the_study_when_there_is_one() -> None:
    document = LEGACY_V1_DOCUMENTS[0].values[0]
    with pytest.raises(RecordError, match=r"^NCT04780763: .*/api/v2/studies/NCT04780763$"):
        parse_document(document)


def test_single_record_document() -> None:
    study = full_study()
    assert parse_document(study) == [study]


def test_list_page_document() -> None:
    first, second = make_study("NCT00000001"), make_study("NCT00000002")
    assert parse_document({"studies": [first, second], "nextPageToken": "abc"}) == [first, second]
    assert parse_document({"studies": [], "totalCount": 0}) == []


@pytest.mark.parametrize(
    "document",
    [
        [make_study()],
        "NCT01234567",
        None,
        {"error": "not found"},
        {"studies": [{"nctId": "NCT01234567"}]},
        {"studies": ["NCT01234567"]},
    ],
)
def test_anything_else_is_rejected(document: object) -> None:
    with pytest.raises(RecordError, match="API v2"):
        parse_document(document)


def test_load_path_handles_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "study.json"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(full_study(), indent=2, ensure_ascii=False).replace("\n", "\r\n").encode()
    )
    (study,) = load_path(path)
    assert parse_study(study) == parse_study(full_study())


def test_load_path_rejects_classic_xml(tmp_path: Path) -> None:
    path = tmp_path / "NCT01234567.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<clinical_study rank="1">\n'
        "<id_info><nct_id>NCT01234567</nct_id></id_info>\n</clinical_study>\n"
    )
    with pytest.raises(RecordError, match=r"^NCT01234567\.xml: classic XML is not supported; use the API v2 JSON"):
        load_path(path)


def test_load_path_names_the_file_for_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"protocolSection": ')
    with pytest.raises(RecordError, match=r"^broken\.json: not valid JSON"):
        load_path(path)


def test_load_path_names_the_file_for_wrong_documents(tmp_path: Path) -> None:
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(LEGACY_V1_DOCUMENTS[1].values[0]))
    with pytest.raises(RecordError, match=r"^v1\.json: NCT02028676: not a ClinicalTrials.gov API v2 record"):
        load_path(path)


def test_load_path_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match=r"^absent\.json: cannot be read"):
        load_path(tmp_path / "absent.json")


# ---------------------------------------------------------------------------------------------
# Every real sample file (trials/fixtures/ctgov in the repository)

DATA_DIR = Path(__file__).resolve().parents[2] / "trials" / "fixtures" / "ctgov"
# The samples described in SOURCES.md; any further NCT*.json dropped in the folder is tested too.
KNOWN_RECORDS = (
    "NCT00763412.json", "NCT00973089.json", "NCT02210780.json", "NCT02513394.json",
    "NCT03064438.json", "NCT03475563.json", "NCT03630471.json", "NCT04431453.json",
    "NCT05594173.json", "NCT06193889.json", "NCT06451159.json", "NCT07006805.json",
)  # fmt: skip
LEGACY_FILES = (
    "legacy/NCT04780763.v1-FullStudiesResponse.json",
    "legacy/ctg_api_all.v1-StudyFieldsResponse.json",
    "legacy/NCT02513394.classic.xml",
)
RECORD_FILES = sorted({*KNOWN_RECORDS, *(path.name for path in DATA_DIR.glob("NCT*.json"))})


def real_file(name: str) -> Path:
    """Path of a real sample; fails (never skips) when the file is not there."""
    path = DATA_DIR / name
    if not path.is_file():
        pytest.fail(
            f"real ClinicalTrials.gov sample {path} is missing: these tests need the sample folder "
            f"{DATA_DIR} (trials/fixtures/ctgov in the repository, described in its SOURCES.md)",
            pytrace=False,
        )
    return path


def read_raw(name: str) -> dict[str, Any]:
    """The file's JSON decoded directly, independently of load_path."""
    return json.loads(real_file(name).read_text(encoding="utf-8-sig"))


def test_real_data_folder_is_present() -> None:
    assert DATA_DIR.is_dir(), f"sample folder {DATA_DIR} is missing (trials/fixtures/ctgov in the repository)"
    assert (DATA_DIR / "SOURCES.md").is_file()


@pytest.mark.parametrize("name", RECORD_FILES)
def test_real_record_parses_to_the_values_in_its_json(name: str) -> None:
    raw = read_raw(name)
    protocol = raw["protocolSection"]
    raw_status = protocol["statusModule"]
    raw_design = protocol.get("designModule", {})
    raw_locations = protocol.get("contactsLocationsModule", {}).get("locations", [])

    (study,) = load_path(real_file(name))
    trial = parse_study(study)

    assert trial.nct_id == protocol["identificationModule"]["nctId"] == name.removesuffix(".json")
    assert trial.title == protocol["identificationModule"]["briefTitle"]
    assert trial.overall_status == raw_status["overallStatus"]
    assert trial.last_known_status == raw_status.get("lastKnownStatus", "")
    assert trial.phases == tuple(raw_design.get("phases", []))
    assert trial.enrollment == raw_design.get("enrollmentInfo", {}).get("count")
    assert trial.start_date == raw_status["startDateStruct"]["date"]
    assert trial.start_date_type == raw_status["startDateStruct"].get("type", "")
    assert trial.completion_date == raw_status.get("completionDateStruct", {}).get("date", "")
    assert trial.sponsor == protocol["sponsorCollaboratorsModule"]["leadSponsor"]["name"]
    assert trial.brief_summary == protocol["descriptionModule"]["briefSummary"]
    assert len(trial.locations) <= len(raw_locations)
    assert bool(trial.locations) == bool(raw_locations)
    assert len({loc.key for loc in trial.locations}) == len(trial.locations)
    raw_cities = {loc.get("city", "") for loc in raw_locations}
    assert {loc.city for loc in trial.locations} <= raw_cities
    assert trial.car_t_target in {"cd19", "bcma", "cd19_bcma", "other", "none"}
    # Re-serialised with other key order and whitespace, the record hashes the same.
    assert parse_study(reorder_keys(json.loads(json.dumps(raw)))).content_hash == trial.content_hash


def test_real_large_record_with_437_locations() -> None:
    raw = read_raw("NCT02513394.json")
    assert len(raw["protocolSection"]["contactsLocationsModule"]["locations"]) == 437
    trial = parse_study(load_path(real_file("NCT02513394.json"))[0])
    assert len(trial.locations) == 437  # all distinct sites
    assert sum(loc.latitude is None for loc in trial.locations) == 2
    assert (trial.start_date, trial.start_date_type) == ("2015-08", "")
    assert (trial.enrollment, trial.enrollment_type) == (5796, "ACTUAL")


def test_real_unknown_status_observational_record() -> None:
    trial = parse_study(load_path(real_file("NCT03475563.json"))[0])
    assert (trial.overall_status, trial.last_known_status) == ("UNKNOWN", "RECRUITING")
    assert (trial.study_type, trial.phases, phase_label(trial.phases)) == ("OBSERVATIONAL", (), "")


def test_real_withdrawn_record_without_locations() -> None:
    trial = parse_study(load_path(real_file("NCT07006805.json"))[0])
    assert trial.overall_status == "WITHDRAWN" and trial.why_stopped
    assert (trial.enrollment, trial.enrollment_type, trial.locations) == (0, "ACTUAL", ())
    assert (trial.start_date, trial.start_date_type) == ("2026-06", "ESTIMATED")
    assert phase_label(trial.phases) == "Phase 1/2"
    assert len(trial.conditions) == 7


def test_real_records_markdown_escapes_and_partial_dates() -> None:
    trial = parse_study(load_path(real_file("NCT06451159.json"))[0])
    assert "\\>" in trial.eligibility_criteria or "\\>" in trial.brief_summary
    assert (trial.completion_date, trial.completion_date_type) == ("2027-02", "ESTIMATED")
    assert format_partial_date(trial.completion_date, trial.completion_date_type) == "Feb 2027 (estimated)"
    assert trial.locations[0].status == ""
    assert trial.locations[0].latitude is not None


def test_real_records_guess_car_t_targets() -> None:
    targets = {name: parse_study(load_path(real_file(name))[0]).car_t_target for name in KNOWN_RECORDS}
    assert {name for name, target in targets.items() if target != "none"} == {
        "NCT06193889.json",
        "NCT06451159.json",
        "NCT07006805.json",
    }
    assert targets["NCT06193889.json"] == targets["NCT06451159.json"] == targets["NCT07006805.json"] == "cd19"


def test_real_phase_2_3_and_unicode_sites() -> None:
    trial = parse_study(load_path(real_file("NCT06193889.json"))[0])
    assert phase_label(trial.phases) == "Phase 2/3"
    assert len(trial.locations) == 22
    assert all(loc.status == "RECRUITING" for loc in trial.locations)
    assert any("São Paulo" == loc.city for loc in trial.locations)


def test_real_list_page_yields_one_study() -> None:
    raw = read_raw("list-page-1.json")
    studies = load_path(real_file("list-page-1.json"))
    assert len(studies) == 1 == len(raw["studies"])
    trial = parse_study(studies[0])
    assert trial.nct_id == raw["studies"][0]["protocolSection"]["identificationModule"]["nctId"] == "NCT06388018"


@pytest.mark.parametrize("name", LEGACY_FILES)
def test_real_legacy_files_are_rejected(name: str) -> None:
    with pytest.raises(RecordError, match="classic (v1 JSON|XML)") as excinfo:
        load_path(real_file(name))
    assert str(excinfo.value).startswith(Path(name).name + ": ")
    assert "API v2" in str(excinfo.value)
