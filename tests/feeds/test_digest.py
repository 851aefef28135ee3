"""The research-news digest: double opt-in, one-click unsubscribe that deletes the address, idempotent sending."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.accounts.services import account_delete, account_export
from portal.content.models import Status
from portal.feeds import digest
from portal.feeds.models import DigestSubscription
from tests.factories import ArticleFactory, TrialFactory, UserFactory
from trials.models import ChangeField, TrialChange

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/feeds/digest/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def subscribe(client, email="reader@example.org", frequency="monthly", **extra):
    return client.post(SUBSCRIBE, {"email": email, "frequency": frequency, "website": "", **extra})


def link(message, name: str) -> str:
    return re.search(rf"https?://\S+/feeds/digest/{name}/\S+/", message.body).group(0).split("8000", 1)[1]


def confirmed(email="reader@example.org", frequency="monthly", **kwargs) -> DigestSubscription:
    return DigestSubscription.objects.create(
        email=email, frequency=frequency, confirmed_at=timezone.now() - datetime.timedelta(days=40), **kwargs
    )


def test_subscribing_sends_a_confirmation_and_nothing_else_until_confirmed(client):
    response = subscribe(client)
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    assert "confirm" in message.subject.lower()
    subscription = DigestSubscription.objects.get()
    assert not subscription.is_confirmed
    ArticleFactory()
    assert digest.digests_send().sent == 0
    assert len(mail.outbox) == 1


def test_opening_the_link_asks_and_only_a_post_confirms(client):
    subscribe(client)
    path = link(mail.outbox[0], "confirm")
    assert client.get(path).status_code == 200
    assert not DigestSubscription.objects.get().is_confirmed  # a mail scanner opening the link confirms nothing
    html = client.post(path).content.decode()
    assert "You are subscribed" in html
    assert DigestSubscription.objects.get().is_confirmed


def test_subscribing_a_confirmed_address_again_reveals_nothing_and_changes_nothing(client):
    confirmed()
    html = subscribe(client, frequency="weekly").content.decode()
    assert "Check your e-mail" in html
    assert DigestSubscription.objects.get().frequency == "monthly"
    assert "already" in mail.outbox[0].subject


def test_form_errors_honeypot_and_rate_limit_keep_what_was_typed(client):
    html = subscribe(client, email="not-an-address").content.decode()
    assert "There is a problem" in html and 'value="not-an-address"' in html
    html = subscribe(client, website="spam").content.decode()
    assert "We could not accept this" in html
    assert not DigestSubscription.objects.exists() and not mail.outbox
    for n in range(5):
        subscribe(client, email=f"r{n}@example.org")
    response = subscribe(client, email="kept@example.org")
    assert response.status_code == 429 and 'value="kept@example.org"' in response.content.decode()


def test_digest_has_new_articles_and_followed_trial_changes_only_published(client):
    subscription = confirmed()
    ArticleFactory(title="A new explainer")
    ArticleFactory(title="Secret draft", status=Status.DRAFT)
    trial = TrialFactory(acronym="KYV")
    TrialChange.objects.create(
        trial=trial, field=ChangeField.OVERALL_STATUS, old_value="NOT_YET_RECRUITING", new_value="RECRUITING"
    )
    TrialChange.objects.create(trial=trial, field=ChangeField.ENROLLMENT, old_value=10, new_value=20)
    hidden = TrialFactory(title="Secret trial", status=Status.DRAFT)
    TrialChange.objects.create(trial=hidden, field=ChangeField.OVERALL_STATUS, old_value=None, new_value="RECRUITING")
    assert digest.digests_send().sent == 1
    (message,) = mail.outbox
    assert "A new explainer" in message.body and "Started recruiting" in message.body and "KYV" in message.body
    assert "Secret" not in message.body and "participants changed" not in message.body
    assert "<img" not in message.body and not getattr(message, "alternatives", [])  # plain text: no pixel
    unsubscribe = f"http://127.0.0.1:8000/feeds/digest/unsubscribe/{subscription.token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body


def test_sending_is_idempotent_and_respects_the_frequency():
    weekly = confirmed(email="w@example.org", frequency="weekly")
    confirmed(email="m@example.org", frequency="monthly")
    ArticleFactory()
    now = timezone.now()
    assert digest.digests_send(now=now).sent == 2
    assert digest.digests_send(now=now).sent == 0  # run twice: nothing twice
    ArticleFactory(published_at=now + datetime.timedelta(days=1))
    later = now + datetime.timedelta(days=7)
    assert digest.digests_send(now=later).sent == 1  # only the weekly one is due
    assert len([m for m in mail.outbox if m.to == [weekly.email]]) == 2


def test_nothing_new_sends_nothing():
    confirmed()
    assert digest.digests_send().nothing_new == 1
    assert not mail.outbox


def test_a_failed_send_is_retried_next_run(monkeypatch):
    confirmed()
    ArticleFactory()
    original = digest.EmailMessage.send

    def broken(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(digest.EmailMessage, "send", broken)
    with pytest.raises(CommandError):
        call_command("send_research_digest")
    assert DigestSubscription.objects.get().last_sent_at is None
    monkeypatch.setattr(digest.EmailMessage, "send", original)
    call_command("send_research_digest")
    assert len(mail.outbox) == 1


def test_one_click_unsubscribe_deletes_the_address_without_a_csrf_token():
    subscription = confirmed()
    client = Client(enforce_csrf_checks=True)
    path = reverse("feeds:unsubscribe", args=[subscription.token])
    assert "Stop the research news" in client.get(path).content.decode()
    assert DigestSubscription.objects.exists()  # GET only asks
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not DigestSubscription.objects.filter(email="reader@example.org").exists()
    assert client.post(path).status_code == 200  # a second click is harmless


def test_unconfirmed_subscriptions_are_deleted_after_a_week():
    DigestSubscription.objects.create(email="old@example.org", created_at=timezone.now() - datetime.timedelta(days=8))
    DigestSubscription.objects.create(email="new@example.org")
    assert digest.digests_send().expired == 1
    assert list(DigestSubscription.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_member_gets_the_same_digest_from_the_profile(client):
    from tests.accounts.conftest import make_member

    member = make_member(email="member@example.org")
    client.force_login(member)
    assert "Research news by e-mail" in client.get(reverse("accounts:profile")).content.decode()
    client.post(reverse("feeds:member"), {"frequency": "weekly"})
    subscription = DigestSubscription.objects.get(user=member)
    assert subscription.is_confirmed and subscription.email == "member@example.org"
    assert account_export(user=member)["research_digest"]["frequency"] == "weekly"
    client.post(reverse("feeds:member"), {"frequency": "never"})
    assert not DigestSubscription.objects.exists()


def test_deleting_the_account_deletes_the_subscription():
    member = UserFactory()
    digest.digest_member_set(user=member, frequency="monthly")
    account_delete(user=member)
    assert not DigestSubscription.objects.exists()
