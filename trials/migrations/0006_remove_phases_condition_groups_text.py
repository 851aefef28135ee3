"""Phases and condition groups become JSON lists (step 3 of 3: drop the comma-wrapped columns)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("trials", "0005_phases_condition_groups_data")]

    operations = [
        migrations.RemoveField("trial", "phases_text"),
        migrations.RemoveField("trial", "condition_groups_text"),
    ]
