"""Bounded input: Markdown lengths, one-line titles, tag caps, header-safe subjects, hostile Markdown."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article
from portal.actions.save import content_save
from portal.content.markdown import render_markdown
from portal.content.models import Status
from portal.content.validators import MAX_MARKDOWN_LENGTH, header_safe, single_line, validate_single_line
from tests.factories import ArticleFactory, TrialFactory

pytestmark = pytest.mark.django_db

INLINES = {
    "sources-TOTAL_FORMS": "0",
    "sources-INITIAL_FORMS": "0",
    "content-moderationevent-content_type-object_id-TOTAL_FORMS": "0",
    "content-moderationevent-content_type-object_id-INITIAL_FORMS": "0",
}


def article_post(client, article, **fields):
    data = {"title": article.title, "slug": article.slug, "summary": article.summary, "body": article.body,
            "tags": "", **INLINES, **fields}
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


@pytest.mark.parametrize("title", ["Line\nbreak", "Carriage\rreturn", "Tab\there", "Null\x00", "Sep\u2028x",
                                   "Bell\x07"])
def test_titles_refuse_control_characters_at_the_model_level(editor, title):
    article = Article(title=title, slug="a-title")
    with pytest.raises(ValidationError) as error:
        content_save(item=article, user=editor)
    assert "title" in error.value.message_dict
    assert not Article.objects.exists()


def test_a_crafted_admin_post_with_a_newline_in_the_title_is_a_form_error(editor_client, editor):
    article = ArticleFactory(status=Status.DRAFT, author=editor, title="Before")
    response = article_post(editor_client, article, title="Subject\nBcc: everyone@example.org")
    assert response.status_code == 200
    assert "Keep this on one line" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Before"


def test_an_overlong_body_is_a_clear_form_error_and_nothing_is_saved(editor_client, editor):
    article = ArticleFactory(status=Status.DRAFT, author=editor, body="Short body")
    response = article_post(editor_client, article, body="[" * (MAX_MARKDOWN_LENGTH + 1))
    html = response.content.decode()
    assert response.status_code == 200
    assert "100000" in html and "characters" in html
    article.refresh_from_db()
    assert article.body == "Short body"


def test_a_body_of_exactly_the_limit_is_accepted(editor):
    article = Article(title="Long", body="a" * MAX_MARKDOWN_LENGTH)
    content_save(item=article, user=editor)
    assert Article.objects.get().body_html.startswith("<p>aaa")


def test_trial_markdown_fields_are_bounded(editor):
    trial = TrialFactory(status=Status.DRAFT)
    trial.what_it_means = "x" * (MAX_MARKDOWN_LENGTH + 1)
    with pytest.raises(ValidationError) as error:
        content_save(item=trial, user=editor)
    assert "what_it_means" in error.value.message_dict


def test_more_than_twenty_tags_are_refused_in_the_service(moderator):
    with pytest.raises(ValidationError):
        content_save(item=Article(title="Tagged"), user=moderator, tags=[f"t{n}" for n in range(21)])
    assert not Article.objects.exists()


def test_tag_caps_in_the_admin_form(moderator_client):
    article = ArticleFactory(status=Status.DRAFT)
    many = ", ".join(f"tag{n}" for n in range(21))
    html = article_post(moderator_client, article, tags=many).content.decode()
    assert "Use at most 20 tags" in html
    html = article_post(moderator_client, article, tags="x" * 51).content.decode()
    assert "Keep each tag to 50 characters" in html
    response = article_post(moderator_client, article, tags=", ".join(["a"] * 100_000))
    assert response.status_code == 200 and "at most" in response.content.decode()
    assert not article.tags.exists()


def test_editors_pick_existing_tags_but_cannot_create_new_ones(editor_client, editor):
    ArticleFactory(tags=["car-t"])
    article = ArticleFactory(status=Status.DRAFT, author=editor)
    html = article_post(editor_client, article, tags="CAR-T, brand-new-secret").content.decode()
    assert "You can only use existing tags" in html and "brand-new-secret" in html
    assert article_post(editor_client, article, tags="car-t").status_code == 302
    assert [t.name for t in article.tags.all()] == ["car-t"]


def test_moderators_can_create_tags(moderator_client):
    article = ArticleFactory(status=Status.DRAFT)
    assert article_post(moderator_client, article, tags="new-topic").status_code == 302
    assert [t.name for t in article.tags.all()] == ["new-topic"]


def test_imported_one_line_text_is_flattened_not_refused():
    assert single_line("A\ntitle\twith\r\nbreaks") == "A title with breaks"
    validate_single_line(single_line("x\ny"))


def test_header_safe_subjects():
    assert header_safe("Update: Evil\nBcc: x@example.org") == "Update: Evil Bcc: x@example.org"
    assert len(header_safe("x" * 1000)) == 200


def test_an_alert_for_an_item_with_a_newline_in_its_title_is_still_sent(user):
    from portal.accounts.alerts import _send_to_member
    from portal.accounts.models import Alert

    Alert.objects.create(user=user, title="Bad\ntitle", summary="s", url="/x/", change_key="k1")
    assert _send_to_member(user_id=user.pk, weekly=False) is True
    assert mail.outbox[0].subject == "Update: Bad title"


@pytest.mark.parametrize(
    "text",
    ["[" * 20_000, "[](" * 7_000, "- " * 50_000, ">" * 100_000, "".join("  " * i + "- x\n" for i in range(2_000))],
)
def test_hostile_markdown_renders_without_recursion_errors(text):
    # No timing here (no timed tests): python-markdown raised RecursionError or ran for minutes on these.
    html = render_markdown(text[:MAX_MARKDOWN_LENGTH])
    assert isinstance(html, str)
