"""Plain-language sentences for registry changes ("Started recruiting Mar 2024").

Kept apart from the model so the wording, which editors will want to tune, sits in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import OPEN_STATUSES, ChangeField, RecruitmentStatus
from .display import format_partial_date, month_year, phase_label

if TYPE_CHECKING:
    from .models import TrialChange


def _status_label(code: Any) -> str:
    if not code:
        return _("no status")
    try:
        return str(RecruitmentStatus(code).label).lower()
    except ValueError:
        return str(code)


def _date_label(value: Any) -> str:
    if not isinstance(value, dict) or not value.get("date"):
        return _("not given")
    try:
        return format_partial_date(value["date"], value.get("type", ""))
    except ValueError:
        return str(value["date"])


def _phase_text(value: Any) -> str:
    return phase_label(value or []) or _("no phase")


def _number(value: Any) -> str:
    return _("not given") if value is None else str(value)


def change_summary(change: TrialChange) -> str:
    month = month_year(change.when)
    old, new = change.old_value, change.new_value
    field = change.field
    if field == ChangeField.OVERALL_STATUS:
        was_open, is_open = old in OPEN_STATUSES, new in OPEN_STATUSES
        if new == "RECRUITING" and old != "RECRUITING":
            return _("Started recruiting %(month)s") % {"month": month}
        if was_open and not is_open:
            return _("Stopped recruiting %(month)s (now %(status)s)") % {"month": month, "status": _status_label(new)}
        return _("Status changed from %(old)s to %(new)s %(month)s") % {
            "old": _status_label(old),
            "new": _status_label(new),
            "month": month,
        }
    if field == ChangeField.PHASES:
        return _("Phase changed from %(old)s to %(new)s %(month)s") % {
            "old": _phase_text(old),
            "new": _phase_text(new),
            "month": month,
        }
    if field == ChangeField.ENROLLMENT:
        return _("Number of participants changed from %(old)s to %(new)s %(month)s") % {
            "old": _number(old),
            "new": _number(new),
            "month": month,
        }
    if field in (ChangeField.START_DATE, ChangeField.PRIMARY_COMPLETION_DATE, ChangeField.COMPLETION_DATE):
        labels = {
            ChangeField.START_DATE: _("Start date"),
            ChangeField.PRIMARY_COMPLETION_DATE: _("Primary completion date"),
            ChangeField.COMPLETION_DATE: _("Completion date"),
        }
        return _("%(label)s changed from %(old)s to %(new)s (%(month)s)") % {
            "label": labels[ChangeField(field)],
            "old": _date_label(old),
            "new": _date_label(new),
            "month": month,
        }
    count = len(new or [])
    country = change.country or _("an unnamed country")
    if field == ChangeField.SITES_ADDED:
        text = ngettext(
            "%(count)d new site in %(country)s (%(month)s)", "%(count)d new sites in %(country)s (%(month)s)", count
        )
    else:
        text = ngettext(
            "%(count)d site in %(country)s no longer listed (%(month)s)",
            "%(count)d sites in %(country)s no longer listed (%(month)s)",
            count,
        )
    return text % {"count": count, "country": country, "month": month}


def _status_name(code: Any) -> str:
    if not code:
        return _("no status")
    try:
        return str(RecruitmentStatus(code).label)
    except ValueError:
        return str(code)


def change_phrase(change: TrialChange) -> str:
    """The change without its date, for an evidence note: "recruitment status changed from
    Recruiting to Active, not recruiting" (the note gives the date itself)."""
    old, new = change.old_value, change.new_value
    field = change.field
    if field == ChangeField.OVERALL_STATUS:
        return _("recruitment status changed from %(old)s to %(new)s") % {
            "old": _status_name(old),
            "new": _status_name(new),
        }
    if field == ChangeField.PHASES:
        return _("phase changed from %(old)s to %(new)s") % {"old": _phase_text(old), "new": _phase_text(new)}
    if field == ChangeField.ENROLLMENT:
        return _("number of participants changed from %(old)s to %(new)s") % {
            "old": _number(old),
            "new": _number(new),
        }
    labels = {
        ChangeField.START_DATE: _("start date"),
        ChangeField.PRIMARY_COMPLETION_DATE: _("primary completion date"),
        ChangeField.COMPLETION_DATE: _("completion date"),
    }
    if field in labels:
        return _("%(label)s changed from %(old)s to %(new)s") % {
            "label": labels[ChangeField(field)],
            "old": _date_label(old),
            "new": _date_label(new),
        }
    return change_summary(change)
