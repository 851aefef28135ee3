"""How registry values are written for readers: partial dates, phases, months.

Used by the `trial_tags` template filters, `Trial.phase_label` and the change sentences in
`trials.changes`. Month names are fixed English abbreviations: `calendar.month_abbr` and
`strftime("%b")` follow the process locale.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from .choices import Phase
from .registry.parse import check_partial_date

__all__ = ["MONTH_ABBR", "format_partial_date", "month_year", "phase_label"]

MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SINGLE_PHASE = re.compile(r"PHASE\d")


def month_year(date: datetime.date) -> str:
    """date(2024, 3, 5) -> "Mar 2024"."""
    return f"{MONTH_ABBR[date.month]} {date.year}"


def format_partial_date(value: str, date_type: str = "") -> str:
    """Show a registry date at the precision it was given: "2027-02" -> "Feb 2027".

    Filling in a missing day would claim a precision the registry does not have, so "2027-02"
    stays a month. " (estimated)" marks planned dates (type ESTIMATED), which readers must not
    mistake for facts. Raises ValueError for anything that is not a registry date.
    """
    if not value:
        return ""
    year, month, day = check_partial_date(value).groups()
    if day:
        text = f"{int(day)} {MONTH_ABBR[int(month)]} {year}"
    elif month:
        text = f"{MONTH_ABBR[int(month)]} {year}"
    else:
        text = year
    if date_type.upper() == "ESTIMATED":
        text += " (estimated)"
    return text


def phase_label(codes: Iterable[str]) -> str:
    """Readable phase for registry codes: ("PHASE2", "PHASE3") -> "Phase 2/3".

    Combined phases are written the way the registry's own site writes them; one phase uses the
    `Phase` label; an unknown code is shown as it is.
    """
    codes = [code for code in codes if code]
    if not codes:
        return ""
    if len(codes) > 1 and all(_SINGLE_PHASE.fullmatch(code) for code in codes):
        return "Phase " + "/".join(code.removeprefix("PHASE") for code in codes)
    labels = dict(Phase.choices)
    return " / ".join(str(labels.get(code, code)) for code in codes)


# ---------------------------------------------------------------------------------------------
# Who can take part, and how the study is run, in plain words

_AGE = re.compile(r"^\s*(\d+)\s*(year|month|week|day)s?\s*$", re.IGNORECASE)


def _age_words(value: str) -> str:
    """"18 Years" -> "18 years"; "6 Months" -> "6 months"; anything else as it is."""
    match = _AGE.match(value or "")
    if not match:
        return (value or "").strip().lower()
    number, unit = int(match.group(1)), match.group(2).lower()
    return f"{number} {unit}{'' if number == 1 else 's'}"


def age_range_text(minimum: str, maximum: str) -> str:
    """"Aged 18 to 65 years", "Aged 18 years or older", "" when the registry gives no limit."""
    low, high = _age_words(minimum), _age_words(maximum)
    if low and high:
        if low.split(" ", 1)[1:] == high.split(" ", 1)[1:]:
            return f"Aged {low.split(' ', 1)[0]} to {high}"
        return f"Aged {low} to {high}"
    if low:
        return f"Aged {low} or older"
    if high:
        return f"Aged up to {high}"
    return ""


def age_in_years(value: str) -> float | None:
    """A registry age in years ("6 Months" -> 0.5); None when there is no limit or it cannot be read."""
    match = _AGE.match(value or "")
    if not match:
        return None
    number, unit = int(match.group(1)), match.group(2).lower()
    return number / {"year": 1, "month": 12, "week": 52.1775, "day": 365.25}[unit]


SEX_TEXT = {"ALL": "People of any sex", "FEMALE": "Women only", "MALE": "Men only"}
ALLOCATION_TEXT = {
    "RANDOMIZED": "Participants are put into groups at random",
    "NON_RANDOMIZED": "Participants are not put into groups at random",
    "NA": "There is only one group",
}
MASKING_TEXT = {
    "NONE": "Everyone knows which treatment each participant gets (open label)",
    "SINGLE": "One party (for example the participants) does not know who gets which treatment",
    "DOUBLE": "Two parties (for example participants and doctors) do not know who gets which treatment",
    "TRIPLE": "Three parties do not know who gets which treatment",
    "QUADRUPLE": "Participants, doctors, investigators and assessors do not know who gets which treatment",
}
ARM_TYPE_TEXT = {
    "EXPERIMENTAL": "Treatment being tested",
    "ACTIVE_COMPARATOR": "Compared with an existing treatment",
    "PLACEBO_COMPARATOR": "Compared with a placebo",
    "SHAM_COMPARATOR": "Compared with a sham procedure",
    "NO_INTERVENTION": "No treatment",
    "OTHER": "Other",
}


def sex_text(code: str) -> str:
    return SEX_TEXT.get((code or "").upper(), "")


def healthy_volunteers_text(value: bool | None) -> str:
    if value is None:
        return ""
    return "Healthy volunteers can take part" if value else "Healthy volunteers cannot take part"
