"""Remove failed-search counts older than 90 days (cron runs it daily)."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.content.search.models import FailedSearch

KEEP_DAYS = 90


class Command(BaseCommand):
    help = "Delete failed-search counts older than 90 days."

    def handle(self, *args, **options):
        cutoff = timezone.localdate() - datetime.timedelta(days=KEEP_DAYS)
        deleted, _ = FailedSearch.objects.filter(day__lt=cutoff).delete()
        self.stdout.write(f"Removed {deleted} failed-search counts from before {cutoff}.")
