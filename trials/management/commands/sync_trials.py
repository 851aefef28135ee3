"""Refresh trials from the ClinicalTrials.gov API v2 (for cron) or import the results of a search."""

from __future__ import annotations

from django.core.management.base import CommandError

from trials.imports import trials_sync
from trials.management.base import TrialImportCommand


class Command(TrialImportCommand):
    help = (
        "Fetch trials from ClinicalTrials.gov: the NCT numbers given, every stored trial (--all), "
        "and/or every study a search finds (--query/--cond/--intr; unknown ones become drafts)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("nct_ids", nargs="*", metavar="NCT")
        parser.add_argument("--all", action="store_true", dest="all_trials", help="Refresh every stored trial.")
        parser.add_argument("--query", help="Free-text search (query.term).")
        parser.add_argument("--cond", help="Condition search (query.cond), e.g. 'multiple sclerosis'.")
        parser.add_argument("--intr", help="Intervention search (query.intr), e.g. 'CAR T'.")

    def handle(self, *args, nct_ids, all_trials, query, cond, intr, **options) -> None:
        if not (nct_ids or all_trials or query or cond or intr):
            raise CommandError("Give NCT numbers, --all, or a search (--query, --cond, --intr).")
        report = trials_sync(
            nct_ids=nct_ids, all_trials=all_trials, query=query, cond=cond, intr=intr, progress=self.progress
        )
        self.report(report)
