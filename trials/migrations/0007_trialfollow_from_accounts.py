"""TrialFollow comes over from accounts with its rows: adopt the existing table (state only), then
rename it to trials_trialfollow."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_trialfollow_moves_to_trials"),
        ("trials", "0006_remove_phases_condition_groups_text"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TrialFollow",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "trial",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="follows", to="trials.trial"
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="trial_follows",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "followed trial",
                        "ordering": ["-created_at", "-pk"],
                        "constraints": [models.UniqueConstraint(fields=("user", "trial"), name="unique_trial_follow")],
                        "db_table": "accounts_trialfollow",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="trialfollow", table=None),
    ]
