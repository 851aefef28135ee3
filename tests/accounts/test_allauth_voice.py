"""allauth's pages and mails in the portal's voice: site name from settings, never the host name."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from .conftest import make_member

pytestmark = pytest.mark.django_db

PASSWORD = "a long pass phrase 42"
STOCK_PHRASES = ("Hello from", "Please contact us", "Verify Your Email Address", "Thank you for using")


def sign_up(client, email="new@example.org"):
    return client.post(reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def test_confirmation_mail_is_in_our_voice_with_the_site_name(client):
    sign_up(client)
    (message,) = mail.outbox
    assert message.subject == "[MS Research Portal] Confirm your e-mail address"
    assert message.body.startswith("Hello,")
    assert "The editors at MS Research Portal" in message.body
    assert "/accounts/confirm-email/" in message.body
    for phrase in STOCK_PHRASES:
        assert phrase not in message.body, phrase


def test_verification_sent_page_says_what_to_do_and_links_the_contact_page(client):
    response = sign_up(client, "another@example.org")
    html = client.get(response["Location"]).content.decode()
    assert "<h1>Check your e-mail</h1>" in html
    assert f'href="{reverse("pages:contact")}"' in html
    for phrase in STOCK_PHRASES:
        assert phrase not in html, phrase


def test_password_reset_mail_and_pages_are_in_our_voice(client):
    make_member(email="member@example.org")
    page = client.get(reverse("account_reset_password")).content.decode()
    assert "<h1>Forgotten your password?</h1>" in page and "Please contact us" not in page
    response = client.post(reverse("account_reset_password"), {"email": "member@example.org"})
    assert "<h1>Check your e-mail</h1>" in client.get(response["Location"]).content.decode()
    (message,) = mail.outbox
    assert message.subject == "[MS Research Portal] Choose a new password"
    assert "/accounts/password/reset/key/" in message.body
    for phrase in STOCK_PHRASES:
        assert phrase not in message.body, phrase


def test_sign_up_with_a_known_address_sends_a_kind_note_not_the_stock_one(client):
    make_member(email="member@example.org")
    sign_up(client, "member@example.org")
    (message,) = mail.outbox
    assert message.subject == "[MS Research Portal] You already have an account"
    assert "Hello from" not in message.body


def test_expired_confirmation_link_page_is_in_our_voice(client):
    html = client.get(reverse("account_confirm_email", args=["not-a-key"])).content.decode()
    assert "This link has expired or has already been used." in html
    assert "Confirm Email Address" not in html


def test_profile_and_question_form_make_the_same_promise_about_names(client):
    promise = "Your name and e-mail address are never published."
    member = make_member()
    client.force_login(member)
    profile = client.get(reverse("accounts:profile")).content.decode()
    ask = client.get(reverse("faq:ask")).content.decode()
    assert promise in profile and promise in ask
    assert "if they are published" not in profile
