"""Install the seed glossary (portal/glossary/seed/terms.py), published, through the moderation services.

Safe to run again: terms an editor changed are never overwritten (see portal/glossary/seed/loader.py).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.glossary.seed.loader import GlossaryLoadError, default_moderator, glossary_load
from portal.glossary.seed.terms import SEED_VERSION, TERMS
from portal.glossary.services import glossary_search_expansions_rebuild


class Command(BaseCommand):
    help = "Install or update the seed glossary terms (published); terms editors changed are left alone."

    def add_arguments(self, parser):
        parser.add_argument(
            "--moderator",
            help="Username of the moderator recorded as publishing the terms "
            "(default: 'moderator', else the first superuser or member of Moderators).",
        )

    def handle(self, *args, **options):
        username = options.get("moderator")
        if username:
            moderator = get_user_model().objects.filter(username=username).first()
            if moderator is None:
                raise CommandError(f"No account named {username!r}.")
        else:
            moderator = default_moderator()
            if moderator is None:
                raise CommandError(
                    "No moderator account to publish the glossary with. Create one (e.g. "
                    "`python manage.py createsuperuser`) and run `python manage.py load_glossary --moderator NAME`."
                )
        try:
            report = glossary_load(moderator=moderator)
        except (GlossaryLoadError, PermissionDenied, ValidationError) as exc:
            raise CommandError(f"The glossary was not loaded (nothing was changed): {exc}") from exc
        glossary_search_expansions_rebuild()
        for line in report.skipped:
            self.stdout.write(self.style.WARNING(line))
        c = report.counts
        self.stdout.write(
            f"Glossary seed v{SEED_VERSION} ({len(TERMS)} terms): {c['created']} created, {c['updated']} updated, "
            f"{c['unchanged']} unchanged, {c['kept_editor']} kept as editors changed them."
        )
        self.stdout.write(self.style.SUCCESS("Glossary is ready."))
