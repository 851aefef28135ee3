from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from faq.models import Question, Submission, SubmissionState
from portal.content.models import Status
from tests.conftest import staff_group
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    QuestionFactory,
    SubmissionFactory,
    TrialFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:faq_submission_changelist")


def action(client, name, submissions, **extra):
    return client.post(
        CHANGELIST, {"action": name, ACTION_CHECKBOX_NAME: [s.pk for s in submissions], **extra}, follow=True
    )


def available_actions(client) -> set[str]:
    response = client.get(CHANGELIST)
    return {value for value, _label in response.context["action_form"].fields["action"].choices if value}


def test_editor_gets_review_actions_but_not_answer_and_publish(editor_client):
    assert available_actions(editor_client) == {"start_review", "decline", "merge"}


def test_moderator_also_gets_answer_and_publish(moderator_client):
    assert available_actions(moderator_client) == {"start_review", "decline", "merge", "answer_and_publish"}


def test_plain_members_cannot_open_the_queue(client, user):
    client.force_login(user)
    assert client.get(CHANGELIST).status_code == 302


def test_queue_is_newest_first_with_related_item_and_duplicates(editor_client):
    QuestionFactory(title="How long does a CAR T infusion take?")
    article = ArticleFactory(title="KYV-101 explained")
    older = SubmissionFactory(question="Older question about MS fatigue")
    newer = SubmissionFactory(question="How long will my CAR T infusion take?", about=article)
    response = editor_client.get(CHANGELIST)
    assert list(response.context["cl"].result_list) == [newer, older]
    html = response.content.decode()
    assert "KYV-101 explained" in html
    assert "How long does a CAR T infusion take?" in html


def test_queue_filters_by_state_and_flag(editor_client):
    declined = SubmissionFactory(state=SubmissionState.DECLINED)
    flagged = SubmissionFactory(flagged_personal=True)
    SubmissionFactory()
    by_state = editor_client.get(CHANGELIST, {"state__exact": SubmissionState.DECLINED})
    assert list(by_state.context["cl"].result_list) == [declined]
    by_flag = editor_client.get(CHANGELIST, {"flagged_personal__exact": "1"})
    assert list(by_flag.context["cl"].result_list) == [flagged]


@pytest.mark.parametrize("rows", [3, 30])
def test_queue_query_count(editor_client, django_assert_num_queries, rows):
    QuestionFactory.create_batch(3, title="How long does a CAR T infusion take?")
    article, trial = ArticleFactory(), TrialFactory()
    for n in range(rows):
        SubmissionFactory(about=article if n % 2 else trial, answer=QuestionFactory() if n % 3 else None)
    # session, user, permissions (2), filtered count, total count, page rows (+ user, answer),
    # related articles, related trials, published FAQs for duplicates
    with django_assert_num_queries(10):
        editor_client.get(CHANGELIST)


def test_change_page_shows_the_visitors_email_to_editors(editor_client):
    submission = SubmissionFactory(email="visitor@example.org")
    html = editor_client.get(reverse("admin:faq_submission_change", args=[submission.pk])).content.decode()
    assert "visitor@example.org" in html


def test_start_review_action(editor_client):
    submission = SubmissionFactory()
    action(editor_client, "start_review", [submission])
    submission.refresh_from_db()
    assert submission.state == SubmissionState.IN_REVIEW


def test_decline_action_asks_for_a_reason_then_declines(editor_client):
    submission = SubmissionFactory(email="visitor@example.org")
    page = action(editor_client, "decline", [submission])
    assert "Reason for declining" in page.content.decode()
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED
    action(editor_client, "decline", [submission], apply="1", reason="We cannot advise on a named clinic.")
    submission.refresh_from_db()
    assert (submission.state, submission.email) == (SubmissionState.DECLINED, "")
    assert submission.decline_reason == "We cannot advise on a named clinic."


def test_merge_action_lists_candidates_first_links_and_tells_the_asker(
    editor_client, django_capture_on_commit_callbacks
):
    QuestionFactory(title="Aardvark unrelated")
    target = QuestionFactory(title="Can I travel after CAR T therapy?")
    submission = SubmissionFactory(question="When can I travel after CAR T therapy?", email="visitor@example.org")
    page = action(editor_client, "merge", [submission])
    choices = list(page.context["form"].fields["question"].choices)
    assert choices[1] == (target.pk, target.title)
    with django_capture_on_commit_callbacks(execute=True):
        action(editor_client, "merge", [submission], apply="1", question=target.pk)
    submission.refresh_from_db()
    assert (submission.state, submission.answer, submission.email) == (SubmissionState.MERGED, target, "")
    assert len(mail.outbox) == 1 and target.get_absolute_url() in mail.outbox[0].body


def test_answer_goes_to_review_and_a_second_moderator_publishes_it(
    moderator_client, moderator, django_capture_on_commit_callbacks
):
    category = CategoryFactory()
    submission = SubmissionFactory(question="How soon after CAR T can I travel abroad?", email="visitor@example.org")
    page = action(moderator_client, "answer_and_publish", [submission])
    assert page.context["form"].initial["title"] == "How soon after CAR T can I travel abroad?"
    with django_capture_on_commit_callbacks(execute=True):
        action(
            moderator_client, "answer_and_publish", [submission], apply="1",
            title="How soon after CAR T can I travel?", body="Ask your team; usually weeks.", category=category.pk,
        )
    faq = Question.objects.get()
    submission.refresh_from_db()
    # The two-person rule: the answering moderator wrote it, so it waits for someone else.
    assert (faq.status, faq.author, submission.answer) == (Status.IN_REVIEW, moderator, faq)
    assert submission.state == SubmissionState.IN_REVIEW and mail.outbox == []

    second = UserFactory(is_staff=True, username="second-moderator")
    second.groups.add(staff_group("Moderators"))
    faq.reviewer_name, faq.reviewer_credentials, faq.last_reviewed = "Dr Ana Ruiz", "MD", timezone.localdate()
    faq.save()
    client = Client()
    client.force_login(second)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:faq_question_moderate", args=[faq.pk, "publish"]))
    faq.refresh_from_db()
    submission.refresh_from_db()
    assert faq.status == Status.PUBLISHED and submission.state == SubmissionState.ANSWERED
    assert submission.email == ""
    assert ["visitor@example.org"] in [message.to for message in mail.outbox]


def test_answer_and_publish_needs_exactly_one_question(moderator_client):
    submissions = SubmissionFactory.create_batch(2)
    response = action(moderator_client, "answer_and_publish", submissions)
    assert "Choose exactly one question" in response.content.decode()


def test_editor_cannot_answer_and_publish_through_the_admin(editor_client):
    submission = SubmissionFactory()
    action(
        editor_client, "answer_and_publish", [submission], apply="1",
        title="A title", body="An answer", category=CategoryFactory().pk,
    )
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED
    assert not Question.objects.exists()


def test_nobody_adds_submissions_in_the_admin(moderator_client):
    assert moderator_client.get(reverse("admin:faq_submission_add")).status_code == 403
    assert Submission.objects.count() == 0
