"""TrialFollow moves to the trials app. State only: the table and its rows stay; trials 0007 takes them over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_member_features"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="TrialFollow")],
            database_operations=[],
        ),
    ]
