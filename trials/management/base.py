"""What import_trials and sync_trials share: a progress bar on stderr and the closing summary."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from trials.sync import SyncReport

BAR_WIDTH = 30


class TrialImportCommand(BaseCommand):
    def progress(self, done: int, total: int | None, label: str) -> None:
        """A one-line bar redrawn in place ("\\r"), so logs of long runs stay short."""
        if total:
            filled = BAR_WIDTH * done // total
            bar = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        else:
            bar = f"[{done} so far]"
        self.stderr.write(f"\r{bar} {label[:40]:<40}", ending="")
        self.stderr.flush()

    def report(self, report: SyncReport) -> None:
        """Print the summary; exit non-zero (CommandError) when anything failed."""
        self.stderr.write("")  # Ends the progress line.
        counts = report.counts
        self.stdout.write(
            "created {created}, updated {updated}, unchanged {unchanged}, failed {failed}".format(**counts)
        )
        for result in report.results:
            if result.changes:
                self.stdout.write(f"  {result.label}: " + "; ".join(change.summary for change in result.changes))
        for failure in report.failures:
            # Parser messages usually start with the file or NCT number already.
            text = failure.error if failure.error.startswith(failure.label) else f"{failure.label}: {failure.error}"
            self.stderr.write(self.style.ERROR(f"  FAILED {text}"))
        if not report.ok:
            raise CommandError(f"{counts['failed']} failed; nothing was changed for those (see above).")
        self.stdout.write(self.style.SUCCESS("Done."))
