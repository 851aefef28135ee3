"""Load saved ClinicalTrials.gov API v2 records or list pages (offline use and tests)."""

from __future__ import annotations

from trials.imports import trials_import_files
from trials.management.base import TrialImportCommand


class Command(TrialImportCommand):
    help = (
        "Import ClinicalTrials.gov API v2 JSON files (single studies or list pages). New trials are "
        "created as drafts; existing ones get their registry facts updated, never their editorial text."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, files: list[str], **options) -> None:
        self.report(trials_import_files(paths=files, progress=self.progress))
