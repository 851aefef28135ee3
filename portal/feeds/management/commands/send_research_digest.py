"""Send the research-news digest to every confirmed subscriber who is due (weekly or monthly).

Idempotent: run it daily from cron; a second run the same day sends nothing. A failed mail is tried
again on the next run. Subscriptions never confirmed within a week are deleted on the way.
"""

from django.core.management.base import BaseCommand, CommandError

from portal.feeds.digest import digests_send


class Command(BaseCommand):
    help = "Send the research-news digest (double opt-in, one-click unsubscribe) to subscribers who are due."

    def handle(self, *args, **options):
        result = digests_send()
        self.stdout.write(
            f"Sent: {result.sent}, nothing new: {result.nothing_new}, failed: {result.failed}, "
            f"unconfirmed deleted: {result.expired}"
        )
        if result.failed:
            raise CommandError(f"{result.failed} digest(s) could not be sent; they are tried again on the next run.")
        self.stdout.write(self.style.SUCCESS("Research digest done."))
