"""Saved ClinicalTrials.gov API v2 responses: read them, tell their format, hand out study objects.

A file holds one study (`GET /api/v2/studies/{nctId}`) or a list page (`studies`, maybe with
`nextPageToken`). Classic XML and classic v1 JSON were retired by the registry and use other
values ("Not yet recruiting", "March 4, 2021"), so they are rejected with a message saying what to
download instead rather than half-parsed. Nothing here is parsed into a record yet: each study
object goes through `registry.parse.parse_study`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import parse
from .parse import RecordError, redownload_hint, reject_legacy

__all__ = [
    "GROUP_BYTES",
    "GROUP_FILES",
    "SourceFile",
    "file_groups",
    "load_bytes",
    "load_path",
    "parse_document",
    "read_path",
    "source_digest",
]

# Files are read in groups of up to this many files or bytes: the importer looks up a group's
# digests in one query, while peak memory stays at one group's bytes plus one decoded file.
GROUP_FILES = 100
GROUP_BYTES = 16 * 1024 * 1024


def parse_document(data: object) -> list[dict[str, Any]]:
    """The v2 study objects in decoded JSON: a single study, or a list page's `studies`.

    A list page may also carry `nextPageToken`/`totalCount`; those are the client's business and
    are ignored here. Nothing is parsed yet: each study still goes through `parse_study`.
    """
    if not isinstance(data, dict):
        raise RecordError(
            f"not a ClinicalTrials.gov API v2 document: expected a JSON object, got {type(data).__name__}"
        )
    reject_legacy(data)
    if "protocolSection" in data:
        return [data]
    studies = data.get("studies")
    if isinstance(studies, list):
        for index, study in enumerate(studies):
            if not isinstance(study, dict) or "protocolSection" not in study:
                raise RecordError(f"list page: studies[{index}] is not an API v2 study (no protocolSection)")
        return list(studies)
    keys = ", ".join(sorted(map(str, data))[:5]) or "none"
    raise RecordError(
        "not a ClinicalTrials.gov API v2 document: expected a study (protocolSection) "
        f"or a list page (studies); top-level keys: {keys}"
    )


def source_digest(data: bytes) -> str:
    """Fingerprint of a saved record's exact bytes, tied to the parser's reading of them.

    Equal digests mean equal bytes read by the same parser version, so equal facts: the importer
    skips such a file without decoding it. A `parse.HASH_VERSION` bump changes every digest.
    """
    return hashlib.sha256(parse.HASH_VERSION.encode() + b"\n" + data).hexdigest()


def read_path(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a saved API v2 response; a RecordError that names the file if it cannot be read."""
    path = Path(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RecordError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc


def load_bytes(data: bytes, name: str) -> list[dict[str, Any]]:
    """Decode a saved API v2 response (study or list page) and return its study objects.

    Tolerates a UTF-8 byte order mark and CRLF line endings (files saved on Windows or re-indented
    by other tools). Every failure is a RecordError that starts with `name`.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if text.lstrip().startswith("<"):
        match = re.search(r"<nct_id>\s*(NCT\d{8})\s*</nct_id>", text)
        nct_id = match.group(1) if match else ""
        raise RecordError(f"{name}: classic XML is not supported; use the API v2 JSON from {redownload_hint(nct_id)}")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    try:
        return parse_document(document)
    except RecordError as exc:
        raise RecordError(f"{name}: {exc}") from exc


def load_path(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a saved API v2 response (study or list page) and return its study objects (see `load_bytes`)."""
    return load_bytes(read_path(path), Path(path).name)


@dataclass
class SourceFile:
    """One file of an import: its bytes and digest, or why it could not be read."""

    path: Path
    data: bytes = b""
    digest: str = ""
    error: str = ""


def file_groups(paths: list[Path]) -> Iterator[list[SourceFile]]:
    """The files, each read once, in groups of at most GROUP_FILES files or about GROUP_BYTES bytes."""
    group: list[SourceFile] = []
    size = 0
    for path in paths:
        try:
            data = read_path(path)
        except RecordError as exc:
            group.append(SourceFile(path=path, error=str(exc)))
        else:
            group.append(SourceFile(path=path, data=data, digest=source_digest(data)))
            size += len(data)
        if len(group) >= GROUP_FILES or size >= GROUP_BYTES:
            yield group
            group, size = [], 0
    if group:
        yield group
