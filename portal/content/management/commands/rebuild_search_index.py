"""Rebuild the search index from every published item of every registered content type.

Normally the index follows each publish, edit, send-back and archive by itself; run this after a
bulk import, a restore, or a change to what gets indexed. It replaces the index in one transaction,
so searches keep seeing the old index until it finishes.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from portal.content.search.indexing import search_index_rebuild
from portal.content.selectors import content_models


class Command(BaseCommand):
    help = "Rebuild the site search index from all published content."

    def handle(self, *args, **options):
        count = search_index_rebuild(models=content_models(), progress=self._progress)
        if count:
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} published item{'s' if count != 1 else ''}."))

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        self.stdout.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()
