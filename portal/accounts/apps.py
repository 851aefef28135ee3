from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from portal.content.services import register_after_change

        from .alerts import alert_record_new_item

        register_after_change(alert_record_new_item)
