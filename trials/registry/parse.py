"""Turn one ClinicalTrials.gov API v2 study object into a typed record: `ParsedTrial`.

Pure: no database, no files, no network, so the importer, the admin preview and the tests share one
reading of the registry format. Only the API v2 JSON shape (camelCase `protocolSection`, as served by
https://clinicaltrials.gov/api/v2/studies) is accepted: a classic v1 JSON object is rejected here
with a message saying what to download instead (saved files, list pages and classic XML are read
by `registry.files`). The finder's CAR T target and condition groups are guessed by
`registry.classify`.

Any module of a v2 record may be missing (withdrawn studies have no locations, observational
studies have no phases, old records have dates without a type); only the NCT number is required.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from trials.choices import CarTTarget, ConditionGroup

from . import API_BASE_URL
from .classify import guess_car_t_target, guess_condition_groups

__all__ = [
    "HASH_VERSION",
    "ParsedLocation",
    "ParsedTrial",
    "RecordError",
    "check_partial_date",
    "is_nct_id",
    "normalise_key",
    "parse_study",
    "redownload_hint",
    "reject_legacy",
]

_NCT_ID = re.compile(r"NCT\d{8}")
# The registry gives dates at year, month or day precision; anything else is not a v2 date.
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WHITESPACE = re.compile(r"\s+")

# Bumped whenever the hashed facts change meaning, so stored hashes stop matching and every
# record is re-imported once instead of being silently skipped. `registry.files.source_digest`
# includes it too.
HASH_VERSION = "ctgov-parsed-trial/2"


class RecordError(ValueError):
    """A file or JSON document is not a usable ClinicalTrials.gov API v2 record.

    The message is meant for an editor or an operator, so it names the record and says what to do.
    """


def is_nct_id(value: object) -> bool:
    """True for a well-formed ClinicalTrials.gov number: "NCT" and exactly 8 digits."""
    return isinstance(value, str) and _NCT_ID.fullmatch(value) is not None


def normalise_key(*parts: str) -> str:
    """Join parts with "|" after NFC, casefolding and collapsing whitespace.

    Accents are kept on purpose ("São Paulo" and "Sao Paulo" are kept apart rather than guessed
    equal); NFC only makes composed and decomposed spellings of the same accent compare equal.
    """
    return "|".join(_WHITESPACE.sub(" ", unicodedata.normalize("NFC", part)).strip().casefold() for part in parts)


# ---------------------------------------------------------------------------------------------
# Dates


def check_partial_date(value: str) -> re.Match[str]:
    """Match a registry date, raising ValueError unless it is a real year, month or day."""
    match = _PARTIAL_DATE.fullmatch(value)
    if match is None:
        raise ValueError(f"{value!r} is not a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    datetime.date(year, month, day)  # Raises ValueError for month 13 or 31 February.
    return match


# ---------------------------------------------------------------------------------------------
# Parsed records


@dataclass(frozen=True)
class ParsedLocation:
    """One trial site as the registry lists it; empty strings where the registry says nothing.

    Most older records have no per-site `status`, many non-US sites have no state or zip, and
    some records give neither facility names nor coordinates, so every field is optional.
    """

    facility: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    country: str = ""
    status: str = ""
    latitude: float | None = None
    longitude: float | None = None

    @functools.cached_property
    def key(self) -> str:
        """Identity of the site across refreshes: normalised "facility|city|country".

        State, zip, status and coordinates are left out: they are corrected or change over time
        and must update a site, not make it look like a new one.
        """
        return normalise_key(self.facility, self.city, self.country)


@dataclass(frozen=True)
class ParsedTrial:
    """The registry facts the portal stores, one field per `trials.models.Trial` field.

    Text fields are "" and `enrollment` is None when the registry leaves them out, so an importer
    can assign them without checks. `content_hash` is derived from all other fields (it is not an
    argument) and changes exactly when a stored fact changes.
    """

    nct_id: str
    title: str = ""
    official_title: str = ""
    acronym: str = ""
    sponsor: str = ""
    sponsor_class: str = ""
    collaborators: tuple[str, ...] = ()
    study_type: str = ""
    phases: tuple[str, ...] = ()
    overall_status: str = ""
    last_known_status: str = ""
    why_stopped: str = ""
    conditions: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    enrollment: int | None = None
    enrollment_type: str = ""
    start_date: str = ""
    start_date_type: str = ""
    primary_completion_date: str = ""
    primary_completion_date_type: str = ""
    completion_date: str = ""
    completion_date_type: str = ""
    last_update_posted: str = ""
    first_posted: str = ""
    brief_summary: str = ""
    eligibility_criteria: str = ""
    sex: str = ""
    minimum_age: str = ""
    maximum_age: str = ""
    locations: tuple[ParsedLocation, ...] = ()
    car_t_target: str = CarTTarget.NONE.value
    condition_groups: tuple[str, ...] = (ConditionGroup.OTHER.value,)
    content_hash: str = dataclasses.field(init=False, default="")

    def __post_init__(self) -> None:
        # Built by hand rather than with dataclasses.asdict, which deep-copies every value and
        # took most of the time of a no-change re-import of records with hundreds of sites.
        facts = {name: getattr(self, name) for name in _HASHED_FIELDS}
        facts["locations"] = [{name: getattr(loc, name) for name in _LOCATION_FIELDS} for loc in self.locations]
        canonical = json.dumps([HASH_VERSION, facts], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        object.__setattr__(self, "content_hash", digest)


_HASHED_FIELDS = tuple(f.name for f in dataclasses.fields(ParsedTrial) if f.name not in ("content_hash", "locations"))
_LOCATION_FIELDS = tuple(f.name for f in dataclasses.fields(ParsedLocation))


# ---------------------------------------------------------------------------------------------
# Reading one study


def _obj(data: Mapping[str, Any], *path: str) -> Mapping[str, Any]:
    """Follow keys down nested objects; a missing or non-object step gives {} (modules are optional)."""
    current: Any = data
    for key in path:
        current = current.get(key) if isinstance(current, Mapping) else None
    return current if isinstance(current, Mapping) else {}


def _text(data: Mapping[str, Any], key: str, *, strip: bool = True) -> str:
    """A string field, or "" when absent or not a string (the registry omits empty fields)."""
    value = data.get(key)
    if not isinstance(value, str):
        return ""
    return value.strip() if strip else value


def _unique_texts(values: Iterable[Any]) -> tuple[str, ...]:
    """Non-empty strings, stripped, without repeats (compared normalised), in the registry's order."""
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            continue
        key = normalise_key(value)
        if key not in seen:
            seen.add(key)
            result.append(value.strip())
    return tuple(result)


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def _date(nct_id: str, status: Mapping[str, Any], struct: str) -> tuple[str, str]:
    """(date, type) of a status date struct, e.g. ("2027-02", "ESTIMATED").

    Records posted before types were required have no `type`: that gives "" (not ACTUAL), because
    the registry does not say whether such a date happened.
    """
    date_struct = _obj(status, struct)
    value = _text(date_struct, "date")
    if value:
        try:
            check_partial_date(value)
        except ValueError as exc:
            raise RecordError(f"{nct_id}: statusModule.{struct}.date: {exc}") from None
    return value, _text(date_struct, "type")


def _enrollment(nct_id: str, design: Mapping[str, Any]) -> tuple[int | None, str]:
    info = _obj(design, "enrollmentInfo")
    count = info.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
        raise RecordError(f"{nct_id}: designModule.enrollmentInfo.count {count!r} is not a whole number")
    return count, _text(info, "type")


def _coordinate(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _locations(contacts_locations: Mapping[str, Any]) -> tuple[ParsedLocation, ...]:
    """Sites deduplicated on `ParsedLocation.key`, first one wins, registry order kept."""
    by_key: dict[str, ParsedLocation] = {}
    for raw in _list(contacts_locations, "locations"):
        if not isinstance(raw, Mapping):
            continue
        geo = _obj(raw, "geoPoint")
        location = ParsedLocation(
            facility=_text(raw, "facility"),
            city=_text(raw, "city"),
            state=_text(raw, "state"),
            zip=_text(raw, "zip"),
            country=_text(raw, "country"),
            status=_text(raw, "status"),
            latitude=_coordinate(geo.get("lat")),
            longitude=_coordinate(geo.get("lon")),
        )
        by_key.setdefault(location.key, location)
    return tuple(by_key.values())


def parse_study(data: Mapping[str, Any]) -> ParsedTrial:
    """Read one API v2 study object (the body of `GET /api/v2/studies/{nctId}`).

    Raises RecordError for legacy formats and for a missing or malformed NCT number; everything
    else is optional and defaults to "" / () / None.
    """
    if not isinstance(data, Mapping):
        raise RecordError(f"expected a study object, got {type(data).__name__}")
    reject_legacy(data)
    protocol = _obj(data, "protocolSection")
    identification = _obj(protocol, "identificationModule")
    nct_id = identification.get("nctId")
    if nct_id is None:
        raise RecordError(
            "not a ClinicalTrials.gov API v2 study: protocolSection.identificationModule.nctId is missing"
        )
    if not is_nct_id(nct_id):
        raise RecordError(f"{nct_id!r} is not a ClinicalTrials.gov number (NCT followed by 8 digits)")

    status = _obj(protocol, "statusModule")
    sponsors = _obj(protocol, "sponsorCollaboratorsModule")
    lead_sponsor = _obj(sponsors, "leadSponsor")
    design = _obj(protocol, "designModule")
    conditions_module = _obj(protocol, "conditionsModule")
    raw_interventions = [
        item for item in _list(_obj(protocol, "armsInterventionsModule"), "interventions") if isinstance(item, Mapping)
    ]
    eligibility = _obj(protocol, "eligibilityModule")
    enrollment, enrollment_type = _enrollment(nct_id, design)
    start_date, start_date_type = _date(nct_id, status, "startDateStruct")
    primary_date, primary_date_type = _date(nct_id, status, "primaryCompletionDateStruct")
    completion_date, completion_date_type = _date(nct_id, status, "completionDateStruct")
    first_posted, _first_type = _date(nct_id, status, "studyFirstPostDateStruct")
    last_update, _last_type = _date(nct_id, status, "lastUpdatePostDateStruct")

    title = _text(identification, "briefTitle")
    official_title = _text(identification, "officialTitle")
    acronym = _text(identification, "acronym")
    keywords = [k for k in _list(conditions_module, "keywords") if isinstance(k, str)]
    conditions = _unique_texts(_list(conditions_module, "conditions"))
    intervention_texts = [
        text
        for item in raw_interventions
        for text in (_text(item, "name"), _text(item, "description"), *_list(item, "otherNames"))
        if isinstance(text, str)
    ]

    return ParsedTrial(
        nct_id=nct_id,
        title=title,
        official_title=official_title,
        acronym=acronym,
        sponsor=_text(lead_sponsor, "name"),
        sponsor_class=_text(lead_sponsor, "class"),
        collaborators=_unique_texts(
            _text(c, "name") for c in _list(sponsors, "collaborators") if isinstance(c, Mapping)
        ),
        study_type=_text(design, "studyType"),
        phases=tuple(p.strip() for p in _list(design, "phases") if isinstance(p, str) and p.strip()),
        overall_status=_text(status, "overallStatus"),
        last_known_status=_text(status, "lastKnownStatus"),
        why_stopped=_text(status, "whyStopped"),
        conditions=conditions,
        interventions=_unique_texts(_text(item, "name") for item in raw_interventions),
        enrollment=enrollment,
        enrollment_type=enrollment_type,
        start_date=start_date,
        start_date_type=start_date_type,
        primary_completion_date=primary_date,
        primary_completion_date_type=primary_date_type,
        completion_date=completion_date,
        completion_date_type=completion_date_type,
        last_update_posted=last_update,
        first_posted=first_posted,
        # Registry Markdown is stored untouched (escapes such as "\>" included): the renderer
        # resolves them, and rewriting here would make the stored text differ from the registry's.
        brief_summary=_text(_obj(protocol, "descriptionModule"), "briefSummary", strip=False),
        eligibility_criteria=_text(eligibility, "eligibilityCriteria", strip=False),
        sex=_text(eligibility, "sex"),
        minimum_age=_text(eligibility, "minimumAge"),
        maximum_age=_text(eligibility, "maximumAge"),
        locations=_locations(_obj(protocol, "contactsLocationsModule")),
        car_t_target=guess_car_t_target([title, official_title, acronym, *keywords, *intervention_texts]),
        condition_groups=guess_condition_groups(conditions, [title, official_title, *keywords]),
    )


# ---------------------------------------------------------------------------------------------
# Classic v1 JSON

# Top-level keys of the retired classic JSON API (v1); values in it are not v2 values.
_LEGACY_V1_KEYS = ("FullStudiesResponse", "StudyFieldsResponse", "FullStudy", "Study", "ProtocolSection")


def _legacy_nct_id(data: Mapping[str, Any]) -> str:
    """Best-effort NCT number from a v1 document, only to make the error message actionable."""
    found = set(re.findall(r'"NCTId"\s*:\s*\[?\s*"(NCT\d{8})"', json.dumps(data)))
    return found.pop() if len(found) == 1 else ""


def redownload_hint(nct_id: str) -> str:
    return f"{API_BASE_URL}/studies/{nct_id or '{nctId}'}"


def reject_legacy(data: Mapping[str, Any]) -> None:
    """Raise RecordError if `data` is classic v1 JSON (PascalCase keys such as ProtocolSection)."""
    for key in _LEGACY_V1_KEYS:
        if key in data and "protocolSection" not in data:
            nct_id = _legacy_nct_id(data)
            raise RecordError(
                f"{nct_id + ': ' if nct_id else ''}not a ClinicalTrials.gov API v2 record "
                f"(looks like classic v1 JSON {key!r}); "
                f"download it again from {redownload_hint(nct_id)}"
            )
