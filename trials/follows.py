"""Following a trial: a member hears when its status, sites or dates change (see trials/alerts.py).

Registered with `portal.accounts.follows` in `TrialsConfig.ready()`, which gives the follow button,
the follow URLs, the profile's "Trials" list and the export's `following.trials`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from portal.accounts.services import require_published

from .models import Trial, TrialFollow

if TYPE_CHECKING:
    from portal.accounts.models import User


def trial_follow(*, user: User, trial: Trial) -> TrialFollow:
    require_published(trial)
    follow, _created = TrialFollow.objects.get_or_create(user=user, trial=trial)
    return follow


def trial_unfollow(*, user: User, trial: Trial) -> None:
    TrialFollow.objects.filter(user=user, trial=trial).delete()


def trial_follows(*, user: User) -> QuerySet[TrialFollow]:
    return TrialFollow.objects.filter(user=user).select_related("trial")


def is_following_trial(*, user: User, trial: Trial) -> bool:
    if not user.is_authenticated:
        return False
    return TrialFollow.objects.filter(user=user, trial=trial).exists()


def trial_follows_export(user: User) -> list[dict]:
    return [
        {"nct_id": f.trial.nct_id, "title": f.trial.title, "since": f.created_at.isoformat()}
        for f in trial_follows(user=user)
    ]
