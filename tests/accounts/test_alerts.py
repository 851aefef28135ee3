from __future__ import annotations

from datetime import timedelta
from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from portal.accounts.alerts import alert_record_new_item
from portal.accounts.models import Alert, AlertFrequency, Digest, TagFollow
from portal.actions.publish import content_publish
from portal.content.models import Status
from tests.accounts.conftest import make_member
from tests.factories import ArticleFactory, TrialFactory
from trials.alerts import alert_record_trial_change
from trials.models import TrialFollow

pytestmark = pytest.mark.django_db


class FailingEmailBackend(EmailBackend):
    """Stands in for a mail server that is down."""

    def send_messages(self, messages):
        raise SMTPException("mail server unavailable")


def follow_trial(user, trial=None):
    trial = trial or TrialFactory(title="KYSA-6 in progressive MS")
    TrialFollow.objects.create(user=user, trial=trial)
    return trial


def test_trial_change_records_one_alert_per_follower_once(member, other_member):
    trial = follow_trial(member)
    TrialFollow.objects.create(user=other_member, trial=trial)
    for _ in range(2):
        alert_record_trial_change(trial=trial, change_key="status:1", summary="It is no longer recruiting.")
    assert Alert.objects.count() == 2
    assert set(Alert.objects.values_list("user_id", flat=True)) == {member.pk, other_member.pk}


def test_members_who_chose_never_get_no_alert_recorded(member):
    member.alert_frequency = AlertFrequency.NEVER
    member.save()
    alert_record_trial_change(trial=follow_trial(member), change_key="status:1", summary="Changed.")
    assert not Alert.objects.exists()


def test_unpublished_trial_alerts_nobody(member):
    trial = follow_trial(member, TrialFactory(status=Status.ARCHIVED))
    alert_record_trial_change(trial=trial, change_key="status:1", summary="Changed.")
    assert not Alert.objects.exists()


def test_publishing_an_item_alerts_followers_of_its_tags_once(member, moderator):
    ArticleFactory(tags=["bcma"])  # creates the tag
    TagFollow.objects.create(user=member, tag=ArticleFactory(tags=["bcma"]).tags.get())
    article = ArticleFactory(status=Status.IN_REVIEW, published_at=None, tags=["bcma", "cd19"])
    content_publish(item=article, moderator=moderator)
    alert_record_new_item(article)  # a later edit runs the hook again
    alert = Alert.objects.get(user=member)
    assert alert.url == article.get_absolute_url()
    assert "bcma" in alert.summary


def test_old_items_do_not_count_as_new(member):
    article = ArticleFactory(tags=["bcma"], published_at=timezone.now() - timedelta(days=30))
    TagFollow.objects.create(user=member, tag=article.tags.get())
    alert_record_new_item(article)
    assert not Alert.objects.exists()


def test_send_alerts_sends_one_plain_email_per_member_and_only_once(member):
    trial = follow_trial(member)
    alert_record_trial_change(trial=trial, change_key="status", summary="Recruitment has closed.")
    alert_record_trial_change(trial=trial, change_key="sites", summary="A new site opened in Berlin.")
    call_command("send_alerts")
    call_command("send_alerts")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "Recruitment has closed." in message.body
    assert "A new site opened in Berlin." in message.body
    assert f"http://127.0.0.1:8000{trial.get_absolute_url()}" in message.body
    assert "not medical advice" in message.body
    assert not Alert.objects.pending().exists()


def test_failed_send_is_retried_on_the_next_run(member, settings):
    alert_record_trial_change(trial=follow_trial(member), change_key="status", summary="Recruitment has closed.")
    settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"
    call_command("send_alerts")
    assert Alert.objects.pending().count() == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_alerts")
    assert len(mail.outbox) == 1
    assert not Alert.objects.pending().exists()


def test_one_failing_member_does_not_block_the_others(member, monkeypatch):
    other = make_member()
    trial = follow_trial(member)
    TrialFollow.objects.create(user=other, trial=trial)
    alert_record_trial_change(trial=trial, change_key="status", summary="Changed.")
    real_send = EmailBackend.send_messages

    def send_or_fail(self, messages):
        if messages[0].to == [member.email]:
            raise SMTPException("mailbox full")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_or_fail)
    call_command("send_alerts")
    assert [m.to for m in mail.outbox] == [[other.email]]
    assert list(Alert.objects.pending().values_list("user_id", flat=True)) == [member.pk]


def test_immediate_alerts_skip_weekly_members(member):
    member.alert_frequency = AlertFrequency.WEEKLY
    member.save()
    alert_record_trial_change(trial=follow_trial(member), change_key="status", summary="Changed.")
    call_command("send_alerts")
    assert mail.outbox == []
    assert Alert.objects.pending().count() == 1


def test_weekly_digest_goes_out_once_a_week(member):
    member.alert_frequency = AlertFrequency.WEEKLY
    member.save()
    trial = follow_trial(member)
    alert_record_trial_change(trial=trial, change_key="status", summary="Recruitment has closed.")
    call_command("send_digests")
    assert len(mail.outbox) == 1
    assert "weekly" in mail.outbox[0].subject.lower()
    assert "Recruitment has closed." in mail.outbox[0].body

    alert_record_trial_change(trial=trial, change_key="sites", summary="A new site opened.")
    call_command("send_digests")  # too soon: waits for next week
    assert len(mail.outbox) == 1

    Digest.objects.update(sent_at=timezone.now() - timedelta(days=7))
    call_command("send_digests")
    assert len(mail.outbox) == 2
    assert "A new site opened." in mail.outbox[1].body
    assert "Recruitment has closed." not in mail.outbox[1].body


def test_digest_skips_members_who_chose_immediate(member):
    alert_record_trial_change(trial=follow_trial(member), change_key="status", summary="Changed.")
    call_command("send_digests")
    assert mail.outbox == []
