"""Carry out scheduled publications and archivings (cron, every few minutes; see the README)."""

from django.core.management.base import BaseCommand

from portal.actions.schedule import scheduled_run


class Command(BaseCommand):
    help = "Publish the items whose scheduled time has come and archive those due to leave the site."

    def handle(self, *args, **options) -> None:
        report = scheduled_run()
        for label in report.published:
            self.stdout.write(f"Published {label}")
        for label in report.archived:
            self.stdout.write(f"Archived {label}")
        for failure in report.failed:
            self.stderr.write(f"Not done: {failure}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.published)} published, {len(report.archived)} archived, {len(report.failed)} failed."
            )
        )
