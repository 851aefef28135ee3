"""What followers of a trial hear about: one pending alert per follower for each alert-worthy change.

Called by name from the registry refresh (`trials.sync`) inside the import
transaction; sending is `portal.accounts.alerts` (the same e-mails and digests as topic alerts).
"""

from __future__ import annotations

from collections.abc import Iterable

from portal.accounts.alerts import alert_record
from portal.accounts.models import AlertFrequency

from .models import Trial, TrialChange, TrialFollow

# Recruitment, sites and key dates (not e.g. enrollment targets).
ALERTED_TRIAL_FIELDS = {
    "overall_status",
    "start_date",
    "primary_completion_date",
    "completion_date",
    "sites_added",
    "sites_removed",
}


def alert_record_trial_change(*, trial: Trial, change_key: str, summary: str) -> None:
    """Record one pending alert for each member following `trial`.

    `change_key` must name this change uniquely for the trial (e.g. the id of a trial history row, or
    "status:RECRUITING->COMPLETED:2026-11-20"); `summary` is one plain-language sentence, e.g.
    "The trial is no longer recruiting: its status changed from Recruiting to Completed."
    Calling again with the same key does nothing. Unpublished trials alert nobody.
    """
    if not trial.is_published:
        return
    user_ids = (
        TrialFollow.objects.filter(trial=trial, user__is_active=True)
        .exclude(user__alert_frequency=AlertFrequency.NEVER)
        .values_list("user_id", flat=True)
    )
    alert_record(
        user_ids=list(user_ids),
        change_key=f"trial:{trial.pk}:{change_key}"[:200],
        title=trial.title,
        summary=summary,
        url=trial.get_absolute_url(),
    )


def trial_alerts_record(*, trial: Trial, changes: Iterable[TrialChange]) -> None:
    """One pending alert per follower for each alert-worthy registry change of `trial`."""
    for change in changes:
        if change.field in ALERTED_TRIAL_FIELDS:
            alert_record_trial_change(trial=trial, change_key=change.change_key, summary=change.summary)
