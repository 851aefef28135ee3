from __future__ import annotations

import pytest
from django.urls import resolve, reverse

from faq.forms import started_token
from faq.models import Submission, SubmissionState
from portal.content.models import Status
from tests.factories import ArticleFactory, QuestionFactory, SubmissionFactory, TrialFactory, UserFactory
from tests.faq.helpers import ask_data, hidden_inputs

pytestmark = pytest.mark.django_db

ASK = reverse("faq:ask")


def preview_then_confirm(client, **overrides):
    """Submit the way a browser does: the first POST shows the preview, its form confirms."""
    preview = client.post(ASK, ask_data(**overrides))
    assert preview.status_code == 200, preview.content
    data = hidden_inputs(preview.content.decode(), ASK)
    return client.post(ASK, {**data, "confirm": "1"})


@pytest.mark.parametrize(
    ("name", "path"),
    [("faq:ask", "/faq/ask/"), ("faq:ask_thanks", "/faq/ask/thanks/"), ("faq:similar", "/faq/ask/similar/"),
     ("faq:my_questions", "/faq/my-questions/")],
)
def test_url_names(name, path):
    assert reverse(name) == path
    assert resolve(path).view_name == name


def test_ask_page_marks_required_fields_and_hides_the_honeypot(client):
    html = client.get(ASK).content.decode()
    assert "Your question <span class=\"required\">(required)</span>" in html
    assert '<div class="hp" hidden aria-hidden="true">' in html
    assert 'name="website" id="id_website" value="" tabindex="-1" autocomplete="off"' in html
    assert "cannot give personal medical advice" in html
    assert 'id="id_email"' in html


def test_members_are_not_asked_for_an_email_address(client, user):
    client.force_login(user)
    html = client.get(ASK).content.decode()
    assert 'id="id_email"' not in html
    assert user.email in html


def test_first_submit_shows_preview_with_similar_faqs_and_saves_nothing(client):
    QuestionFactory(title="Can CAR T-cell therapy stop progressive MS?")
    QuestionFactory(title="What is a lumbar puncture?", summary="A test of the spinal fluid.", body="A needle test.")
    response = client.post(ASK, ask_data())
    html = response.content.decode()
    assert "Can CAR T-cell therapy stop progressive MS?" in html
    assert "lumbar puncture" not in html
    assert "Submit my question" in html
    assert not Submission.objects.exists()


def test_visitor_submission_through_preview_and_confirm(client):
    response = preview_then_confirm(client, email="reader@example.org")
    assert response.status_code == 302 and response.url == reverse("faq:ask_thanks")
    submission = Submission.objects.get()
    assert (submission.user, submission.email) == (None, "reader@example.org")
    assert submission.state == SubmissionState.RECEIVED
    assert submission.context == "I read about a trial in Germany."
    thanks = client.get(response.url).content.decode()
    assert submission.reference in thanks


def test_member_submission_is_linked_to_the_account_without_storing_an_email(client, user):
    client.force_login(user)
    preview_then_confirm(client, email="ignored@example.org")
    submission = Submission.objects.get()
    assert (submission.user, submission.email) == (user, "")


def test_ask_about_an_article_records_the_item(client):
    article = ArticleFactory(title="KYV-101 explained")
    about = f"articles.article:{article.pk}"
    assert f"?about={about}" in client.get(article.get_absolute_url()).content.decode()
    assert "KYV-101 explained" in client.get(ASK, {"about": about}).content.decode()
    preview_then_confirm(client, about=about)
    assert Submission.objects.get().about == article


def test_ask_about_a_trial_records_the_item(client):
    trial = TrialFactory()
    about = f"trials.trial:{trial.pk}"
    assert f"?about={about}" in client.get(trial.get_absolute_url()).content.decode()
    preview_then_confirm(client, about=about)
    assert Submission.objects.get().about == trial


def test_ask_about_an_unpublished_item_is_ignored(client):
    draft = ArticleFactory(title="Secret draft", status=Status.DRAFT)
    about = f"articles.article:{draft.pk}"
    assert "Secret draft" not in client.get(ASK, {"about": about}).content.decode()
    preview_then_confirm(client, about=about)
    assert Submission.objects.get().about is None


def test_validation_errors_are_summarised_linked_and_keep_the_input(client):
    response = client.post(ASK, ask_data(question="Why?", context="Typed context stays", consent=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html and 'href="#id_question"' in html and 'href="#id_consent"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_question_error id_question_helptext"' in html
    assert 'id="id_question_error"' in html and "Your question is too short" in html
    assert "Typed context stays" in html and ">\nWhy?</textarea>" in html
    assert not Submission.objects.exists()


def test_honeypot_refuses_and_keeps_what_was_typed(client):
    response = preview_then_confirm_direct(client, website="http://spam.example")
    html = response.content.decode()
    assert response.status_code == 200
    assert "We could not accept this" in html
    assert "Can CAR T-cell therapy stop progressive MS" in html
    assert "spam.example" not in html
    assert not Submission.objects.exists()


def preview_then_confirm_direct(client, **overrides):
    return client.post(ASK, {**ask_data(**overrides), "confirm": "1"})


def test_too_fast_submission_is_refused_and_keeps_input(client):
    response = preview_then_confirm_direct(client, started=started_token(seconds_ago=0))
    assert "quicker than we expected" in response.content.decode()
    assert "Can CAR T-cell therapy stop progressive MS" in response.content.decode()
    assert not Submission.objects.exists()


def test_tampered_timestamp_is_refused(client):
    response = preview_then_confirm_direct(client, started="123:forged")
    assert "This form had expired" in response.content.decode()
    assert not Submission.objects.exists()


def test_change_my_question_returns_to_the_filled_form(client):
    preview = client.post(ASK, ask_data())
    data = hidden_inputs(preview.content.decode(), ASK)
    html = client.post(ASK, {**data, "edit": "1"}).content.decode()
    assert ">\nCan CAR T-cell therapy stop progressive MS from getting worse?</textarea>" in html
    assert 'id="id_consent" checked' in html
    assert not Submission.objects.exists()


def test_rate_limit_per_ip_answers_429_and_keeps_input(client):
    for n in range(5):
        assert preview_then_confirm(client, question=f"Question number {n} about CAR T").status_code == 302
    response = preview_then_confirm(client, question="The sixth question about CAR T", context="kept context")
    html = response.content.decode()
    assert response.status_code == 429
    assert "Please wait a little before asking again" in html
    assert "The sixth question about CAR T" in html and "kept context" in html
    assert Submission.objects.count() == 5


def test_rate_limit_per_account_applies_across_addresses(client, user):
    client.force_login(user)
    for n in range(5):
        client.post(ASK, {**ask_data(question=f"Question number {n} about CAR T"), "confirm": "1"},
                    REMOTE_ADDR=f"10.0.0.{n}")
    response = client.post(ASK, {**ask_data(), "confirm": "1"}, REMOTE_ADDR="10.0.0.99")
    assert response.status_code == 429
    assert Submission.objects.filter(user=user).count() == 5


def test_other_visitors_are_not_limited_by_someone_elses_questions(client):
    for n in range(5):
        client.post(ASK, {**ask_data(question=f"Question number {n} about CAR T"), "confirm": "1"},
                    REMOTE_ADDR="10.0.0.1")
    response = client.post(ASK, {**ask_data(), "confirm": "1"}, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302


def test_personal_medical_question_is_accepted_and_flagged(client):
    preview_then_confirm(client, question="My neurologist changed my dose and my symptoms got worse, what now?")
    assert Submission.objects.get().flagged_personal is True


def test_similar_endpoint_returns_a_fragment_of_matches(client):
    QuestionFactory(title="How long does a CAR T infusion take?")
    QuestionFactory(title="Is it unpublished?", status=Status.DRAFT)
    response = client.get(reverse("faq:similar"), {"q": "how long does the car t infusion last"})
    html = response.content.decode()
    assert "How long does a CAR T infusion take?" in html
    assert "<html" not in html
    assert "unpublished" not in html


def test_thanks_page_without_a_submission_goes_to_the_form(client):
    assert client.get(reverse("faq:ask_thanks")).url == ASK


def test_my_questions_needs_an_account(client):
    response = client.get(reverse("faq:my_questions"))
    assert response.status_code == 302 and "login" in response.url


def test_my_questions_shows_only_own_questions_with_state_and_reason(client, user):
    answer = QuestionFactory(title="The published answer")
    SubmissionFactory(user=user, question="My answered question about CAR T", state=SubmissionState.ANSWERED,
                      answer=answer)
    SubmissionFactory(user=user, question="My declined question about CAR T", state=SubmissionState.DECLINED,
                      decline_reason="We cannot comment on a named clinic.")
    SubmissionFactory(user=UserFactory(), question="Someone else's question about CAR T")
    client.force_login(user)
    html = client.get(reverse("faq:my_questions")).content.decode()
    assert "My answered question" in html and answer.get_absolute_url() in html
    assert "Answered" in html
    assert "We cannot comment on a named clinic." in html and "Declined" in html
    assert "Someone else" not in html


def test_my_questions_says_an_answer_in_review_is_being_checked(client, user):
    draft = QuestionFactory(title="The answer in review", status="in_review", published_at=None)
    SubmissionFactory(user=user, state=SubmissionState.ANSWERED, answer=draft)
    client.force_login(user)
    html = client.get(reverse("faq:my_questions")).content.decode()
    assert "being checked by a medical reviewer" in html and draft.get_absolute_url() not in html


@pytest.mark.parametrize("rows", [3, 30])
def test_my_questions_query_count(client, user, django_assert_num_queries, rows):
    for _ in range(rows):
        SubmissionFactory(user=user, state=SubmissionState.MERGED, answer=QuestionFactory())
    client.force_login(user)
    # session, user, count, page rows with their answers
    with django_assert_num_queries(4):
        client.get(reverse("faq:my_questions"))


def test_ask_links_in_header_and_faq_page(client):
    html = client.get(reverse("faq:list")).content.decode()
    # The header has it twice (wide navigation and the phone menu, one of them hidden), the FAQ page once.
    assert html.count(f'href="{ASK}"') == 3
