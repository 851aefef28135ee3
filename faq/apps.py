from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"

    def ready(self) -> None:
        from portal.accounts.services import register_data_exporter
        from portal.content import registry, revisions

        from .models import Question
        from .services import submissions_export

        revisions.register(
            Question,
            fields=(
                "category", "position", "featured", "title", "slug", "summary", "body", "last_reviewed",
                "review_interval_months",
            ),
            relations=("related_trials",),
        )
        registry.register(
            registry.ContentTypeSpec(
                model=Question,
                kind="faq",
                label=_("FAQ"),
                plural=Question._meta.verbose_name_plural,
                answers_questions=True,
                home_sections={
                    "featured_questions": lambda: Question.objects.published().filter(featured=True).for_listing()[:5]
                },
            )
        )
        register_data_exporter("submitted_questions", submissions_export)
