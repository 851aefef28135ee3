"""Demo editors' profiles, tag names and topic descriptions (run after load_demo_content)."""

from django.core.management.base import BaseCommand

from portal.pages.demo import demo_pages_load


class Command(BaseCommand):
    help = "Add the demo editors' public profiles, proper tag names and topic descriptions (idempotent)."

    def handle(self, *args, **options):
        report = demo_pages_load()
        for key in ("accounts", "profiles", "bylines", "tags renamed", "topics"):
            self.stdout.write(f"{key.capitalize()}: {report[key]}")
        self.stdout.write(self.style.SUCCESS("Demo people and topics are ready."))
