from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from faq.models import Question, Submission, SubmissionState
from portal.content.models import Status
from tests.factories import ArticleFactory, CategoryFactory, QuestionFactory, SubmissionFactory, TrialFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:faq_submission_changelist")


def action(client, name, submissions, **extra):
    return client.post(
        CHANGELIST, {"action": name, ACTION_CHECKBOX_NAME: [s.pk for s in submissions], **extra}, follow=True
    )


def available_actions(client) -> set[str]:
    response = client.get(CHANGELIST)
    return {value for value, _label in response.context["action_form"].fields["action"].choices if value}


def test_editor_gets_review_actions_but_not_answer(editor_client):
    assert available_actions(editor_client) == {"start_review", "decline", "merge"}


def test_moderator_also_gets_answer(moderator_client):
    assert available_actions(moderator_client) == {"start_review", "decline", "merge", "answer"}


def test_plain_members_cannot_open_the_queue(client, user):
    client.force_login(user)
    assert client.get(CHANGELIST).status_code == 302


def test_queue_is_newest_first_with_related_item_and_duplicates_on_each_question(editor_client):
    faq = QuestionFactory(title="How long does a CAR T infusion take?")
    article = ArticleFactory(title="KYV-101 explained")
    older = SubmissionFactory(question="Older question about MS fatigue")
    newer = SubmissionFactory(question="How long will my CAR T infusion take?", about=article)
    response = editor_client.get(CHANGELIST)
    assert list(response.context["cl"].result_list) == [newer, older]
    assert "KYV-101 explained" in response.content.decode()
    # Possible duplicates: the site search's ranking, on the question's own page (one ranking per question).
    page = editor_client.get(reverse("admin:faq_submission_change", args=[newer.pk])).content.decode()
    assert faq.get_absolute_url() in page and faq.title in page


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
    # related articles, related trials (possible duplicates are on each question's own page)
    with django_assert_num_queries(9):
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
    QuestionFactory(title="Aardvark unrelated", summary="Nothing in common.", body="Nothing in common.")
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


def page_url(name: str, submission) -> str:
    return reverse(f"admin:faq_submission_{name}", args=[submission.pk])


def buttons(client, submission) -> dict:
    return client.get(page_url("change", submission)).context["next_steps"]


def test_bulk_answer_action_opens_the_answer_page_for_one_question(moderator_client):
    submission = SubmissionFactory()
    response = moderator_client.post(CHANGELIST, {"action": "answer", ACTION_CHECKBOX_NAME: [submission.pk]})
    assert response.status_code == 302 and response["Location"] == page_url("answer", submission)


def test_bulk_answer_needs_exactly_one_question(moderator_client):
    submissions = SubmissionFactory.create_batch(2)
    response = action(moderator_client, "answer", submissions)
    assert "Choose exactly one question" in response.content.decode()


def test_change_page_offers_the_editor_review_merge_and_decline_but_not_answer(editor_client):
    assert buttons(editor_client, SubmissionFactory()) == {
        "start_review": True, "answer": False, "merge": True, "decline": True
    }


def test_change_page_offers_the_moderator_answer_too(moderator_client):
    html = moderator_client.get(page_url("change", SubmissionFactory())).content.decode()
    labels = ("Start review", "Answer and send to review", "Merge into an existing FAQ", "Decline with this reason")
    for label in labels:
        assert label in html


def test_change_page_of_a_closed_question_offers_nothing(moderator_client):
    steps = buttons(moderator_client, SubmissionFactory(state=SubmissionState.DECLINED))
    assert not any(steps.values())


def test_change_page_of_a_question_in_review_no_longer_offers_start_review(moderator_client):
    steps = buttons(moderator_client, SubmissionFactory(state=SubmissionState.IN_REVIEW))
    assert steps == {"start_review": False, "answer": True, "merge": True, "decline": True}


def test_contact_message_is_not_answered_or_merged(moderator_client):
    from faq.models import SubmissionKind

    steps = buttons(moderator_client, SubmissionFactory(kind=SubmissionKind.CONTACT))
    assert (steps["answer"], steps["merge"], steps["decline"]) == (False, False, True)


def test_start_review_button_posts_through_the_service(editor_client, editor):
    submission = SubmissionFactory()
    response = editor_client.post(page_url("start_review", submission), follow=True)
    submission.refresh_from_db()
    assert (submission.state, submission.reviewed_by) == (SubmissionState.IN_REVIEW, editor)
    assert "now in review" in response.content.decode()


def test_start_review_is_post_only_and_needs_the_csrf_token(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    submission = SubmissionFactory()
    assert client.get(page_url("start_review", submission)).status_code == 405
    assert client.post(page_url("start_review", submission)).status_code == 403
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED


def test_start_review_twice_is_a_message_not_an_error(editor_client):
    submission = SubmissionFactory(state=SubmissionState.IN_REVIEW)
    response = editor_client.post(page_url("start_review", submission), follow=True)
    assert response.status_code == 200 and "not waiting for review" in response.content.decode()


def test_members_cannot_use_the_question_pages(client, user):
    client.force_login(user)
    submission = SubmissionFactory()
    for name in ("answer", "merge", "decline"):
        assert client.get(page_url(name, submission)).status_code == 302  # to the admin log-in
    client.post(page_url("start_review", submission))
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED


def test_unknown_question_is_404(moderator_client):
    for name in ("answer", "merge", "decline", "start_review"):
        assert moderator_client.get(reverse(f"admin:faq_submission_{name}", args=[999999])).status_code == 404


def test_answer_page_prefills_the_title_and_lists_similar_faqs(moderator_client):
    similar = QuestionFactory(title="How long does a CAR T infusion take?")
    submission = SubmissionFactory(question="How long will my CAR T infusion take?")
    response = moderator_client.get(page_url("answer", submission))
    assert response.context["form"].initial["title"] == "How long will my CAR T infusion take?"
    assert response.context["similar"] == [similar]
    html = response.content.decode()
    for field in ("id_title", "id_category", "id_tags", "id_body", "id_summary"):
        assert f'id="{field}"' in html
    assert "A medical reviewer must approve it" in html


def test_preview_shows_the_rendered_answer_and_keeps_what_was_typed(moderator_client):
    category = CategoryFactory()
    submission = SubmissionFactory()
    data = {"title": "Typed title?", "body": "Ask your **MS team** first.", "category": category.pk,
            "tags": "CAR T", "summary": "Typed summary.", "preview": "1"}
    response = moderator_client.post(page_url("answer", submission), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>MS team</strong>" in html
    assert 'value="Typed title?"' in html and "Typed summary." in html and 'value="CAR T"' in html
    assert not Question.objects.exists()


def test_answer_with_errors_keeps_the_input(moderator_client):
    response = moderator_client.post(page_url("answer", SubmissionFactory()), {"title": "", "body": "Kept body."})
    assert response.status_code == 200
    assert response.context["form"].errors and "Kept body." in response.content.decode()
    assert not Question.objects.exists()


def test_answer_sends_a_new_faq_to_review_and_tells_the_asker_once_published(
    moderator_client, moderator, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    from portal.actions.publish import content_publish
    from tests.factories import UserFactory

    category = CategoryFactory()
    submission = SubmissionFactory(email="visitor@example.org")
    data = {"title": "How soon after CAR T can I travel?", "body": "Ask your team; usually weeks.",
            "category": category.pk, "tags": "CAR T, Travel", "send": "1"}
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(page_url("answer", submission), data, follow=True)
    faq = Question.objects.get()
    submission.refresh_from_db()
    assert faq.status == Status.IN_REVIEW and faq.author == moderator
    assert sorted(faq.tags.names()) == ["CAR T", "Travel"] and faq.category == category
    assert (submission.state, submission.answer) == (SubmissionState.ANSWERED, faq)
    assert "A medical reviewer must approve it" in response.content.decode()
    assert mail.outbox == [] and submission.email == "visitor@example.org"  # nothing public to point to yet

    other_moderator = UserFactory(is_staff=True)
    other_moderator.groups.add(*moderator.groups.all())
    # The review gate: the second moderator records the medical review before publishing.
    faq.reviewer_name, faq.reviewer_credentials, faq.last_reviewed = "Dr Ana Ruiz", "MD", timezone.localdate()
    content_publish(item=faq, moderator=other_moderator)
    call_command("notify_askers")
    assert len(mail.outbox) == 1 and faq.get_absolute_url() in mail.outbox[0].body


def test_editor_cannot_open_or_post_the_answer_page(editor_client):
    submission = SubmissionFactory()
    assert editor_client.get(page_url("answer", submission)).status_code == 403
    data = {"title": "A title", "body": "An answer", "category": CategoryFactory().pk, "send": "1"}
    assert editor_client.post(page_url("answer", submission), data).status_code == 403
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED and not Question.objects.exists()


def test_editor_cannot_create_new_tags_with_an_answer(moderator_client, moderator):
    from django.contrib.auth.models import Permission

    moderator.groups.first().permissions.remove(Permission.objects.get(codename="add_tag"))
    data = {"title": "T?", "body": "B", "category": CategoryFactory().pk, "tags": "brand new tag", "send": "1"}
    response = moderator_client.post(page_url("answer", SubmissionFactory()), data)
    assert "tags" in response.context["form"].errors and not Question.objects.exists()


def test_merge_page_lists_similar_faqs_with_radio_buttons(editor_client):
    QuestionFactory(title="Aardvark unrelated", summary="Nothing in common.", body="Nothing in common.")
    target = QuestionFactory(title="Can I travel after CAR T therapy?")
    submission = SubmissionFactory(question="When can I travel after CAR T therapy?")
    response = editor_client.get(page_url("merge", submission))
    html = response.content.decode()
    assert f'type="radio" name="question" value="{target.pk}"' in html
    assert "Aardvark" not in html


def test_merge_search_finds_published_faqs_by_title_words(editor_client):
    wanted = QuestionFactory(title="Fatigue after an infusion")
    QuestionFactory(title="Fatigue draft", status=Status.DRAFT)
    submission = SubmissionFactory(question="Something quite different entirely")
    response = editor_client.get(page_url("merge", submission), {"q": "fatigue"})
    assert [q.pk for q in response.context["form"].fields["question"].queryset.filter(
        pk__in=[pk for pk, _ in response.context["form"].fields["question"].choices])] == [wanted.pk]
    assert 'value="fatigue"' in response.content.decode()


def test_merge_posts_the_chosen_faq_and_tells_the_asker(editor_client, django_capture_on_commit_callbacks):
    target = QuestionFactory(title="Fatigue after an infusion")
    submission = SubmissionFactory(question="Something quite different entirely", email="v@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(page_url("merge", submission) + "?q=fatigue", {"question": target.pk})
    submission.refresh_from_db()
    assert (submission.state, submission.answer) == (SubmissionState.MERGED, target)
    assert len(mail.outbox) == 1


def test_merge_without_a_choice_says_so(editor_client):
    submission = SubmissionFactory()
    response = editor_client.post(page_url("merge", submission), {})
    assert "Choose the FAQ that answers the question." in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED


def test_merge_refuses_an_unpublished_faq(editor_client):
    draft = QuestionFactory(status=Status.DRAFT)
    submission = SubmissionFactory()
    editor_client.post(page_url("merge", submission), {"question": draft.pk})
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED


def test_decline_from_the_change_page_with_a_reason(editor_client):
    submission = SubmissionFactory()
    response = editor_client.post(page_url("decline", submission), {"reason": "We cannot advise on one person."})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == SubmissionState.DECLINED
    assert submission.decline_reason == "We cannot advise on one person."


def test_decline_without_a_reason_shows_the_form_again(editor_client):
    submission = SubmissionFactory()
    response = editor_client.post(page_url("decline", submission), {"reason": " "})
    assert response.status_code == 200 and response.context["form"].errors
    submission.refresh_from_db()
    assert submission.state == SubmissionState.RECEIVED


def test_looks_personal_is_a_warning_with_text_not_a_tick(editor_client):
    submission = SubmissionFactory(flagged_personal=True)
    listing = editor_client.get(CHANGELIST).content.decode()
    assert "Looks personal: answer in general terms" in listing and "icon-yes.svg" not in listing
    page = editor_client.get(page_url("change", submission)).content.decode()
    assert 'class="personal-warning"' in page and "Answer in general terms" in page


def test_queue_has_few_columns(editor_client):
    response = editor_client.get(CHANGELIST)
    assert len(response.context["cl"].list_display) <= 7  # the checkbox and six columns fit 1366 px


def test_nobody_adds_submissions_in_the_admin(moderator_client):
    assert moderator_client.get(reverse("admin:faq_submission_add")).status_code == 403
    assert Submission.objects.count() == 0


def test_preview_does_not_show_errors_for_fields_not_filled_in_yet(moderator_client):
    response = moderator_client.post(page_url("answer", SubmissionFactory()), {"body": "Just *this*.", "preview": "1"})
    html = response.content.decode()
    assert "<em>this</em>" in html and "errornote" not in html and "This field is required" not in html
