"""Send the weekly digest to members who chose it. A member gets at most one digest every six days,
so running this daily (or twice by mistake) is harmless."""

from django.core.management.base import BaseCommand

from portal.accounts.alerts import digests_send_due


class Command(BaseCommand):
    help = "E-mail the weekly digest to members who chose it and have pending alerts."

    def handle(self, *args, **options) -> None:
        result = digests_send_due()
        self.stdout.write(self.style.SUCCESS(f"Sent {result.sent} digest(s); {result.failed} failed."))
        if result.failed:
            self.stderr.write(f"{result.failed} member(s) keep their alerts pending for the next run.")
