"""The admin log-in and the members' log-in share allauth's failed-login limit: per address and per
account, a clear message, HTTP 429, and the same answer whether or not the account exists."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/?next=/admin/"
MEMBER_LOGIN = "/accounts/login/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(moderator):
    moderator.email = "moderator@example.org"
    moderator.set_password("right-password-42")
    moderator.save()
    return moderator


def admin_try(client, username, password, ip="10.1.1.1"):
    return client.post(ADMIN_LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_admin_login_locks_an_account_after_five_failures_even_with_the_right_password(client, staff):
    for n in range(5):
        response = admin_try(client, "moderator", f"wrong-{n}", ip=f"10.1.1.{n}")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    response = admin_try(client, "moderator", "right-password-42", ip="10.1.1.99")
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_login_by_email_and_by_username_count_as_one_account(client, staff):
    for n in range(3):
        admin_try(client, "moderator", f"wrong-{n}", ip=f"10.2.0.{n}")
    for n in range(2):
        admin_try(client, "MODERATOR@example.org", f"wrong-{n}", ip=f"10.2.1.{n}")
    assert admin_try(client, "moderator", "right-password-42", ip="10.2.2.2").status_code == 429


def test_admin_login_limits_one_address_across_accounts(client, staff):
    for n in range(10):
        admin_try(client, f"someone{n}", "wrong", ip="10.3.3.3")
    response = admin_try(client, "moderator", "right-password-42", ip="10.3.3.3")
    assert response.status_code == 429
    assert admin_try(client, "moderator", "right-password-42", ip="10.3.3.4").status_code == 302


def test_admin_lock_out_does_not_reveal_whether_the_account_exists(client, staff):
    def sixth(username):
        for n in range(5):
            admin_try(client, username, f"wrong-{n}", ip=f"10.4.{len(username)}.{n}")
        return admin_try(client, username, "wrong-again", ip="10.4.9.9")

    def page(response, username):
        html = response.content.decode().replace(username, "X")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

    known, unknown = sixth("moderator"), sixth("nobody-here")
    assert known.status_code == unknown.status_code == 429
    assert page(known, "moderator") == page(unknown, "nobody-here")


def test_a_successful_admin_login_gives_back_its_unit(client, staff):
    for _ in range(8):
        assert admin_try(client, "moderator", "right-password-42").status_code == 302
        client.logout()


def test_member_login_and_admin_login_share_the_account_counter(client, staff):
    for n in range(5):
        client.post(MEMBER_LOGIN, {"login": "moderator@example.org", "password": f"wrong-{n}"},
                    REMOTE_ADDR=f"10.5.0.{n}")
    assert admin_try(client, "moderator", "right-password-42", ip="10.5.1.1").status_code == 429


def test_member_login_answers_429_when_locked(client):
    UserFactory(email="member@example.org")
    for n in range(5):
        client.post(MEMBER_LOGIN, {"login": "member@example.org", "password": f"wrong-{n}"}, REMOTE_ADDR=f"10.6.0.{n}")
    response = client.post(MEMBER_LOGIN, {"login": "member@example.org", "password": "x"}, REMOTE_ADDR="10.6.1.1")
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()
