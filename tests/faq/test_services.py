from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from faq import services
from faq.models import Question, Submission, SubmissionState
from portal.content.models import ModerationEvent, Status
from tests.factories import CategoryFactory, QuestionFactory, SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db


def answer(submission, moderator, **overrides):
    data = {"title": "How soon after CAR T can I travel?", "body": "Usually after some weeks.",
            "category": CategoryFactory(), "summary": "Travel after treatment."}
    data.update(overrides)
    return services.submission_answer(submission=submission, editor=moderator, **data)


def test_create_gives_a_reference_and_flags_personal_questions():
    submission = services.submission_create(question="My neurologist says my dose is too high, should I worry?")
    assert submission.reference.startswith("Q-") and len(submission.reference) == 8
    assert submission.flagged_personal is True
    assert submission.state == SubmissionState.RECEIVED


def test_create_refuses_too_short_questions():
    with pytest.raises(ValidationError):
        services.submission_create(question="Why?")


def test_member_question_keeps_no_email(user):
    submission = services.submission_create(question="How does CAR T work in MS?", email="x@example.org", user=user)
    assert (submission.user, submission.email) == (user, "")


def test_deleting_the_member_keeps_the_question():
    member = UserFactory()
    submission = SubmissionFactory(user=member)
    member.delete()
    submission.refresh_from_db()
    assert submission.user is None


def test_editor_starts_review(editor):
    submission = services.submission_start_review(submission=SubmissionFactory(), editor=editor)
    submission.refresh_from_db()
    assert (submission.state, submission.reviewed_by) == (SubmissionState.IN_REVIEW, editor)


def test_members_without_the_permission_cannot_review(user):
    with pytest.raises(PermissionDenied):
        services.submission_start_review(submission=SubmissionFactory(), editor=user)


def test_decline_needs_a_reason_and_deletes_the_visitors_address(editor):
    submission = SubmissionFactory(email="visitor@example.org")
    with pytest.raises(ValidationError):
        services.submission_decline(submission=submission, editor=editor, reason=" ")
    services.submission_decline(submission=submission, editor=editor, reason="Already covered by our trial list.")
    submission.refresh_from_db()
    assert (submission.state, submission.email) == (SubmissionState.DECLINED, "")
    assert submission.decline_reason == "Already covered by our trial list."
    assert mail.outbox == []


def test_closed_questions_cannot_be_declined(editor):
    submission = SubmissionFactory(state=SubmissionState.ANSWERED)
    with pytest.raises(ValidationError):
        services.submission_decline(submission=submission, editor=editor, reason="No")


def test_merge_tells_the_visitor_once_then_deletes_the_address(editor, django_capture_on_commit_callbacks):
    faq = QuestionFactory(title="Can I travel after CAR T?")
    submission = SubmissionFactory(email="visitor@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_merge(submission=submission, editor=editor, question=faq)
    submission.refresh_from_db()
    assert (submission.state, submission.answer) == (SubmissionState.MERGED, faq)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["visitor@example.org"]
    assert f"{settings.SITE_URL}{faq.get_absolute_url()}" in mail.outbox[0].body
    assert submission.reference in mail.outbox[0].subject
    assert submission.email == "" and submission.notified_at is not None
    assert services.submission_notify(submission_id=submission.pk) is False
    assert len(mail.outbox) == 1


def test_no_mail_before_commit(editor, django_capture_on_commit_callbacks):
    # Built first: publishing the FAQ (through the actions) queues its own page-cache bump.
    submission, question = SubmissionFactory(), QuestionFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submission_merge(submission=submission, editor=editor, question=question)
    assert len(callbacks) == 1 and mail.outbox == []


def test_merge_only_into_a_published_faq(editor):
    with pytest.raises(ValidationError):
        services.submission_merge(
            submission=SubmissionFactory(), editor=editor, question=QuestionFactory(status=Status.DRAFT)
        )


def test_member_is_told_at_the_account_address(editor, django_capture_on_commit_callbacks):
    member = UserFactory(email="member@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_merge(submission=SubmissionFactory(user=member), editor=editor, question=QuestionFactory())
    assert mail.outbox[0].to == ["member@example.org"]


def test_visitor_without_email_gets_no_mail(editor, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_merge(submission=submission, editor=editor, question=QuestionFactory())
    submission.refresh_from_db()
    assert mail.outbox == [] and submission.notified_at is not None


def test_moderator_answers_with_a_new_faq_sent_to_review(moderator, django_capture_on_commit_callbacks):
    asker = UserFactory(username="asker", display_name="Asker Name", email="asker@example.org")
    submission = SubmissionFactory(user=asker, question="How soon after CAR T can I travel abroad?")
    with django_capture_on_commit_callbacks(execute=True):
        faq = answer(submission, moderator, tags=["CAR T"])
    faq.refresh_from_db()
    submission.refresh_from_db()
    assert faq.status == Status.IN_REVIEW and faq.published_at is None  # the medical review decides
    assert faq.author == moderator and list(faq.tags.names()) == ["CAR T"]
    assert ModerationEvent.objects.filter(object_id=faq.pk, to_status=Status.IN_REVIEW, actor=moderator).exists()
    assert (submission.state, submission.answer) == (SubmissionState.ANSWERED, faq)
    assert "Asker Name" not in f"{faq.title} {faq.summary} {faq.body}"
    assert mail.outbox == []  # nothing public to point to yet


def test_the_asker_is_told_once_the_answer_is_published(moderator, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    from portal.actions.publish import content_publish

    asker = UserFactory(email="asker@example.org")
    submission = SubmissionFactory(user=asker)
    with django_capture_on_commit_callbacks(execute=True):
        faq = answer(submission, moderator)
    call_command("notify_askers")
    assert mail.outbox == []
    reviewer = UserFactory(is_staff=True)
    reviewer.groups.add(*moderator.groups.all())
    content_publish(item=faq, moderator=reviewer)
    call_command("notify_askers")
    call_command("notify_askers")
    assert [m.to for m in mail.outbox] == [["asker@example.org"]]
    assert faq.get_absolute_url() in mail.outbox[0].body


def test_editor_cannot_answer(editor, django_capture_on_commit_callbacks):
    submission = SubmissionFactory()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        answer(submission, editor)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED
    assert not Question.objects.exists() and mail.outbox == []


def test_failed_mail_keeps_the_address_for_a_retry(editor, settings):
    settings.EMAIL_BACKEND = "tests.faq.test_services.FailingBackend"
    submission = SubmissionFactory(state=SubmissionState.MERGED, answer=QuestionFactory(), email="v@example.org")
    with pytest.raises(ConnectionError):
        services.submission_notify(submission_id=submission.pk)
    submission.refresh_from_db()
    assert submission.email == "v@example.org" and submission.notified_at is None


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP is down")


def test_submission_str_uses_reference():
    assert str(Submission(reference="Q-ABC", question="How?")) == "Q-ABC: How?"


def test_notify_askers_retries_a_failed_answer_mail_once_the_mail_server_is_back(settings):
    from django.core.management import CommandError, call_command

    submission = SubmissionFactory(state=SubmissionState.MERGED, answer=QuestionFactory(), email="v@example.org")
    settings.EMAIL_BACKEND = "tests.faq.test_services.FailingBackend"
    with pytest.raises(CommandError):
        call_command("notify_askers")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("notify_askers")
    call_command("notify_askers")
    assert [m.to for m in mail.outbox] == [["v@example.org"]]
    submission.refresh_from_db()
    assert submission.email == "" and submission.notified_at is not None


def test_decline_tells_the_visitor_once_kindly_with_the_reason_then_the_address_is_gone(
    editor, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(email="visitor@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_decline(submission=submission, editor=editor, reason="We cannot advise on one clinic.")
    submission.refresh_from_db()
    assert submission.email == "" and submission.notified_at is not None
    (message,) = mail.outbox
    assert message.to == ["visitor@example.org"]
    assert message.subject == f"About your question {submission.reference}"
    assert "We cannot advise on one clinic." in message.body
    assert "we are sorry" in message.body
    assert f"{settings.SITE_URL}/faq/" in message.body and f"{settings.SITE_URL}/trials/" in message.body
    assert "MS team" in message.body
    assert "deleted your e-mail address" in message.body
    assert services.submission_notify_declined(submission_id=submission.pk, recipient="visitor@example.org") is False
    assert len(mail.outbox) == 1


def test_decline_tells_a_member_at_their_account_address(editor, django_capture_on_commit_callbacks):
    member = UserFactory(email="member@example.org")
    submission = SubmissionFactory(user=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_decline(submission=submission, editor=editor, reason="Too personal to answer here.")
    (message,) = mail.outbox
    assert message.to == ["member@example.org"]
    assert "/faq/my-questions/" in message.body


def test_decline_without_an_address_sends_nothing(editor, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_decline(submission=submission, editor=editor, reason="Covered already.")
    assert mail.outbox == []


def test_a_failed_declined_mail_is_logged_and_the_address_still_deleted(
    editor, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send_mail", broken)
    submission = SubmissionFactory(email="visitor@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_decline(submission=submission, editor=editor, reason="Covered already.")
    submission.refresh_from_db()
    assert submission.email == "" and submission.notified_at is None
    assert "Could not send the declined mail" in caplog.text


def test_contact_messages_never_become_faqs(editor, moderator):
    from faq.models import SubmissionKind

    message = SubmissionFactory(kind=SubmissionKind.CONTACT)
    with pytest.raises(ValidationError):
        services.submission_merge(submission=message, editor=editor, question=QuestionFactory())
    with pytest.raises(ValidationError):
        services.submission_answer(
            submission=message, editor=moderator, title="T?", body="B", category=CategoryFactory()
        )
    services.submission_decline(submission=message, editor=editor, reason="Thank you, we fixed the date.")
    message.refresh_from_db()
    assert message.state == SubmissionState.DECLINED


def test_closing_a_contact_message_sends_the_editors_reply(editor, django_capture_on_commit_callbacks):
    from faq.models import SubmissionKind

    message = SubmissionFactory(kind=SubmissionKind.CONTACT, email="sam@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_decline(submission=message, editor=editor, reason="Thank you: we fixed the date.")
    (mail_sent,) = mail.outbox
    assert mail_sent.subject == f"About your message {message.reference}"
    assert "Thank you: we fixed the date." in mail_sent.body and "sorry" not in mail_sent.body
