"""Synthetic API v2 studies and a fake registry for the import, sync, admin and view tests."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from trials.registry.client import CtgovClient

# The real ClinicalTrials.gov records kept in the repository (see their SOURCES.md).
DATA_DIR = Path(__file__).resolve().parents[2] / "trials" / "fixtures" / "ctgov"


def study(
    nct_id: str = "NCT01234567",
    *,
    status: str = "NOT_YET_RECRUITING",
    phases: list[str] | None = None,
    enrollment: int = 20,
    start: str = "2026-06",
    last_update: str = "2026-07-29",
    locations: list[dict[str, Any]] | None = None,
    conditions: list[str] | None = None,
    sponsor_class: str = "INDUSTRY",
    eligibility: str = "Inclusion Criteria:\n\n* Age \\>= 18 years\n* Relapsing MS",
) -> dict[str, Any]:
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct_id, "briefTitle": f"CD19 CAR T cells, study {nct_id}"},
            "statusModule": {
                "overallStatus": status,
                "startDateStruct": {"date": start, "type": "ESTIMATED"},
                "primaryCompletionDateStruct": {"date": "2028-02", "type": "ESTIMATED"},
                "lastUpdatePostDateStruct": {"date": last_update, "type": "ACTUAL"},
            },
            "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Example Bio", "class": sponsor_class}},
            "conditionsModule": {"conditions": conditions or ["Relapsing Multiple Sclerosis"]},
            "designModule": {
                "studyType": "INTERVENTIONAL",
                "phases": ["PHASE1"] if phases is None else phases,
                "enrollmentInfo": {"count": enrollment, "type": "ESTIMATED"},
            },
            "armsInterventionsModule": {"interventions": [{"type": "BIOLOGICAL", "name": "Anti-CD19 CAR T cells"}]},
            "eligibilityModule": {"eligibilityCriteria": eligibility, "sex": "ALL", "minimumAge": "18 Years"},
            "contactsLocationsModule": {
                "locations": [
                    {"facility": "Charité", "city": "Berlin", "country": "Germany", "status": "RECRUITING"},
                    {"facility": "UCSF", "city": "San Francisco", "state": "California", "country": "United States"},
                ]
                if locations is None
                else locations
            },
        },
        "hasResults": False,
    }


def changed(document: dict[str, Any], **status_fields: Any) -> dict[str, Any]:
    document = copy.deepcopy(document)
    document["protocolSection"]["statusModule"].update(status_fields)
    return document


def fake_client(handler: Callable[[httpx.Request], httpx.Response], sleeps: list[float] | None = None) -> CtgovClient:
    """A real CtgovClient over httpx.MockTransport that never really sleeps."""
    record = sleeps if sleeps is not None else []
    return CtgovClient(transport=httpx.MockTransport(handler), sleep=record.append, clock=lambda: 0.0)


def registry(studies: dict[str, dict[str, Any]]) -> Callable[[httpx.Request], httpx.Response]:
    """A handler answering GET /studies/{nct} from `studies` (404 otherwise)."""

    def handler(request: httpx.Request) -> httpx.Response:
        nct_id = request.url.path.rsplit("/", 1)[-1]
        if nct_id in studies:
            return httpx.Response(200, content=json.dumps(studies[nct_id]).encode())
        return httpx.Response(404, json={"message": "not found"})

    return handler
