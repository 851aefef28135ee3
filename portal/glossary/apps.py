from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "portal.glossary"
    label = "glossary"
    verbose_name = "Glossary"

    def ready(self) -> None:
        from portal.content import revisions

        from .models import Term

        revisions.register(Term, fields=("title", "slug", "category", "body", "last_reviewed"))
