"""About, how we write and review, contact the editors, people and topic descriptions."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from taggit.models import Tag

from faq.forms import started_token
from faq.models import Submission, SubmissionKind
from portal.actions.publish import content_publish
from portal.content.models import Status
from portal.pages.models import EditorProfile, TagInfo
from tests.conftest import staff_group
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

CONTACT = "/about/contact/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def contact_data(**overrides) -> dict:
    data = {
        "subject": "correction",
        "question": "The start date of the KYV-101 trial looks out of date.",
        "context": "Sam",
        "email": "sam@example.org",
        "started": started_token(seconds_ago=30),
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("name", ["pages:about", "pages:editorial", "pages:contact"])
def test_trust_pages_are_linked_from_every_footer(client, name):
    html = client.get(reverse("home")).content.decode()
    footer = html[html.index("<footer") :]
    assert f'href="{reverse(name)}"' in footer
    assert client.get(reverse(name)).status_code == 200


def test_editorial_policy_covers_what_readers_need_to_know(client):
    html = client.get(reverse("pages:editorial")).content.decode()
    for heading in (
        "Plain language",
        "Sources",
        "Medical review",
        "How often pages are checked",
        "Corrections",
        "Conflicts of interest",
        "How trial listings are kept up to date",
        "What “open to new participants” means",
    ):
        assert f">{heading}</h2>" in html
    assert "Recruiting" in html and "Enrolling by invitation" in html


def test_about_page_lists_public_profiles_only(client):
    EditorProfile.objects.create(user=UserFactory(), slug="a", name="Ana Public", role="Health writer")
    EditorProfile.objects.create(user=UserFactory(), slug="b", name="Hidden Person", role="Editor", is_public=False)
    html = client.get(reverse("pages:about")).content.decode()
    assert "Ana Public" in html and "Hidden Person" not in html


def test_person_page_shows_role_credentials_bio_and_conflicts(client):
    profile = EditorProfile.objects.create(
        user=UserFactory(), slug="dr-x", name="Dr X", role="Medical reviewer", credentials="MD", bio="Neurologist."
    )
    html = client.get(profile.get_absolute_url()).content.decode()
    assert "Dr X" in html and "Medical reviewer" in html and "MD" in html and "Neurologist." in html
    assert "None declared." in html


def test_hidden_profile_page_is_404(client):
    profile = EditorProfile.objects.create(user=UserFactory(), slug="h", name="H", role="R", is_public=False)
    assert client.get(profile.get_absolute_url()).status_code == 404


def test_byline_names_the_author_and_reviewer_profiles_not_the_account(client, editor, moderator):
    EditorProfile.objects.create(user=editor, slug="w", name="Wen Writer", role="Health writer")
    EditorProfile.objects.create(user=moderator, slug="r", name="Dr Rae", role="Medical reviewer", credentials="MD")
    moderator.groups.add(staff_group("Medical reviewers"))
    article = ArticleFactory(
        status=Status.IN_REVIEW, author=editor, reviewed_by=moderator, reviewer_name="", reviewer_credentials="",
        last_reviewed=datetime.date(2026, 10, 14),
    )
    content_publish(item=article, moderator=moderator)
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'By <a href="/about/people/w/">Wen Writer</a>, health writer' in html
    assert (
        'Medically reviewed by <a href="/about/people/r/">Dr Rae</a>, MD, on '
        '<time datetime="2026-10-14">14 October 2026'
        in html
    )
    assert editor.username not in html.split("<main")[1].split("</main>")[0]


def test_external_medical_reviewer_is_named_with_credentials_and_date(client):
    article = ArticleFactory(
        reviewer_name="Dr Ana Ruiz", reviewer_credentials="MD, neurologist", last_reviewed=datetime.date(2026, 9, 1)
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'Medically reviewed by Dr Ana Ruiz, MD, neurologist, on <time datetime="2026-09-01">1 September 2026' in html


def test_byline_without_a_profile_credits_the_editorial_team(client):
    author = UserFactory(display_name="Demo editor")
    article = ArticleFactory(author=author)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Demo editor" not in html
    assert "the editorial team" in html


def test_tag_page_shows_the_editors_description_and_uses_it_as_page_description(client):
    ArticleFactory(tags=["Progressive MS"])
    TagInfo.objects.create(tag=Tag.objects.get(slug="progressive-ms"), description="MS that gets worse over time.")
    html = client.get(reverse("tag", args=["progressive-ms"])).content.decode()
    assert '<p class="lead">MS that gets worse over time.</p>' in html
    assert '<meta name="description" content="MS that gets worse over time.">' in html
    assert "Everything tagged “Progressive MS”" in html


def test_contact_message_goes_into_the_moderated_queue_as_a_contact_message(client):
    response = client.post(CONTACT, contact_data())
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.kind == SubmissionKind.CONTACT
    assert submission.question.startswith("The start date")
    assert submission.email == "sam@example.org"
    assert "mistake" in submission.context and "Sam" in submission.context
    assert submission.reference in client.get(response["Location"]).content.decode()


def test_contact_errors_keep_what_was_typed(client):
    response = client.post(CONTACT, contact_data(question="short", context="Kept name", email="kept@example.org"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "too short" in html
    assert ">\nshort</textarea>" in html and 'value="Kept name"' in html and 'value="kept@example.org"' in html
    assert 'value="correction" id="id_subject_0" required checked' in html
    assert not Submission.objects.exists()


def test_contact_honeypot_refuses_and_keeps_input(client):
    html = client.post(CONTACT, contact_data(website="http://spam.example")).content.decode()
    assert "We could not accept this" in html and "looks out of date" in html
    assert not Submission.objects.exists()


def test_contact_too_fast_is_refused(client):
    html = client.post(CONTACT, contact_data(started=started_token())).content.decode()
    assert "quicker than we expected" in html
    assert not Submission.objects.exists()


def test_contact_shares_the_question_forms_rate_limit_and_keeps_input(client):
    from faq import throttle

    for _n in range(throttle.LIMIT):
        assert client.post(CONTACT, contact_data()).status_code == 302
    response = client.post(CONTACT, contact_data(question="The sixth message is kept here."))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a little before writing again" in html and "The sixth message is kept here." in html
    assert Submission.objects.count() == throttle.LIMIT
    # ... and the question form now refuses too: one limit for both.
    from tests.faq.helpers import ask_data

    assert client.post(reverse("faq:ask"), {**ask_data(), "confirm": "1"}).status_code == 429


def test_member_contact_uses_the_account_address(client):
    member = UserFactory()
    client.force_login(member)
    data = contact_data()
    data.pop("email")
    assert client.post(CONTACT, data).status_code == 302
    submission = Submission.objects.get()
    assert submission.user == member and submission.email == ""


def test_contact_thanks_without_a_message_goes_back_to_the_form(client):
    response = client.get(reverse("pages:contact_thanks"))
    assert response.status_code == 302 and response["Location"] == CONTACT


def test_the_same_contact_form_sent_twice_is_accepted_once_and_keeps_the_text(client):
    data = contact_data()
    assert client.post(CONTACT, data).status_code == 302
    response = client.post(CONTACT, data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "This form was already sent" in html and "looks out of date" in html
    assert Submission.objects.count() == 1
