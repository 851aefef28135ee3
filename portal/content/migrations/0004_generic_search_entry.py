"""The search index stores no column for any one content type: nct_id -> code, trial_status -> state.

Also drops `tag_slugs` (never read: tags are indexed as names, filtered as facet words and shown
from `tag_list`) and the `kind` choices (the kinds now come from the content-type registry).

On SQLite, widening `code` rebuilds the table, which drops the FTS5 triggers (see 0003): the FTS
table and its triggers are dropped first and created again afterwards, then refilled from the rows.
Column values, facet words and kinds are unchanged, so no reindex is needed.
"""

import importlib

from django.db import migrations, models

initial = importlib.import_module("portal.content.migrations.0003_search_index")


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        initial._run(schema_editor, initial.SQLITE_DROP)


def create_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        initial._run(schema_editor, initial.SQLITE_TABLE + initial.SQLITE_TRIGGERS)
        schema_editor.execute("INSERT INTO content_searchentry_fts(content_searchentry_fts) VALUES ('rebuild')")


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_search_index"),
    ]

    operations = [
        migrations.RunPython(drop_fts, create_fts),
        migrations.RemoveField(model_name="searchentry", name="tag_slugs"),
        migrations.RenameField(model_name="searchentry", old_name="nct_id", new_name="code"),
        migrations.AlterField(
            model_name="searchentry",
            name="code",
            field=models.CharField(
                blank=True, db_index=True, help_text="An exact identifier (e.g. a registry number).", max_length=40
            ),
        ),
        migrations.RenameField(model_name="searchentry", old_name="trial_status", new_name="state"),
        migrations.AlterField(
            model_name="searchentry",
            name="state",
            field=models.CharField(blank=True, db_index=True, help_text="A status value to filter on.", max_length=30),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="is_open",
            field=models.BooleanField(default=False, help_text="Open to the public, e.g. recruiting."),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="kind",
            field=models.CharField(db_index=True, help_text="The content type's registry kind.", max_length=10),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="identifiers",
            field=models.TextField(
                blank=True, help_text="Canonical codes from the title and the document's identifiers and keywords."
            ),
        ),
        migrations.RunPython(create_fts, drop_fts),
    ]
