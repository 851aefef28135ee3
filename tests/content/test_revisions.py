"""Revisions (django-reversion), compare, revert, and pending drafts of published items.

A published page never shows a draft: an edit of a published item is kept as its pending draft and
reaches the public page, search and feeds only when a moderator publishes it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Revision, Version
from taggit.models import Tag

from portal.actions.archive import content_archive
from portal.actions.delete import content_delete
from portal.actions.publish import content_publish
from portal.actions.revert import content_revert
from portal.actions.save import content_save
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content import revisions
from portal.content.diff import word_diff
from portal.content.drafts import pending_draft_for, review_state
from portal.content.models import ModerationEvent, PendingDraft, Status
from portal.content.search.models import SearchEntry
from tests.conftest import staff_group
from tests.factories import ArticleFactory, QuestionFactory, TermFactory, TrialFactory, UserFactory
from tests.trials.helpers import changed, study
from trials.registry.parse import parse_study
from trials.sync import trial_import

pytestmark = pytest.mark.django_db

TYPES = {
    "articles_article": ArticleFactory,
    "faq_question": QuestionFactory,
    "trials_trial": TrialFactory,
    "glossary_term": TermFactory,
}


def admin_url(item, view: str = "change", *args) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[item.pk, *args])


class _FormFields(HTMLParser):
    """What a browser would post from the admin change form: every field with its current value."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._in_form = False
        self.textareas: set[str] = set()
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id", "").endswith("_form"):
            self._in_form = True
        if not self._in_form or not a.get("name"):
            if tag == "option" and self._select and "selected" in a:
                self.data.setdefault(self._select, []).append(a.get("value", ""))
            return
        name = a["name"]
        if tag == "input" and a.get("type") not in ("submit", "checkbox", "button"):
            self.data.setdefault(name, []).append(a.get("value", ""))
        elif tag == "input" and a.get("type") == "checkbox" and "checked" in a:
            self.data.setdefault(name, []).append(a.get("value", "on"))
        elif tag == "textarea":
            self.textareas.add(name)
            self._textarea = name
            self.data[name] = [""]
        elif tag == "select":
            self._select = name
            self.data.setdefault(name, [])

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def change_form_data(client: Client, item, **changes) -> dict:
    page = client.get(admin_url(item))
    assert page.status_code == 200
    parser = _FormFields()
    parser.feed(page.content.decode())
    data = {name: values if len(values) != 1 else values[0] for name, values in parser.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    for name, value in data.items():
        if name in parser.textareas and value.startswith("\n"):
            data[name] = value[1:]  # the newline Django puts after <textarea>, which browsers drop
    data.update(changes)
    return {name: value for name, value in data.items() if value != []}


def visible(html: str) -> str:
    """What a sighted reader sees of diff HTML: no tags, no visually hidden words."""
    return re.sub(r"<[^>]+>", "", re.sub(r'<span class="visually-hidden">[^<]*</span>', "", html))


def public_text(client: Client, item) -> str:
    return client.get(item.get_absolute_url()).content.decode()


@pytest.fixture
def second_moderator(db):
    user = UserFactory(is_staff=True, username="second-moderator")
    user.groups.add(staff_group("Moderators"))
    return user


# Word diff (no database)


@pytest.mark.django_db(False)
def test_word_diff_marks_only_the_changed_words():
    html = word_diff("The quick brown fox", "The slow brown fox")
    assert html.startswith("The ")
    assert visible(html) == "The [-quick-]{+slow+} brown fox"
    assert html.count("<del") == 1 and html.count("<ins") == 1
    assert "brown fox" in html.split("</ins>")[-1]


@pytest.mark.django_db(False)
def test_word_diff_says_removed_and_added_in_words_not_only_colour():
    html = word_diff("one two", "one three")
    assert '<span class="visually-hidden">removed: </span>' in html
    assert '<span class="visually-hidden">added: </span>' in html


@pytest.mark.django_db(False)
def test_word_diff_escapes_both_sides():
    html = word_diff("<b>old</b>", "<script>alert(1)</script>")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db(False)
def test_word_diff_keeps_spacing_outside_the_markers_and_shows_whitespace_changes_unmarked():
    assert visible(word_diff("Small.\n", "Small.\n\n\nA new paragraph.")) == "Small.\n\n\n{+A new paragraph.+}"
    assert word_diff("One.\nTwo.", "One.\n\nTwo.") == "One.\n\nTwo."


@pytest.mark.django_db(False)
def test_word_diff_of_equal_texts_has_no_markers():
    assert word_diff("Same text.\nTwo lines.", "Same text.\nTwo lines.") == "Same text.\nTwo lines."


# Revisions on every save path


@pytest.mark.parametrize("name", TYPES)
def test_every_admin_save_keeps_a_revision_with_who_and_the_values(editor_client, editor, name):
    item = TYPES[name](status=Status.DRAFT)
    before = revisions.item_versions(item).count()
    response = editor_client.post(admin_url(item), change_form_data(editor_client, item, title="A new title"))
    assert response.status_code == 302, response.content.decode()[:3000]
    versions = list(revisions.item_versions(item))
    assert len(versions) == before + 1
    assert versions[0].revision.user == editor
    assert versions[0].field_dict["title"] == "A new title"


@pytest.mark.parametrize("name", TYPES)
def test_every_admin_edit_of_a_published_item_keeps_a_draft_revision(editor_client, editor, name):
    item = TYPES[name](title="Approved title")
    response = editor_client.post(admin_url(item), change_form_data(editor_client, item, title="Draft title"))
    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert item.title == "Approved title" and item.status == Status.PUBLISHED
    newest = revisions.item_versions(item).first()
    assert newest.field_dict["title"] == "Draft title" and newest.revision.info.pending
    assert pending_draft_for(item).fields["title"] == "Draft title"


def test_service_saves_publication_and_revert_each_keep_a_revision(editor, moderator):
    article = ArticleFactory.build(title="First", slug="first", author=editor, status=Status.DRAFT)
    content_save(item=article, user=editor, tags=["fatigue"])
    article.body = "Second body"
    content_save(item=article, user=editor)
    content_submit(item=article, user=editor)
    content_publish(item=article, moderator=moderator)
    versions = list(revisions.item_versions(article))
    assert [v.revision.comment for v in versions] == ["Published.", "Saved.", "Saved."]
    assert versions[-1].revision.info.tags == ["fatigue"]
    content_revert(item=article, version=versions[-1], user=editor)
    assert revisions.item_versions(article).count() == 4


def test_a_registry_refresh_updates_the_live_row_and_makes_no_draft(moderator):
    trial_import(parsed=parse_study(study()))
    trial = TrialFactory._meta.model.objects.get()
    trial.summary = "Editors' summary."
    content_save(item=trial, user=moderator)
    content_submit(item=trial, user=moderator)
    content_publish(item=trial, moderator=moderator)
    trial.summary = "A pending edit."
    content_save(item=trial, user=moderator)
    refreshed = changed(study(), overallStatus="RECRUITING", lastUpdatePostDateStruct={"date": "2026-09-01"})
    trial_import(parsed=parse_study(refreshed))
    trial.refresh_from_db()
    assert trial.overall_status == "RECRUITING" and trial.summary == "Editors' summary."
    assert PendingDraft.objects.get().fields["summary"] == "A pending edit."
    assert revisions.item_versions(trial).first().revision.comment == "Registry refresh from ClinicalTrials.gov."


# Published pages never show a draft revision


def test_published_page_keeps_its_approved_revision_until_the_draft_is_published(
    editor_client, editor, moderator_client, client
):
    article = ArticleFactory(title="Approved title", body="Approved words about fatigue.", author=editor)
    data = change_form_data(editor_client, article, title="Walrus title", body="Draft words about walruses.")
    response = editor_client.post(admin_url(article), data, follow=True)
    assert "Your changes are saved as a draft" in response.content.decode()

    page = public_text(client, article)
    assert "Approved words" in page and "walruses" not in page
    assert client.get(reverse("search:results"), {"q": "walruses"}).content.decode().count("Walrus title") == 0
    assert SearchEntry.objects.get(object_id=article.pk).title == "Approved title"

    form = editor_client.get(admin_url(article)).content.decode()
    assert "Draft words about walruses." in form and "Editing a draft of a published page" in form

    changelist = reverse("admin:articles_article_changelist")
    editor_client.post(changelist, {"action": "submit_for_review", ACTION_CHECKBOX_NAME: [article.pk]})
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and review_state(article) == Status.IN_REVIEW
    assert "walruses" not in public_text(client, article)

    moderator_client.post(changelist, {"action": "publish", ACTION_CHECKBOX_NAME: [article.pk]})
    article.refresh_from_db()
    assert (article.title, article.public_title) == ("Walrus title", "Walrus title")
    assert "Draft words about walruses." in public_text(client, article)
    assert SearchEntry.objects.get(object_id=article.pk).title == "Walrus title"
    assert not PendingDraft.objects.exists()


def test_publishing_a_draft_that_is_not_in_review_is_refused(moderator):
    article = ArticleFactory(body="Approved")
    article.body = "Unreviewed"
    content_save(item=article, user=moderator)
    with pytest.raises(ValidationError, match="Submit the changes"):
        content_publish(item=article, moderator=moderator)
    article.refresh_from_db()
    assert article.body == "Approved"


def test_send_back_returns_the_draft_and_the_page_stays_published(editor, moderator):
    article = ArticleFactory(body="Approved")
    article.body = "Needs work"
    content_save(item=article, user=editor)
    content_submit(item=article, user=editor)
    content_send_back(item=article, moderator=moderator, comment="Add a source.")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and article.body == "Approved"
    assert review_state(article) == Status.DRAFT
    event = ModerationEvent.objects.filter(about_draft=True).first()
    assert (event.to_status, event.comment) == (Status.DRAFT, "Add a source.")
    assert SearchEntry.objects.filter(object_id=article.pk).exists()


def test_archiving_keeps_the_draft_as_the_archived_content(editor, moderator):
    article = ArticleFactory(body="Approved")
    article.body = "Newest words"
    content_save(item=article, user=editor)
    content_archive(item=article, moderator=moderator)
    article.refresh_from_db()
    assert (article.status, article.body) == (Status.ARCHIVED, "Newest words")
    assert not PendingDraft.objects.exists()


def test_editing_a_draft_in_review_keeps_it_in_review(editor):
    article = ArticleFactory(body="Approved")
    article.body = "One"
    content_save(item=article, user=editor)
    content_submit(item=article, user=editor)
    article.body = "Two"
    content_save(item=article, user=editor)
    draft = pending_draft_for(article)
    assert (draft.state, draft.fields["body"]) == (PendingDraft.State.IN_REVIEW, "Two")


def test_tags_and_related_trials_wait_for_publication_too(editor_client, editor, moderator, client):
    trial = TrialFactory()
    article = ArticleFactory(tags=["fatigue"])
    Tag.objects.create(name="walking", slug="walking")  # editors pick existing tags
    data = change_form_data(editor_client, article, tags="fatigue, walking", related_trials=[str(trial.pk)])
    assert editor_client.post(admin_url(article), data).status_code == 302
    assert sorted(article.tags.names()) == ["fatigue"] and not article.related_trials.exists()
    content_submit(item=article, user=editor)
    content_publish(item=article, moderator=moderator)
    assert sorted(article.tags.names()) == ["fatigue", "walking"]
    assert list(article.related_trials.all()) == [trial]


# Compare


def test_compare_with_previous_shows_a_word_level_diff_with_markers(editor_client, editor):
    article = ArticleFactory(status=Status.DRAFT, title="Fatigue guide", body="Rest helps with fatigue.")
    content_save(item=article, user=editor)
    article.body = "Pacing helps with fatigue."
    content_save(item=article, user=editor)
    newest = revisions.item_versions(article).first()
    page = editor_client.get(admin_url(article, "revision_compare", newest.pk)).content.decode()
    assert "[-Rest-]{+Pacing+} helps with fatigue." in visible(page)
    assert "helps with fatigue." in page
    assert "removed:" in page and "added:" in page
    assert "(unchanged)" in page  # the title


def test_revisions_page_lists_who_when_and_why_with_compare_and_revert(editor_client, editor):
    article = ArticleFactory(status=Status.DRAFT)
    for body in ("One", "Two"):
        article.body = body
        content_save(item=article, user=editor)
    page = editor_client.get(admin_url(article, "revisions")).content.decode()
    assert page.count("Compare with previous") == 1  # the first version has nothing before it
    assert page.count("Revert to this version") == 1  # not for the newest
    assert "editor" in page and "Saved." in page
    change_page = editor_client.get(admin_url(article)).content.decode()
    assert admin_url(article, "revisions") in change_page


# Revert


def test_revert_of_a_published_item_creates_a_draft_and_does_not_republish(editor_client, editor, moderator, client):
    article = ArticleFactory(status=Status.IN_REVIEW, body="Good words.")
    content_publish(item=article, moderator=moderator)
    good = revisions.item_versions(article).first()
    article.body = "Bad words."
    content_save(item=article, user=moderator)
    content_submit(item=article, user=moderator)
    content_publish(item=article, moderator=moderator)
    published_events = ModerationEvent.objects.filter(to_status=Status.PUBLISHED).count()

    response = editor_client.post(admin_url(article, "revision_revert", good.pk))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "Bad words." and article.status == Status.PUBLISHED
    assert "Bad words." in public_text(client, article)
    draft = pending_draft_for(article)
    assert (draft.state, draft.fields["body"]) == (PendingDraft.State.DRAFT, "Good words.")
    assert ModerationEvent.objects.filter(to_status=Status.PUBLISHED).count() == published_events
    assert "Reverted to the version of" in revisions.item_versions(article).first().revision.comment


def test_revert_of_a_draft_writes_it_back_and_keeps_it_a_draft(editor):
    article = ArticleFactory(status=Status.DRAFT, body="First")
    content_save(item=article, user=editor, tags=["fatigue"])
    first = revisions.item_versions(article).first()
    article.body = "Second"
    content_save(item=article, user=editor, tags=["walking"])
    content_revert(item=article, version=first, user=editor)
    article.refresh_from_db()
    assert (article.body, article.status, list(article.tags.names())) == ("First", Status.DRAFT, ["fatigue"])


def test_revert_needs_a_post(editor_client):
    article = ArticleFactory(status=Status.DRAFT)
    content_save(item=article, user=UserFactory(is_superuser=True))
    version = revisions.item_versions(article).first()
    assert editor_client.get(admin_url(article, "revision_revert", version.pk)).status_code == 405


def test_revert_with_another_items_revision_is_refused(editor):
    one, other = ArticleFactory(status=Status.DRAFT), ArticleFactory(status=Status.DRAFT)
    content_save(item=other, user=editor)
    with pytest.raises(ValidationError):
        content_revert(item=one, version=revisions.item_versions(other).first(), user=editor)


def test_a_member_cannot_revert(user):
    article = ArticleFactory(status=Status.DRAFT)
    content_save(item=article, user=UserFactory(is_superuser=True))
    with pytest.raises(PermissionDenied):
        content_revert(item=article, version=revisions.item_versions(article).first(), user=user)


# Permissions and bad URLs


@pytest.fixture
def article_with_revisions(editor):
    article = ArticleFactory(status=Status.DRAFT)
    for body in ("One", "Two"):
        article.body = body
        content_save(item=article, user=editor)
    return article, revisions.item_versions(article).last()


@pytest.mark.parametrize("view", ["revisions", "revision_compare", "revision_revert"])
def test_anonymous_visitors_and_members_are_sent_to_the_login(client, user, article_with_revisions, view):
    article, version = article_with_revisions
    url = admin_url(article, view, *([version.pk] if view != "revisions" else []))
    for visitor in (client, Client()):
        response = visitor.post(url) if view == "revision_revert" else visitor.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
        visitor.force_login(user)
    assert Version.objects.count() == 2


def test_urls_a_stranger_can_type_give_404_not_500(editor_client, article_with_revisions):
    article, version = article_with_revisions
    other = ArticleFactory(status=Status.DRAFT)
    content_save(item=other, user=UserFactory(is_superuser=True))
    foreign = revisions.item_versions(other).first()
    base = reverse("admin:articles_article_changelist")
    urls = [
        admin_url(article, "revision_compare", foreign.pk),
        admin_url(article, "revision_compare", 999999),
        f"{base}999999/revisions/",
        f"{base}not-a-number/revisions/",
        f"{base}not-a-number/revisions/{version.pk}/compare/",
    ]
    for url in urls:
        assert editor_client.get(url).status_code == 404, url
    assert editor_client.post(admin_url(article, "revision_revert", foreign.pk)).status_code == 404


def test_an_editor_without_a_types_permission_gets_403(client, article_with_revisions):
    article, _version = article_with_revisions
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(admin_url(article, "revisions")).status_code == 403


def test_editors_cannot_revert_an_archived_item(editor_client, editor, moderator):
    article = ArticleFactory(status=Status.DRAFT, body="One")
    content_save(item=article, user=editor)
    article.body = "Two"
    content_save(item=article, user=editor)
    content_archive(item=article, moderator=moderator)
    first = revisions.item_versions(article).last()
    assert editor_client.get(admin_url(article, "revisions")).status_code == 200
    assert editor_client.post(admin_url(article, "revision_revert", first.pk)).status_code == 403


# Query counts


@pytest.mark.parametrize("view", ["revisions", "revision_compare"])
def test_revisions_pages_query_count_does_not_grow_with_revisions(editor_client, editor, view):
    counts = []
    for saves in (3, 30):
        article = ArticleFactory(status=Status.DRAFT, tags=["fatigue"])
        for n in range(saves):
            article.body = f"Body {n}"
            content_save(item=article, user=UserFactory(is_staff=True, is_superuser=True) if n % 2 else editor)
        newest = revisions.item_versions(article).first()
        url = admin_url(article, view, *([newest.pk] if view != "revisions" else []))
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_preview_shows_the_draft_while_the_public_page_shows_the_approved_text(editor_client, editor, client):
    article = ArticleFactory(body="Approved words.")
    article.body = "Draft *words*."
    content_save(item=article, user=editor)
    url = reverse("preview", kwargs={"app_label": "articles", "model_name": "article", "pk": article.pk})
    assert "Draft <em>words</em>." in editor_client.get(url).content.decode()
    assert "Draft <em>words</em>" not in public_text(client, article)


@pytest.mark.parametrize("name", TYPES)
def test_changelist_filter_lists_published_items_whose_changes_wait_for_review(moderator_client, editor, name):
    waiting, other = TYPES[name](title="Waiting item"), TYPES[name](title="Quiet item")
    waiting.title = "Waiting item, changed"
    content_save(item=waiting, user=editor)
    content_submit(item=waiting, user=editor)
    page = moderator_client.get(reverse(f"admin:{name}_changelist"), {"draft": "in_review"}).content.decode()
    assert "Waiting item" in page and other.title not in page


@pytest.mark.django_db(False)
def test_a_rewritten_sentence_reads_as_one_removal_and_one_addition():
    html = word_diff("Rest a lot.", "Pace your day.")
    assert html.count("<del") == 1 and html.count("<ins") == 1
    assert visible(html) == "[-Rest a lot.-]{+Pace your day.+}"


def test_deleting_an_item_drops_its_revisions_and_draft(editor):
    article = ArticleFactory()
    article.body = "A draft"
    content_save(item=article, user=editor)
    content_delete(item=article, user=UserFactory(is_superuser=True))
    assert not Revision.objects.exists() and not PendingDraft.objects.exists()
