"""Reader questions: submitted, reviewed, then declined, merged into an FAQ or answered as a new FAQ.

Every write checks the actor's permission here (the admin is only one caller). Answering goes through
the content actions (`portal/actions/`) like any FAQ: the answer becomes a new FAQ *in review*, which a
medical reviewer must approve before it is published (the review gate); nobody answers straight to the
public. The asker's mail is sent once the FAQ is published (after commit, or by `notify_askers` on cron);
a visitor's address is deleted once it has been sent.
"""

from __future__ import annotations

import logging
import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.actions.save import content_save
from portal.actions.submit import content_submit
from portal.content.models import Status
from portal.content.validators import header_safe

from .models import Category, Question, Submission, SubmissionKind, SubmissionState
from .triage import looks_personal

if TYPE_CHECKING:
    from portal.accounts.models import User

logger = logging.getLogger(__name__)

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: references are read aloud
OPEN_STATES = {SubmissionState.RECEIVED, SubmissionState.IN_REVIEW}


def _new_reference() -> str:
    while True:
        reference = "Q-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        if not Submission.objects.filter(reference=reference).exists():
            return reference


def submission_create(
    *,
    question: str,
    context: str = "",
    email: str = "",
    user: User | None = None,
    about: models.Model | None = None,
    kind: str = SubmissionKind.QUESTION,
) -> Submission:
    """Record a reader's question. Members are told at their account address, so no e-mail is stored for them."""
    is_member = user is not None and user.is_authenticated
    submission = Submission(
        reference=_new_reference(),
        question=question.strip(),
        context=context.strip(),
        email="" if is_member else email.strip(),
        user=user if is_member else None,
        flagged_personal=looks_personal(f"{question}\n{context}"),
        about=about,
        kind=kind,
    )
    submission.full_clean()
    submission.save()
    return submission


def can_review(user: User | None) -> bool:
    return user is not None and user.has_perm("faq.review_submission")


def can_answer(user: User | None) -> bool:
    """Answering writes a new FAQ and sends it to review, so it needs the FAQ's add permission too."""
    return user is not None and user.has_perm("faq.answer_submission") and user.has_perm("faq.add_question")


def _check_open(submission: Submission) -> None:
    if submission.state not in OPEN_STATES:
        raise ValidationError(
            _("%(reference)s is already %(state)s.")
            % {"reference": submission.reference, "state": submission.get_state_display().lower()}
        )


def _save(submission: Submission, fields: list[str]) -> None:
    submission.full_clean()
    submission.save(update_fields=[*fields, "updated_at"])


def submission_start_review(*, submission: Submission, editor: User | None) -> Submission:
    if not can_review(editor):
        raise PermissionDenied(_("You cannot review reader questions."))
    if submission.state != SubmissionState.RECEIVED:
        raise ValidationError(_("%(reference)s is not waiting for review.") % {"reference": submission.reference})
    submission.state = SubmissionState.IN_REVIEW
    submission.reviewed_by = editor
    _save(submission, ["state", "reviewed_by"])
    return submission


def submission_decline(*, submission: Submission, editor: User | None, reason: str) -> Submission:
    """Decline with a reason the asker sees. A visitor's address is deleted: there is nothing to tell them."""
    if not can_review(editor):
        raise PermissionDenied(_("You cannot review reader questions."))
    if not reason.strip():
        raise ValidationError(_("Give a reason: the asker sees it."))
    _check_open(submission)
    submission.state = SubmissionState.DECLINED
    submission.decline_reason = reason.strip()
    submission.reviewed_by = editor
    recipient = _recipient(submission)
    submission.email = ""
    with transaction.atomic():
        _save(submission, ["state", "decline_reason", "reviewed_by", "email"])
        if recipient:
            transaction.on_commit(
                lambda: submission_notify_declined(submission_id=submission.pk, recipient=recipient), robust=True
            )
    return submission


def submission_notify_declined(*, submission_id: int, recipient: str) -> bool:
    """Tell the asker once, kindly, why we cannot answer and where help may be found.

    The visitor's address was already deleted when the question was declined (as before): it lives
    only in this call. If the mail server fails the mail is lost, which we log; nobody is told twice.
    """
    submission = Submission.objects.get(pk=submission_id)
    if submission.notified_at is not None or submission.state != SubmissionState.DECLINED:
        return False
    site = settings.SITE_URL.rstrip("/")
    context = {
        "submission": submission,
        "SITE_NAME": settings.SITE_NAME,
        "faq_url": site + reverse("faq:list"),
        "trials_url": site + reverse("trials:list"),
        "contact_url": site + reverse("pages:contact"),
        "my_questions_url": site + reverse("faq:my_questions") if submission.user_id else "",
    }
    subject = render_to_string("faq/email/declined_subject.txt", context).strip()
    message = render_to_string("faq/email/declined_body.txt", context)
    try:
        send_mail(subject, message, None, [recipient])
    except Exception:
        logger.exception("Could not send the declined mail for reader question %s", submission.reference)
        return False
    Submission.objects.filter(pk=submission.pk).update(notified_at=timezone.now())
    return True


def _check_question(submission: Submission) -> None:
    if submission.kind == SubmissionKind.CONTACT:
        raise ValidationError(
            _("%(reference)s is a message to the editors, not a question for the FAQ: reply to it, then decline it.")
            % {"reference": submission.reference}
        )


def submission_merge(*, submission: Submission, editor: User | None, question: Question) -> Submission:
    """The question is already answered by a published FAQ: link it and tell the asker where."""
    if not can_review(editor):
        raise PermissionDenied(_("You cannot review reader questions."))
    _check_open(submission)
    _check_question(submission)
    if not question.is_published:
        raise ValidationError(_("Merge only into a published FAQ, so the asker can read the answer."))
    submission.state = SubmissionState.MERGED
    submission.answer = question
    submission.reviewed_by = editor
    with transaction.atomic():
        _save(submission, ["state", "answer", "reviewed_by"])
        transaction.on_commit(lambda: submission_notify(submission_id=submission.pk), robust=True)
    return submission


def submission_answer(
    *,
    submission: Submission,
    editor: User | None,
    title: str,
    body: str,
    category: Category,
    summary: str = "",
    tags: list[str] | None = None,
) -> Question:
    """Write the answer as a new FAQ and send it to review; the question is then answered.

    The FAQ is not public yet: a medical reviewer approves it through the usual review. The asker is
    told (once) when it is published: `submission_notify` waits for that, and `notify_askers` (cron)
    sends the mail then. The FAQ's author is the editor; nothing about the asker is copied into it.
    """
    if not can_answer(editor):
        raise PermissionDenied(_("You cannot answer reader questions."))
    _check_open(submission)
    _check_question(submission)
    with transaction.atomic():
        faq = Question(title=title.strip(), summary=summary.strip(), body=body.strip(), category=category)
        content_save(item=faq, user=editor, tags=tags)
        content_submit(item=faq, user=editor)
        submission.state = SubmissionState.ANSWERED
        submission.answer = faq
        submission.reviewed_by = editor
        _save(submission, ["state", "answer", "reviewed_by"])
        transaction.on_commit(lambda: submission_notify(submission_id=submission.pk), robust=True)
    return faq


def _recipient(submission: Submission) -> str:
    if submission.user_id is not None:
        return submission.user.email
    return submission.email


def submission_notify(*, submission_id: int) -> bool:
    """Send the asker one mail with the answer's link, then forget a visitor's address.

    Runs after commit. If sending fails the address is kept (and `notified_at` stays empty) so the
    mail can be sent again; the failure is logged.
    """
    submission = Submission.objects.select_related("user", "answer").get(pk=submission_id)
    if submission.notified_at is not None or submission.answer is None or not submission.answer.is_published:
        return False  # an answer still in review waits: notify_askers sends it once published
    recipient = _recipient(submission)
    if recipient:
        context = {
            "submission": submission,
            "answer_url": settings.SITE_URL.rstrip("/") + submission.answer.get_absolute_url(),
            "SITE_NAME": settings.SITE_NAME,
        }
        subject = header_safe(render_to_string("faq/email/answered_subject.txt", context))
        message = render_to_string("faq/email/answered_body.txt", context)
        try:
            send_mail(subject, message, None, [recipient])
        except Exception:
            logger.exception("Could not send the answer mail for reader question %s", submission.reference)
            raise
    Submission.objects.filter(pk=submission.pk).update(email="", notified_at=timezone.now())
    return bool(recipient)


def submissions_notify_pending() -> tuple[int, int]:
    """Send the answer mails not sent yet: answered or merged questions whose FAQ is published (a new
    FAQ waits for its medical review) and whose asker was not told yet, including mails that failed.

    Returns (sent, failed). Safe to run as often as you like: a sent mail is never sent again.
    """
    pending = Submission.objects.filter(
        state__in=[SubmissionState.ANSWERED, SubmissionState.MERGED],
        notified_at__isnull=True,
        answer__status=Status.PUBLISHED,
    ).values_list("pk", flat=True)
    sent = failed = 0
    for pk in list(pending):
        try:
            submission_notify(submission_id=pk)
            sent += 1
        except Exception:  # logged by submission_notify; tried again next run
            failed += 1
    return sent, failed


def submissions_export(user) -> list[dict]:
    """A member's own questions for "download my data"."""
    return [
        {
            "reference": s.reference,
            "question": s.question,
            "context": s.context,
            "state": s.get_state_display(),
            "decline_reason": s.decline_reason,
            "answer_url": s.answer.get_absolute_url() if s.answer_id and s.answer.is_published else None,
            "submitted_at": s.created_at.isoformat(),
        }
        for s in Submission.objects.for_asker(user).select_related("answer")
    ]
