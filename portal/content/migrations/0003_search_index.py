"""The search index table, plus its full-text part for the database in use.

SQLite: an external-content FTS5 table over the entry's text columns, kept in step by triggers (so bulk
inserts index themselves). Note: a later AlterField on SearchEntry makes Django's SQLite schema editor
rebuild the table, which drops the triggers; such a migration must run SQLITE_TRIGGERS again.

PostgreSQL: pg_trgm (spelling suggestions), a stored generated `document` tsvector weighted
title/identifiers A, summary B, body/terms C, tags D (plus the filter words, which never match a
text query), and GIN indexes on it and on the word list.
"""

import django.db.models.deletion
from django.db import migrations, models

FTS_COLUMNS = "title, identifiers, summary, body, terms, tags, facets"
NEW = ", ".join(f"new.{c.strip()}" for c in FTS_COLUMNS.split(","))
OLD = ", ".join(f"old.{c.strip()}" for c in FTS_COLUMNS.split(","))

SQLITE_TABLE = [
    f"""CREATE VIRTUAL TABLE content_searchentry_fts USING fts5({FTS_COLUMNS},
        content='content_searchentry', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
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
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE content_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, identifiers), 'A')
        || setweight(to_tsvector('english'::regconfig, summary), 'B')
        || setweight(to_tsvector('english'::regconfig, body), 'C')
        || setweight(to_tsvector('english'::regconfig, terms), 'C')
        || setweight(to_tsvector('english'::regconfig, tags), 'D')
        || setweight(to_tsvector('simple'::regconfig, facets), 'D')) STORED""",
    "CREATE INDEX content_searchentry_document_gin ON content_searchentry USING gin (document)",
    "CREATE INDEX content_searchword_word_trgm ON content_searchword USING gin (word gin_trgm_ops)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS content_searchword_word_trgm",
    "DROP INDEX IF EXISTS content_searchentry_document_gin",
    "ALTER TABLE content_searchentry DROP COLUMN IF EXISTS document",
]


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql)


def create_full_text(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_TABLE + SQLITE_TRIGGERS)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES)


def drop_full_text(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_DROP)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_DROP)


class Migration(migrations.Migration):

    dependencies = [
        ('content', '0002_editor_and_moderator_groups'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('word', models.CharField(max_length=40, primary_key=True, serialize=False)),
            ],
            options={
                'verbose_name': 'search word',
            },
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('kind', models.CharField(choices=[('article', 'Article'), ('faq', 'FAQ'), ('trial', 'Trial')], db_index=True, max_length=10)),
                ('title', models.CharField(max_length=300)),
                ('summary', models.TextField(blank=True)),
                ('body', models.TextField(blank=True, help_text='Plain text of the body and other long fields.')),
                ('tags', models.TextField(blank=True, help_text='Tag names, one per line.')),
                ('tag_slugs', models.TextField(blank=True, help_text='Tag slugs wrapped in commas, e.g. ,car-t,cd19,')),
                ('tag_list', models.JSONField(blank=True, default=list, help_text='[slug, name] pairs for display.')),
                ('identifiers', models.TextField(blank=True, help_text='Canonical NCT number, acronym, product codes and CAR T from the title.')),
                ('terms', models.TextField(blank=True, help_text='Canonical codes and CAR T found in the rest of the text.')),
                ('facets', models.TextField(blank=True, help_text="Kind, status and tags as words, for filtering in SQLite's FTS5.")),
                ('url', models.CharField(max_length=500)),
                ('nct_id', models.CharField(blank=True, db_index=True, max_length=11)),
                ('trial_status', models.CharField(blank=True, db_index=True, max_length=30)),
                ('is_open', models.BooleanField(default=False, help_text='A trial open to new participants.')),
                ('published_at', models.DateTimeField(blank=True, null=True)),
                ('reviewed_on', models.DateField(blank=True, help_text='Last medical review, or the publication date if never reviewed.', null=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'search entry',
                'verbose_name_plural': 'search entries',
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='content_searchentry_unique_item')],
            },
        ),
        migrations.RunPython(create_full_text, drop_full_text),
    ]
