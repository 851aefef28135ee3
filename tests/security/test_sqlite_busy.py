"""SQLite under concurrent writes: wait for the lock, keep transactions short, and never a 500."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError

from faq.models import Submission
from portal.content import markdown
from tests.faq.helpers import ask_data


def test_sqlite_waits_for_locks_and_takes_the_write_lock_up_front():
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite settings only")  # the PostgreSQL run checks nothing here
    assert db["OPTIONS"]["timeout"] >= 10
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]


@pytest.mark.django_db
def test_a_question_sent_while_the_database_is_locked_gets_a_503_with_its_input_kept(client, monkeypatch):
    cache.clear()

    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr("faq.services.submission_create", locked)
    response = client.post("/faq/ask/", {**ask_data(question="Asked during a long admin save, CAR T"),
                                         "context": "kept context", "confirm": "1"})
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "We could not save your question just now" in html
    assert "Asked during a long admin save, CAR T" in html and "kept context" in html
    assert not Submission.objects.exists()


def test_markdown_rendered_before_a_transaction_is_not_rendered_again_inside_it(monkeypatch):
    from articles.models import Article

    text = "## Rendered once\n\n" + "word " * 100
    markdown.prerender_markdown(Article, {"body": text, "title": "x"})
    monkeypatch.setitem(markdown.RENDERERS, markdown.RENDERER, lambda t: pytest.fail("rendered twice"))
    assert markdown.render_markdown(text).startswith("<h2>Rendered once</h2>")


def test_markdown_fields_are_found_by_their_html_sibling():
    from articles.models import Article
    from trials.models import Trial

    assert markdown.markdown_field_names(Article) == ["body"]
    assert sorted(markdown.markdown_field_names(Trial)) == ["body", "eligibility_criteria", "what_it_means"]
