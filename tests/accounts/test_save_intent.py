""""Sign in to save" survives sign-up, e-mail confirmation and sign-in in every order: afterwards the
item is saved (or followed) and the reader is back on the item's page, with a message."""

from __future__ import annotations

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from portal.accounts.models import Bookmark, TagFollow
from portal.content.models import Status
from tests.factories import ArticleFactory, TrialFactory
from trials.models import TrialFollow

from .conftest import make_member

pytestmark = pytest.mark.django_db

PASSWORD = "a long pass phrase 42"


def save_url(item) -> str:
    return reverse("accounts:save", args=[ContentType.objects.get_for_model(item).pk, item.pk])


def sign_up(client: Client, email: str, next_url: str):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD, "next": next_url}
    )


def confirmation_path() -> str:
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    return "/" + link.split("/", 3)[3]


def log_in(client: Client, email: str, next_url: str = ""):
    data = {"login": email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("account_login"), data)


def saved(item) -> bool:
    return Bookmark.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk, user__email__isnull=False
    ).exists()


def last_messages(client: Client, response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_existing_member_signs_in_and_the_item_is_saved(client):
    article = ArticleFactory()
    make_member(email="member@example.org", password=PASSWORD)
    response = log_in(client, "member@example.org", save_url(article))
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert saved(article)
    assert any(f"Saved “{article.title}”" in m for m in last_messages(client, response))


def test_new_account_confirmed_in_the_same_browser_saves_and_returns(client):
    trial = TrialFactory()
    sign_up(client, "new@example.org", save_url(trial))
    assert not saved(trial)
    response = client.post(confirmation_path())
    assert response.status_code == 302
    assert response["Location"] == trial.get_absolute_url()
    assert saved(trial)
    page = client.get(response["Location"]).content.decode()
    assert f"Saved “{trial.title}”" in page


def test_confirmation_link_carries_the_intent(client):
    article = ArticleFactory()
    sign_up(client, "new@example.org", save_url(article))
    assert f"next={save_url(article).replace('/', '%2F')}" in confirmation_path()


def test_confirmation_opened_in_another_browser_then_sign_in_there(client):
    article = ArticleFactory()
    sign_up(client, "new@example.org", save_url(article))
    other = Client()
    path = confirmation_path()
    assert other.get(path).status_code == 200
    response = other.post(path, follow=True)
    # Not signed in there: the log-in page keeps the intent...
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert not saved(article)
    response = log_in(other, "new@example.org", save_url(article))
    # ... and signing in performs it.
    assert response["Location"] == article.get_absolute_url()
    assert saved(article)


def test_confirmation_in_another_browser_then_sign_in_back_in_the_first(client):
    article = ArticleFactory()
    first_page = client.get(article.get_absolute_url()).content.decode()
    sign_in_link = re.search(r'href="(/accounts/login/\?next=[^"]+)"', first_page).group(1)
    sign_up(client, "new@example.org", save_url(article))
    Client().post(confirmation_path())
    login_page = client.get(sign_in_link.replace("&amp;", "&"))
    assert login_page.status_code == 200
    response = log_in(client, "new@example.org", save_url(article))
    assert response["Location"] == article.get_absolute_url()
    assert saved(article)


def test_sign_in_before_confirming_then_confirm_then_sign_in_saves(client):
    article = ArticleFactory()
    sign_up(client, "new@example.org", save_url(article))
    other = Client()
    early = log_in(other, "new@example.org", save_url(article))  # not confirmed yet: asked to confirm
    assert early["Location"] == reverse("account_email_verification_sent")
    assert not saved(article)
    Client().post(confirmation_path())
    response = log_in(other, "new@example.org", save_url(article))
    assert response["Location"] == article.get_absolute_url()
    assert saved(article)


def test_follow_intents_work_the_same_way(client):
    trial = TrialFactory(tags=["cd19"])
    member = make_member(email="member@example.org", password=PASSWORD)
    response = log_in(client, "member@example.org", reverse("accounts:follow_trial", args=[trial.pk]))
    assert response["Location"] == trial.get_absolute_url()
    assert TrialFollow.objects.filter(user=member, trial=trial).exists()
    client.logout()
    response = log_in(client, "member@example.org", reverse("accounts:follow_tag", args=["cd19"]))
    assert response["Location"] == reverse("tag", args=["cd19"])
    assert TagFollow.objects.filter(user=member, tag__slug="cd19").exists()


def test_an_item_unpublished_meanwhile_is_not_saved(client):
    article = ArticleFactory()
    url = save_url(article)
    type(article).objects.filter(pk=article.pk).update(status=Status.ARCHIVED)
    make_member(email="member@example.org", password=PASSWORD)
    response = log_in(client, "member@example.org", url)
    assert response.status_code == 302
    assert not saved(article)


def test_ordinary_next_addresses_are_left_alone(client):
    make_member(email="member@example.org", password=PASSWORD)
    response = log_in(client, "member@example.org", reverse("faq:list"))
    assert response["Location"] == reverse("faq:list")
    assert not Bookmark.objects.exists()


def test_foreign_next_is_never_an_intent(client):
    article = ArticleFactory()
    make_member(email="member@example.org", password=PASSWORD)
    log_in(client, "member@example.org", "https://evil.example" + save_url(article))
    assert not saved(article)
