"""Tests for trials.display: partial dates and phase labels as readers see them."""

from __future__ import annotations

import datetime

import pytest

from trials.display import format_partial_date, month_year, phase_label


@pytest.mark.parametrize(
    ("value", "date_type", "expected"),
    [
        ("2027-02", "", "Feb 2027"),
        ("2026-06-15", "ACTUAL", "15 Jun 2026"),
        ("2015", "", "2015"),
        ("2027-02", "ESTIMATED", "Feb 2027 (estimated)"),
        ("2026-12-01", "ESTIMATED", "1 Dec 2026 (estimated)"),
        ("", "ESTIMATED", ""),
    ],
)
def test_format_partial_date(value: str, date_type: str, expected: str) -> None:
    assert format_partial_date(value, date_type) == expected


def test_format_partial_date_rejects_non_iso() -> None:
    with pytest.raises(ValueError, match="partial ISO date"):
        format_partial_date("February 2027")


def test_month_year_uses_fixed_english_abbreviations() -> None:
    assert month_year(datetime.date(2024, 3, 5)) == "Mar 2024"


@pytest.mark.parametrize(
    ("codes", "label"),
    [((), ""), (("PHASE2", "PHASE3"), "Phase 2/3"), (("EARLY_PHASE1",), "Early phase 1"), (("NA",), "Not applicable")],
)
def test_phase_label(codes: tuple[str, ...], label: str) -> None:
    assert phase_label(codes) == label
