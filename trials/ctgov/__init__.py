"""ClinicalTrials.gov API v2: a Django-free parser (`parser`) and HTTP client (`client`).

Typical use::

    with CtgovClient() as client:
        trial = parse_study(client.get_study("NCT06451159"))
"""

from .client import CtgovClient, CtgovError, RegistryResponseError, RegistryUnavailable, StudyNotFound
from .parser import (
    ParsedLocation,
    ParsedTrial,
    RecordError,
    format_partial_date,
    guess_car_t_target,
    is_nct_id,
    load_path,
    normalise_key,
    parse_document,
    parse_study,
    phase_label,
)

__all__ = [
    "CtgovClient",
    "CtgovError",
    "ParsedLocation",
    "ParsedTrial",
    "RecordError",
    "RegistryResponseError",
    "RegistryUnavailable",
    "StudyNotFound",
    "format_partial_date",
    "guess_car_t_target",
    "is_nct_id",
    "load_path",
    "normalise_key",
    "parse_document",
    "parse_study",
    "phase_label",
]
