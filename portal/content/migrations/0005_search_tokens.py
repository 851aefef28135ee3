"""One ranking on both databases: the index stores pre-tokenised fields and its own term statistics.

The databases only find candidates now (the Python scorer ranks them), so the full-text part
indexes the stored tokens as they are: an FTS5 table with the plain unicode61 tokenizer on SQLite
(no Porter stemmer: the tokens are already stemmed), `simple` tsvectors on PostgreSQL (`head` for
title and codes, `document` for every field plus the filter words), no weights on either.
`identifiers` and `terms` give way to `code_terms` and the other `*_terms` columns.

Existing entries lack tokens, so they are removed: run `python manage.py rebuild_search_index`
after migrating (the deploy steps in the README do).
"""

from django.db import migrations, models

FTS_COLUMNS = "title_terms, code_terms, summary_terms, tag_terms, body_terms, facets"
NEW = ", ".join(f"new.{c.strip()}" for c in FTS_COLUMNS.split(","))
OLD = ", ".join(f"old.{c.strip()}" for c in FTS_COLUMNS.split(","))

SQLITE_TABLE = [
    f"""CREATE VIRTUAL TABLE content_searchentry_fts USING fts5({FTS_COLUMNS},
        content='content_searchentry', content_rowid='id', tokenize='unicode61')""",
]
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER content_searchentry_ai AFTER INSERT ON content_searchentry BEGIN
        INSERT INTO content_searchentry_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, {NEW}); END""",
    f"""CREATE TRIGGER content_searchentry_ad AFTER DELETE ON content_searchentry BEGIN
        INSERT INTO content_searchentry_fts(content_searchentry_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, {OLD}); END""",
    f"""CREATE TRIGGER content_searchentry_au AFTER UPDATE ON content_searchentry BEGIN
        INSERT INTO content_searchentry_fts(content_searchentry_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, {OLD});
        INSERT INTO content_searchentry_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, {NEW}); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS content_searchentry_ai",
    "DROP TRIGGER IF EXISTS content_searchentry_ad",
    "DROP TRIGGER IF EXISTS content_searchentry_au",
    "DROP TABLE IF EXISTS content_searchentry_fts",
]
POSTGRES = [
    """ALTER TABLE content_searchentry ADD COLUMN head tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, title_terms || ' ' || code_terms)) STORED""",
    """ALTER TABLE content_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, title_terms || ' ' || code_terms || ' ' || summary_terms || ' '
            || tag_terms || ' ' || body_terms || ' ' || facets)) STORED""",
    "CREATE INDEX content_searchentry_head_gin ON content_searchentry USING gin (head)",
    "CREATE INDEX content_searchentry_document_gin ON content_searchentry USING gin (document)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS content_searchentry_head_gin",
    "DROP INDEX IF EXISTS content_searchentry_document_gin",
    "ALTER TABLE content_searchentry DROP COLUMN IF EXISTS head",
    "ALTER TABLE content_searchentry DROP COLUMN IF EXISTS document",
]


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql)


def drop_old(apps, schema_editor):
    apps.get_model("content", "SearchEntry").objects.all().delete()
    if schema_editor.connection.vendor == "sqlite":
        _run(schema_editor, SQLITE_DROP)
    elif schema_editor.connection.vendor == "postgresql":
        _run(schema_editor, POSTGRES_DROP)


def create_new(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _run(schema_editor, SQLITE_TABLE + SQLITE_TRIGGERS)
    elif schema_editor.connection.vendor == "postgresql":
        _run(schema_editor, POSTGRES)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_generic_search_entry"),
    ]

    operations = [
        migrations.RunPython(drop_old, migrations.RunPython.noop),
        migrations.RemoveField(model_name="searchentry", name="identifiers"),
        migrations.RemoveField(model_name="searchentry", name="terms"),
        migrations.AddField(
            model_name="searchentry",
            name="title_terms",
            field=models.TextField(blank=True, help_text="Tokens of the title."),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="code_terms",
            field=models.TextField(
                blank=True, help_text="Canonical codes and keywords from the title and the document's identifiers."
            ),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="summary_terms",
            field=models.TextField(blank=True, help_text="Tokens of the summary."),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="tag_terms",
            field=models.TextField(blank=True, help_text="Tokens of the tag names."),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="body_terms",
            field=models.TextField(blank=True, help_text="Tokens of the body, plus codes found in it."),
        ),
        migrations.CreateModel(
            name="SearchTermStat",
            fields=[
                ("term", models.CharField(max_length=60, primary_key=True, serialize=False)),
                ("value", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "search term statistic"},
        ),
        migrations.RunPython(create_new, drop_old),
    ]
