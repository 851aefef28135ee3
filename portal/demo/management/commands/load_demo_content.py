"""Load the demo articles, FAQs and trials, and the demo staff accounts.

Safe to run again: existing accounts and items (found by username, slug or NCT number) are left
alone. Passwords of new accounts are random and shown once, here; they are never stored in code.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.demo.loader import DemoContentError, demo_content_load

KINDS = (("accounts", "Staff accounts"), ("categories", "FAQ categories"), ("articles", "Articles"),
         ("faqs", "FAQs"), ("trials", "Trials"))


class Command(BaseCommand):
    help = "Load demo content and staff accounts (existing ones are left unchanged)."

    def handle(self, *args, **options):
        try:
            report = demo_content_load()
        except (DemoContentError, PermissionDenied, ValidationError) as exc:
            raise CommandError(f"Demo content was not loaded (nothing was changed): {exc}") from exc

        for account in report.accounts:
            if account.password:
                self.stdout.write(self.style.WARNING(
                    f"Created staff account '{account.username}' ({account.group}) with password: "
                    f"{account.password}\n  This password is shown only once. Keep it somewhere safe."
                ))
            else:
                self.stdout.write(
                    f"Account '{account.username}' already exists; its password was not changed. "
                    f"To set a new one: .venv/bin/python manage.py changepassword {account.username}"
                )
        for key, label in KINDS:
            self.stdout.write(f"{label}: {report.created[key]} created, {report.existing[key]} already there")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
