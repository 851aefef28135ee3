"""Phases and condition groups become JSON lists (step 1 of 3: new columns beside the old ones)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("trials", "0003_trial_source_hash")]

    operations = [
        migrations.RenameField("trial", "phases", "phases_text"),
        migrations.RenameField("trial", "condition_groups", "condition_groups_text"),
        migrations.AddField(
            model_name="trial",
            name="phases",
            field=models.JSONField(
                blank=True, default=list, help_text='Registry phase codes, e.g. ["PHASE1", "PHASE2"].', verbose_name="phases"
            ),
        ),
        migrations.AddField(
            model_name="trial",
            name="condition_groups",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text='Derived from the registry\'s conditions on import, e.g. ["ms_relapsing"].',
                verbose_name="condition groups",
            ),
        ),
    ]
