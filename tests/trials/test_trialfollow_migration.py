"""Moving TrialFollow from accounts to trials keeps every follow (accounts 0003 + trials 0007), both ways."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.trials.test_migrations import SQLITE, _migrate

BEFORE = [("accounts", "0002_member_features"), ("trials", "0006_remove_phases_condition_groups_text")]
AFTER = [("accounts", "0003_trialfollow_moves_to_trials"), ("trials", "0007_trialfollow_from_accounts")]


@pytest.mark.django_db(transaction=SQLITE)
def test_follows_survive_the_move_to_trials_and_back() -> None:
    try:
        old = _migrate(BEFORE)
        user = old.get_model("accounts", "User").objects.create(username="follower", email="f@example.org")
        trial = old.get_model("trials", "Trial").objects.create(
            title="KYV-101 in MS", slug="kyv-101", nct_id="NCT06451159", status="published"
        )
        old.get_model("accounts", "TrialFollow").objects.create(user=user, trial=trial)

        new = _migrate(AFTER).get_model("trials", "TrialFollow")
        assert new._meta.db_table == "trials_trialfollow"
        assert "trials_trialfollow" in connection.introspection.table_names()
        assert list(new.objects.values_list("user_id", "trial_id")) == [(user.pk, trial.pk)]

        back = _migrate(BEFORE).get_model("accounts", "TrialFollow")
        assert list(back.objects.values_list("user_id", "trial_id")) == [(user.pk, trial.pk)]
    finally:
        _migrate()
