"""Moving TrialFollow from accounts to trials keeps every follow (accounts 0003 + trials 0004)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0002_member_features"), ("trials", "0003_trial_source_hash")]
AFTER = [("accounts", "0003_trialfollow_moves_to_trials"), ("trials", "0004_trialfollow_from_accounts")]


@pytest.mark.django_db(transaction=True)
def test_follows_survive_the_move_to_trials() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("accounts", "User").objects.create(username="follower", email="f@example.org")
    trial = old.get_model("trials", "Trial").objects.create(
        title="KYV-101 in MS", slug="kyv-101", nct_id="NCT06451159", status="published"
    )
    old.get_model("accounts", "TrialFollow").objects.create(user=user, trial=trial)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    follows = new.get_model("trials", "TrialFollow").objects.all()
    assert [(f.user_id, f.trial_id) for f in follows] == [(user.pk, trial.pk)]
    assert new.get_model("trials", "TrialFollow")._meta.db_table == "trials_trialfollow"

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # leave the database as the other tests expect
