"""The migration that turns comma-wrapped phase and condition codes into JSON lists keeps every code."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("trials", "0003_trial_source_hash")]
AFTER = [("trials", "0006_remove_phases_condition_groups_text")]

# PostgreSQL changes schemas inside the test's transaction, so everything is rolled back and the
# reused test database keeps the data other migrations created (groups, permissions). SQLite cannot
# change a schema inside a transaction, so there the test is transactional; its test database is
# in memory, so the flush afterwards lasts one session only.
SQLITE = connection.vendor == "sqlite"


def _migrate(target=None):
    """Migrate to `target` (default: every app's latest) and return the models as they were then."""
    if not SQLITE:
        with connection.cursor() as cursor:  # No pending foreign key checks before an ALTER TABLE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    target = target or executor.loader.graph.leaf_nodes()
    executor.migrate(target)
    executor.loader.build_graph()
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=SQLITE)
def test_comma_wrapped_codes_become_json_lists_and_back() -> None:
    try:
        old = _migrate(BEFORE).get_model("trials", "Trial")
        old.objects.create(
            title="A", slug="a", nct_id="NCT00000001", phases=",PHASE1,PHASE2,", condition_groups=",ms,lupus,"
        )
        old.objects.create(title="B", slug="b", nct_id="NCT00000002", phases="", condition_groups="")

        new = _migrate(AFTER).get_model("trials", "Trial")
        rows = dict(new.objects.values_list("nct_id", "phases"))
        groups = dict(new.objects.values_list("nct_id", "condition_groups"))
        assert rows == {"NCT00000001": ["PHASE1", "PHASE2"], "NCT00000002": []}
        assert groups == {"NCT00000001": ["ms", "lupus"], "NCT00000002": []}

        back = _migrate(BEFORE).get_model("trials", "Trial")
        assert dict(back.objects.values_list("nct_id", "phases")) == {
            "NCT00000001": ",PHASE1,PHASE2,",
            "NCT00000002": "",
        }
    finally:
        _migrate()
