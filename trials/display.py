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
