from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"

    def ready(self) -> None:
        from portal.accounts.services import register_data_exporter

        from .services import submissions_export

        register_data_exporter("submitted_questions", submissions_export)
