"""A registry refresh that changes a followed trial reaches the follower's inbox, once."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command

from portal.accounts.models import Alert
from portal.accounts.services import trial_follow
from tests.accounts.conftest import make_member
from tests.factories import publish
from tests.trials.helpers import study
from trials.models import Trial
from trials.registry.parse import parse_study
from trials.sync import trial_import

pytestmark = pytest.mark.django_db


def refresh(document) -> None:
    trial_import(parsed=parse_study(document))


def test_status_change_of_a_followed_trial_is_mailed_once():
    refresh(study())
    publish(Trial.objects.get())
    follower, bystander = make_member(), make_member()
    trial_follow(user=follower, trial=Trial.objects.get())

    refresh(study(status="RECRUITING", last_update="2026-09-02"))
    call_command("send_alerts")
    call_command("send_alerts")

    assert [m.to for m in mail.outbox] == [[follower.email]]
    assert "recruiting" in mail.outbox[0].body.lower()
    assert Trial.objects.get().get_absolute_url() in mail.outbox[0].body
    assert not Alert.objects.filter(user=bystander).exists()


def test_enrollment_only_change_sends_no_alert():
    refresh(study())
    publish(Trial.objects.get())
    trial_follow(user=make_member(), trial=Trial.objects.get())
    refresh(study(enrollment=40, last_update="2026-09-02"))
    assert not Alert.objects.exists()
