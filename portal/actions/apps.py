from django.apps import AppConfig


class ActionsConfig(AppConfig):
    """The write actions (no models): installed so their cron commands (`publish_scheduled`) are found."""

    name = "portal.actions"
    label = "actions"
    verbose_name = "Actions"
