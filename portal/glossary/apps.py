from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "portal.glossary"
    label = "glossary"
    verbose_name = "Glossary"

    def ready(self) -> None:
        from portal.content.services import register_after_change

        from .services import glossary_item_changed

        register_after_change(glossary_item_changed)
