"""Send the answer e-mails that could not be sent when the question was answered (for cron)."""

from django.core.management.base import BaseCommand, CommandError

from faq.services import submissions_notify_pending


class Command(BaseCommand):
    help = "Retry answer e-mails to askers that failed earlier. Idempotent: nobody is told twice."

    def handle(self, *args, **options):
        sent, failed = submissions_notify_pending()
        self.stdout.write(self.style.SUCCESS(f"Askers told: {sent}. Still failing: {failed}."))
        if failed:
            raise CommandError(f"{failed} answer e-mail(s) could not be sent; they will be tried again next run.")
