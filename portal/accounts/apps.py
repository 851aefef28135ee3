from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from portal.content.services import register_after_change
        from trials.sync import TRIAL_CHANGE_HOOKS

        from .alerts import alert_record_new_item, alert_record_trial_changes

        register_after_change(alert_record_new_item)
        if alert_record_trial_changes not in TRIAL_CHANGE_HOOKS:
            TRIAL_CHANGE_HOOKS.append(alert_record_trial_changes)
