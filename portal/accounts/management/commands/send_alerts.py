"""Send pending alerts to members who chose "immediately". Safe to run as often as cron likes:
alerts are marked sent only after their e-mail went out, so failures are retried next run."""

from django.core.management.base import BaseCommand

from portal.accounts.alerts import alerts_send_pending


class Command(BaseCommand):
    help = "E-mail pending alerts to members who want them immediately (one e-mail per member)."

    def handle(self, *args, **options) -> None:
        result = alerts_send_pending()
        self.stdout.write(self.style.SUCCESS(f"Sent {result.sent} alert e-mail(s); {result.failed} failed."))
        if result.failed:
            self.stderr.write(f"{result.failed} member(s) keep their alerts pending for the next run.")
