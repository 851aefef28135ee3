"""Apply a ClinicalTrials.gov record to a Trial: create or update, record changes, batch the checks.

One rule runs through all of it: the registry owns the registry fields (`models.REGISTRY_FIELDS`),
editors own the rest. An import creates a trial as a draft for editorial review, or updates
registry fields only; the plain-language summary, body, "what this means", tags, CAR T target and
workflow status are never touched. Each trial is written in its own transaction, so a bad record
changes nothing for that trial and does not stop the others.

Every refresh that changes a tracked fact writes `TrialChange` rows and records the followers'
alerts (`trials.alerts.trial_alerts_record`) and flags the articles and FAQs that link the trial
(`trials.evidence.evidence_flags_record`) inside the same transaction. Where the records come
from (saved files, the registry API) is `trials.imports`.
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from portal.actions.save import content_changed, content_save
from portal.content.models import Status
from portal.content.validators import single_line

from .alerts import trial_alerts_record
from .choices import sponsor_type_for
from .evidence import evidence_flags_record
from .models import REGISTRY_FIELDS, ChangeField, Location, Trial, TrialChange
from .registry.parse import ParsedLocation, ParsedTrial, RecordError, parse_study

if TYPE_CHECKING:
    from portal.accounts.models import User

__all__ = [
    "CheckedBatch",
    "ImportResult",
    "Outcome",
    "SyncReport",
    "failed",
    "study_import_safely",
    "trial_import",
    "trial_import_safely",
]

# How each registry field is filled from a ParsedTrial: lists become JSON lists, these few are
# derived, and every other registry field is copied as it is from the field of the same name.
_LISTS = (
    "collaborators",
    "conditions",
    "interventions",
    "phases",
    "condition_groups",
    "keywords",
    "central_contacts",
    "arms",
    "intervention_details",
    "primary_outcomes",
    "secondary_outcomes",
)
_DERIVED = ("sponsor_type", "first_posted", "last_update_posted", "registry_hash", "registry_version_date")
_COPIED = tuple(name for name in REGISTRY_FIELDS if name not in (*_LISTS, *_DERIVED))
_DATE_CHANGES = (ChangeField.START_DATE, ChangeField.PRIMARY_COMPLETION_DATE, ChangeField.COMPLETION_DATE)
_LOCATION_FIELDS = ("facility", "city", "state", "country", "status", "zip", "latitude", "longitude", "contacts")


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass
class ImportResult:
    """What happened to one trial (or one unreadable file or search, then `label` names it)."""

    label: str
    outcome: Outcome
    trial: Trial | None = None
    changes: list[TrialChange] = field(default_factory=list)
    error: str = ""


@dataclass
class SyncReport:
    results: list[ImportResult] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(Outcome, 0)
        for result in self.results:
            counts[result.outcome] += 1
        return {str(outcome): n for outcome, n in counts.items()}

    @property
    def failures(self) -> list[ImportResult]:
        return [result for result in self.results if result.outcome == Outcome.FAILED]

    @property
    def ok(self) -> bool:
        return not self.failures


def failed(label: str, error: str) -> ImportResult:
    """The result for a record, file or search that could not be imported (nothing was written)."""
    return ImportResult(label=label, outcome=Outcome.FAILED, error=error)


# ---------------------------------------------------------------------------------------------
# Import one parsed record


def _posted_date(value: str) -> datetime.date | None:
    """Registry posting dates are days; a month or year only (seen in old records) counts from its 1st."""
    if not value:
        return None
    parts = [int(part) for part in value.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])


@functools.cache
def _max_length(model: type[models.Model], name: str) -> int | None:
    return model._meta.get_field(name).max_length


def _fit(model: type[models.Model], name: str, value: Any) -> Any:
    """Cut text to the column's max_length (registry titles may be 300 characters, our column 255)."""
    max_length = _max_length(model, name)
    if isinstance(value, str) and max_length and isinstance(model._meta.get_field(name), models.CharField):
        value = single_line(value)  # one-line columns refuse line breaks (portal.content.validators)
    if isinstance(value, str) and max_length and len(value) > max_length:
        return value[: max_length - 1] + "…"
    return value


def _registry_values(parsed: ParsedTrial) -> dict[str, Any]:
    values: dict[str, Any] = {name: _fit(Trial, name, getattr(parsed, name)) for name in _COPIED}
    values.update({name: _json_list(getattr(parsed, name)) for name in _LISTS})
    values.update(
        sponsor_type=sponsor_type_for(parsed.sponsor_class),
        first_posted=_posted_date(parsed.first_posted),
        last_update_posted=_posted_date(parsed.last_update_posted),
        registry_hash=parsed.content_hash,
        registry_version_date=_posted_date(parsed.version_date),
    )
    return values


def _json_list(values: Iterable[Any]) -> list[Any]:
    return [dict(value) if isinstance(value, Mapping) else value for value in values]


def _location(trial: Trial, parsed: ParsedLocation) -> Location:
    values = {name: _fit(Location, name, getattr(parsed, name)) for name in _LOCATION_FIELDS}
    values["contacts"] = _json_list(parsed.contacts)
    return Location(trial=trial, key=_fit(Location, "key", parsed.key), **values)


def _slug_for(parsed: ParsedTrial) -> str:
    """"nct06451159-kyv-101-in-progressive-ms": unique by the NCT number, so no lookups are needed."""
    words = slugify(parsed.acronym or parsed.title)[:80].strip("-")
    return f"{parsed.nct_id.lower()}-{words}" if words else parsed.nct_id.lower()


def trial_import(
    *,
    parsed: ParsedTrial,
    user: User | None = None,
    now: datetime.datetime | None = None,
    checked: list[int] | None = None,
    source_hash: str = "",
) -> ImportResult:
    """Create the trial as a draft, or bring its registry fields up to date, recording changes.

    With a `user` (admin), creation goes through `content_save`, which checks their permission and
    makes them the author; commands pass no user. Raises ValidationError, PermissionDenied or
    DatabaseError with nothing written for this trial. Batch callers pass a `checked` list: the
    pks of unchanged trials are appended to it for one `last_checked_at` update at the end,
    instead of a write (and a commit) per unchanged trial. `source_hash` is the `source_digest`
    of the single-study file `parsed` came from ("" otherwise), stored for `imports.trials_import_files`.
    """
    now = now or timezone.now()
    last_update = _posted_date(parsed.last_update_posted)
    existing = (
        Trial.objects.filter(nct_id=parsed.nct_id)
        .values_list("pk", "registry_hash", "last_update_posted", "source_hash", "registry_version_date")
        .first()
    )
    if existing is not None and existing[1] == parsed.content_hash and existing[2] == last_update:
        # The quick path: same facts, same posting date. Only note that we checked (and, for a
        # file whose bytes changed without changing the facts, its new digest; for a newer
        # version of the record, its date).
        pk, stored_source = existing[0], existing[3]
        new_source = {"source_hash": source_hash} if source_hash and source_hash != stored_source else {}
        version = _posted_date(parsed.version_date)
        if version and (existing[4] is None or version > existing[4]):
            new_source["registry_version_date"] = version
        if checked is None:
            Trial.objects.filter(pk=pk).update(
                last_checked_at=now, check_count=models.F("check_count") + 1, last_check_error="", **new_source
            )
        else:
            checked.append(pk)
            if new_source:
                Trial.objects.filter(pk=pk).update(**new_source)
        return ImportResult(label=parsed.nct_id, outcome=Outcome.UNCHANGED)
    with transaction.atomic():
        if existing is None:
            return _trial_create(parsed=parsed, user=user, now=now, source_hash=source_hash)
        return _trial_update(pk=existing[0], parsed=parsed, now=now, last_update=last_update, source_hash=source_hash)


def _trial_create(
    *, parsed: ParsedTrial, user: User | None, now: datetime.datetime, source_hash: str
) -> ImportResult:
    trial = Trial(
        nct_id=parsed.nct_id,
        slug=_slug_for(parsed),
        car_t_target=parsed.car_t_target,  # A guess the editors correct; never written again.
        last_checked_at=now,
        check_count=1,
        source_hash=source_hash,
        **_registry_values(parsed),
    )
    if user is not None:
        content_save(item=trial, user=user)
    else:
        trial.status = Status.DRAFT
        trial.full_clean()
        trial.save()
    Location.objects.bulk_create([_location(trial, location) for location in parsed.locations], batch_size=500)
    return ImportResult(label=parsed.nct_id, outcome=Outcome.CREATED, trial=trial)


def _trial_update(
    *, pk: int, parsed: ParsedTrial, now: datetime.datetime, last_update: datetime.date | None, source_hash: str
) -> ImportResult:
    trial = Trial.objects.select_for_update().get(pk=pk)
    before = {name: getattr(trial, name) for name in ("overall_status", "enrollment", "phases")}
    before_dates = {name: _date_value(trial, name) for name in _DATE_CHANGES}
    values = _registry_values(parsed)
    for name, value in values.items():
        setattr(trial, name, value)
    trial.last_checked_at = now
    trial.check_count += 1
    trial.last_check_error = ""
    trial.source_hash = source_hash  # The old file no longer describes the stored facts.
    trial.clean_fields(exclude=[f.name for f in Trial._meta.fields if f.name not in REGISTRY_FIELDS])
    bookkeeping = ["last_checked_at", "check_count", "last_check_error", "source_hash"]
    trial.save(update_fields=[*values, *bookkeeping])

    def change(field_name: str, old: Any, new: Any, country: str = "") -> TrialChange:
        return TrialChange(
            trial=trial,
            field=field_name,
            country=country,
            old_value=old,
            new_value=new,
            changed_at=now,
            registry_updated=last_update,
        )

    changes = []
    if before["overall_status"] != trial.overall_status:
        changes.append(change(ChangeField.OVERALL_STATUS, before["overall_status"], trial.overall_status))
    if before["phases"] != trial.phases:
        changes.append(change(ChangeField.PHASES, before["phases"], trial.phases))
    for name in _DATE_CHANGES:
        if before_dates[name] != _date_value(trial, name):
            changes.append(change(name, before_dates[name], _date_value(trial, name)))
    if before["enrollment"] != trial.enrollment:
        changes.append(change(ChangeField.ENROLLMENT, before["enrollment"], trial.enrollment))
    added, removed = _locations_sync(trial, parsed.locations)
    for field_name, sites in ((ChangeField.SITES_ADDED, added), (ChangeField.SITES_REMOVED, removed)):
        for country, keys in sorted(sites.items()):
            changes.append(change(field_name, None, sorted(keys), country))

    TrialChange.objects.bulk_create(changes)
    if changes:
        # A fact readers care about changed: this is what "Updated" on cards means.
        trial.registry_changed_at = now
        Trial.objects.filter(pk=trial.pk).update(registry_changed_at=now)
        trial_alerts_record(trial=trial, changes=changes)
        evidence_flags_record(trial=trial, changes=changes)  # Articles and FAQs that link it may be outdated.
    # A revision, and for published trials the search index and topic alerts.
    content_changed(item=trial, comment="Registry refresh from ClinicalTrials.gov.")
    return ImportResult(label=parsed.nct_id, outcome=Outcome.UPDATED, trial=trial, changes=changes)


def _date_value(trial: Trial, name: str) -> dict[str, str] | None:
    date = getattr(trial, name)
    return {"date": date, "type": getattr(trial, f"{name}_type")} if date else None


def _locations_sync(
    trial: Trial, parsed_locations: Iterable[ParsedLocation]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Add, update and delete sites by key; returns (added, removed) keys per country."""
    stored = {location.key: location for location in Location.objects.filter(trial=trial)}
    wanted = {_fit(Location, "key", parsed.key): parsed for parsed in parsed_locations}
    added: dict[str, list[str]] = defaultdict(list)
    removed: dict[str, list[str]] = defaultdict(list)
    new_rows, changed_rows = [], []
    for key, parsed in wanted.items():
        fresh = _location(trial, parsed)
        current = stored.get(key)
        if current is None:
            new_rows.append(fresh)
            added[fresh.country].append(key)
        elif any(getattr(current, name) != getattr(fresh, name) for name in _LOCATION_FIELDS):
            for name in _LOCATION_FIELDS:
                setattr(current, name, getattr(fresh, name))
            changed_rows.append(current)
    gone = [location for key, location in stored.items() if key not in wanted]
    for location in gone:
        removed[location.country].append(location.key)
    if gone:
        Location.objects.filter(pk__in=[location.pk for location in gone]).delete()
    Location.objects.bulk_create(new_rows, batch_size=500)
    if changed_rows:
        Location.objects.bulk_update(changed_rows, _LOCATION_FIELDS, batch_size=500)
    return added, removed


class CheckedBatch:
    """Collects unchanged trials during a batch and marks them checked in a few bulk updates."""

    def __init__(self) -> None:
        self.now = timezone.now()
        self.pks: list[int] = []

    def flush(self) -> None:
        for start in range(0, len(self.pks), 500):
            Trial.objects.filter(pk__in=self.pks[start : start + 500]).update(
                last_checked_at=self.now, check_count=models.F("check_count") + 1, last_check_error=""
            )
        self.pks = []


def trial_import_safely(
    parsed: ParsedTrial, user: User | None, batch: CheckedBatch | None = None, source_hash: str = ""
) -> ImportResult:
    """`trial_import`, with a failure reported in the result instead of raised (for batches)."""
    try:
        if batch is None:
            return trial_import(parsed=parsed, user=user)
        return trial_import(parsed=parsed, user=user, now=batch.now, checked=batch.pks, source_hash=source_hash)
    except ValidationError as exc:
        return failed(parsed.nct_id, "; ".join(exc.messages))
    except PermissionDenied as exc:
        return failed(parsed.nct_id, str(exc))
    except DatabaseError as exc:
        return failed(parsed.nct_id, f"database error: {exc}")


def study_import_safely(
    study: Mapping[str, Any], user: User | None, batch: CheckedBatch, source: str = "", source_hash: str = ""
) -> ImportResult:
    """Parse one study object and import it; an unusable record fails under `source`'s name."""
    try:
        parsed = parse_study(study)
    except RecordError as exc:
        return failed(source or "record", str(exc))
    return trial_import_safely(parsed, user, batch, source_hash)
