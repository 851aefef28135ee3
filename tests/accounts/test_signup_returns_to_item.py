"""'Sign in to save' also works for a newcomer: sign up, confirm the e-mail, and the item is saved."""

from __future__ import annotations

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from tests.factories import TrialFactory

pytestmark = pytest.mark.django_db


def test_sign_up_then_confirm_returns_to_the_save_step(client):
    trial = TrialFactory()
    save_url = reverse("accounts:save", args=[ContentType.objects.get_for_model(trial).pk, trial.pk])
    password = "a long pass phrase 42"
    client.post(
        reverse("account_signup"),
        {"email": "newcomer@example.org", "password1": password, "password2": password, "next": save_url},
    )
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    confirm_path = "/" + link.split("/", 3)[3]
    response = client.post(confirm_path)
    assert response.status_code == 302
    # The save is done on the way (portal.accounts.intents): back on the trial's page, saved.
    assert response["Location"] == trial.get_absolute_url()
    assert client.get(save_url).status_code == 200
    assert "Remove from saved" in client.get(trial.get_absolute_url()).content.decode()
