"""Where records come from: saved files, one NCT number, the registry's search.

The entry points the commands (`import_trials`, `sync_trials`) and the admin call. Each reads
records through `trials.registry` and hands every one to `trials.sync`, which writes it in its own
transaction; a failure is reported in the `SyncReport` and does not stop the others.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Trial
from .registry.client import CtgovClient, CtgovError, RegistryUnavailable
from .registry.files import SourceFile, file_groups, load_bytes
from .registry.parse import ParsedTrial, RecordError, parse_study
from .sync import (
    CheckedBatch,
    ImportResult,
    Outcome,
    SyncReport,
    failed,
    study_import_safely,
    trial_import_safely,
)

if TYPE_CHECKING:
    from portal.accounts.models import User

__all__ = ["ctgov_client", "trial_fetch", "trial_refresh", "trials_import_files", "trials_sync"]

Progress = Callable[[int, int | None, str], None]


# ---------------------------------------------------------------------------------------------
# Saved files


def _imported_sources(digests: list[str]) -> dict[str, tuple[int, str]]:
    """digest -> (pk, NCT number) of the trials whose stored facts came from a file with those bytes."""
    rows = Trial.objects.filter(source_hash__in=digests).values_list("source_hash", "pk", "nct_id")
    return {digest: (pk, nct_id) for digest, pk, nct_id in rows}


def trials_import_files(
    *, paths: Iterable[str | Path], user: User | None = None, progress: Progress | None = None
) -> SyncReport:
    """Import saved API v2 records or list pages.

    A single-study file whose exact bytes were imported before (`Trial.source_hash`) is unchanged
    without being decoded or parsed: that is most of a routine re-import. Every other file is
    decoded and each of its studies imported as `trial_import` does, in its own transaction; a
    file that changed in bytes only (re-indented, say) is still unchanged by the facts.
    """
    paths = [Path(path) for path in paths]
    report = SyncReport()
    batch = CheckedBatch()
    done = 0
    for group in file_groups(paths):
        imported = _imported_sources([source.digest for source in group if source.digest])
        written: set[int] = set()  # Trials changed by this group's earlier files: their digests are stale.
        for source in group:
            known = imported.get(source.digest)
            if known is not None and known[0] not in written:
                batch.pks.append(known[0])
                report.results.append(ImportResult(label=known[1], outcome=Outcome.UNCHANGED))
            else:
                results = _import_file(source, user, batch)
                written.update(result.trial.pk for result in results if result.trial is not None)
                report.results.extend(results)
            source.data = b""
            done += 1
            if progress:
                progress(done, len(paths), source.path.name)
    batch.flush()
    return report


def _import_file(source: SourceFile, user: User | None, batch: CheckedBatch) -> list[ImportResult]:
    if source.error:
        return [failed(source.path.name, source.error)]
    try:
        studies = load_bytes(source.data, source.path.name)
    except RecordError as exc:
        return [failed(source.path.name, str(exc))]
    # Only a single-study file's bytes describe one trial, so only they can be remembered.
    digest = source.digest if len(studies) == 1 else ""
    return [study_import_safely(study, user, batch, source=source.path.name, source_hash=digest) for study in studies]


# ---------------------------------------------------------------------------------------------
# The registry API


def ctgov_client() -> CtgovClient:
    """The registry client used when none is passed; tests replace it (MockTransport)."""
    return CtgovClient()


@contextlib.contextmanager
def _client_for(client: CtgovClient | None) -> Iterator[CtgovClient]:
    """Use the caller's client as is, or open (and close) our own."""
    if client is not None:
        yield client
        return
    with ctgov_client() as own:
        yield own


def trial_fetch(*, nct_id: str, client: CtgovClient | None = None) -> ParsedTrial:
    """Fetch and parse one study. Raises ValueError (bad number), CtgovError or RecordError."""
    with _client_for(client) as registry:
        return parse_study(registry.get_study(nct_id))


def trial_refresh(*, nct_id: str, client: CtgovClient | None = None, user: User | None = None) -> ImportResult:
    """Fetch one study and import it; any failure is reported in the result, with nothing changed."""
    try:
        parsed = trial_fetch(nct_id=nct_id, client=client)
    except (CtgovError, RecordError, ValueError) as exc:
        return failed(nct_id, str(exc))
    return trial_import_safely(parsed, user)


def trials_sync(
    *,
    nct_ids: Iterable[str] = (),
    all_trials: bool = False,
    query: str | None = None,
    cond: str | None = None,
    intr: str | None = None,
    client: CtgovClient | None = None,
    user: User | None = None,
    progress: Progress | None = None,
) -> SyncReport:
    """Refresh the given trials (and with `all_trials` every stored one), then import a search.

    Once the registry is unreachable, the remaining trials are reported as not tried instead of
    each waiting through its own retries.
    """
    wanted = list(dict.fromkeys(nct_id.strip().upper() for nct_id in nct_ids))
    if all_trials:
        known = set(wanted)
        wanted += [n for n in Trial.objects.order_by("nct_id").values_list("nct_id", flat=True) if n not in known]
    report = SyncReport()
    batch = CheckedBatch()
    with _client_for(client) as registry:
        unavailable = ""
        for done, nct_id in enumerate(wanted, start=1):
            if unavailable:
                report.results.append(failed(nct_id, f"not tried: {unavailable}"))
            else:
                try:
                    parsed = trial_fetch(nct_id=nct_id, client=registry)
                except RegistryUnavailable as exc:
                    unavailable = str(exc)
                    report.results.append(failed(nct_id, unavailable))
                except (CtgovError, RecordError, ValueError) as exc:
                    report.results.append(failed(nct_id, str(exc)))
                else:
                    report.results.append(trial_import_safely(parsed, user, batch))
            if progress:
                progress(done, len(wanted), nct_id)
        if (query or cond or intr) and not unavailable:
            terms = (("term", query), ("cond", cond), ("intr", intr))
            label = "search " + " ".join(f"{name}={value!r}" for name, value in terms if value)
            try:
                for study in registry.iter_studies(term=query, cond=cond, intr=intr):
                    result = study_import_safely(study, user, batch, source=label)
                    report.results.append(result)
                    if progress:
                        progress(len(report.results), None, result.label)
            except CtgovError as exc:
                report.results.append(failed(label, f"{exc} (studies listed before this were imported)"))
    batch.flush()
    return report
