from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "trials"
    verbose_name = "Trials"

    def ready(self) -> None:
        from portal.content import registry

        from .models import Trial
        from .search import STATE_CHOICES, trial_search_document

        registry.register(
            registry.ContentTypeSpec(
                model=Trial,
                kind="trial",
                label=_("Trial"),
                plural=Trial._meta.verbose_name_plural,
                card_template="trials/_card.html",
                search_document=trial_search_document,
                state_choices=STATE_CHOICES,
                state_filter_label=_("Trial recruitment status"),
                home_sections={
                    "open_trials": lambda: Trial.objects.published().open_to_new_participants().for_listing()[:4]
                },
            )
        )
