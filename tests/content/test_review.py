"""The review gate on every route: service call, change-page button, bulk action (with its
confirmation page) and hand-made POSTs; the two-person rule; what readers see."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.actions.publish import content_publish
from portal.content.models import ModerationEvent, Status
from portal.content.review import publish_refusals
from tests.conftest import staff_group
from tests.factories import ArticleFactory, QuestionFactory, TermFactory, TrialFactory, UserFactory

pytestmark = pytest.mark.django_db

REVIEWED = {"articles_article": ArticleFactory, "faq_question": QuestionFactory}
UNREVIEWED = {"reviewer_name": "", "reviewer_credentials": "", "last_reviewed": None}


def moderate_url(item, transition: str) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_moderate", args=[item.pk, transition])


def changelist(item) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def bulk_publish(client: Client, items, *, confirm: bool):
    data = {"action": "publish", ACTION_CHECKBOX_NAME: [item.pk for item in items]}
    if confirm:
        data["apply"] = "1"
    return client.post(changelist(items[0]), data, follow=True)


def status_of(item) -> str:
    item.refresh_from_db()
    return item.status


# --- the rules, through the service -------------------------------------------------------------


@pytest.mark.parametrize("factory", REVIEWED.values(), ids=REVIEWED)
def test_service_refuses_a_draft(moderator, factory):
    item = factory(status=Status.DRAFT)
    with pytest.raises(ValidationError, match="submit it for review first"):
        content_publish(item=item, moderator=moderator)
    assert status_of(item) == Status.DRAFT
    assert not ModerationEvent.objects.filter(to_status=Status.PUBLISHED).exists()


@pytest.mark.parametrize("factory", REVIEWED.values(), ids=REVIEWED)
def test_service_refuses_an_article_or_faq_without_a_medical_review(moderator, factory):
    item = factory(status=Status.IN_REVIEW, **UNREVIEWED)
    with pytest.raises(ValidationError) as exc:
        content_publish(item=item, moderator=moderator)
    assert "no medical reviewer" in str(exc.value) and "date of the medical review is missing" in str(exc.value)
    assert status_of(item) == Status.IN_REVIEW


def test_external_reviewer_needs_credentials(moderator):
    item = ArticleFactory(status=Status.IN_REVIEW, reviewer_credentials="")
    assert publish_refusals(item, moderator) == ["The external reviewer's credentials are missing."]


def test_review_date_cannot_be_in_the_future(moderator):
    item = ArticleFactory(status=Status.IN_REVIEW, last_reviewed=timezone.localdate() + datetime.timedelta(days=1))
    assert publish_refusals(item, moderator) == ["The date of the medical review is in the future."]


def test_team_reviewer_must_be_in_the_medical_reviewers_group(moderator, medical_reviewer):
    item = ArticleFactory(status=Status.IN_REVIEW, reviewed_by=medical_reviewer, reviewer_name="")
    assert publish_refusals(item, moderator) == []
    medical_reviewer.groups.clear()  # left the team after the review was recorded
    with pytest.raises(ValidationError, match="is not in the “Medical reviewers” group"):
        content_publish(item=item, moderator=moderator)
    assert status_of(item) == Status.IN_REVIEW


def test_only_medical_reviewers_can_be_chosen_as_the_reviewer(moderator):
    item = ArticleFactory.build(reviewed_by=UserFactory(username="not-a-reviewer"), reviewer_name="")
    with pytest.raises(ValidationError, match="reviewed_by"):
        item.full_clean(exclude=["slug", "author"])


@pytest.mark.parametrize("factory", REVIEWED.values(), ids=REVIEWED)
def test_two_person_rule_in_the_service(moderator, factory):
    item = factory(status=Status.IN_REVIEW, author=moderator)
    with pytest.raises(ValidationError, match="two-person rule"):
        content_publish(item=item, moderator=moderator)
    assert status_of(item) == Status.IN_REVIEW


def test_superuser_may_publish_a_draft_of_their_own_but_not_without_a_medical_review():
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    item = ArticleFactory(status=Status.DRAFT, author=admin)
    content_publish(item=item, moderator=admin)
    assert status_of(item) == Status.PUBLISHED
    unreviewed = ArticleFactory(status=Status.DRAFT, author=admin, **UNREVIEWED)
    with pytest.raises(ValidationError, match="no medical reviewer"):
        content_publish(item=unreviewed, moderator=admin)


@pytest.mark.parametrize("factory", [TrialFactory, TermFactory], ids=["trial", "term"])
def test_trials_and_terms_need_review_but_no_medical_reviewer(moderator, factory):
    draft = factory(status=Status.DRAFT)
    with pytest.raises(ValidationError, match="submit it for review first"):
        content_publish(item=draft, moderator=moderator)
    item = factory(status=Status.IN_REVIEW, author=moderator)
    content_publish(item=item, moderator=moderator)
    assert status_of(item) == Status.PUBLISHED


# --- the change page's buttons ------------------------------------------------------------------


def test_change_page_button_publishes_an_item_in_review(moderator_client, moderator):
    item = ArticleFactory(status=Status.IN_REVIEW)
    page = moderator_client.get(reverse("admin:articles_article_change", args=[item.pk])).content.decode()
    assert f'action="{moderate_url(item, "publish")}"' in page
    response = moderator_client.post(moderate_url(item, "publish"), follow=True)
    assert status_of(item) == Status.PUBLISHED
    assert "is published" in response.content.decode()
    assert ModerationEvent.objects.filter(actor=moderator, to_status=Status.PUBLISHED).count() == 1


def test_change_page_shows_why_it_cannot_be_published_instead_of_the_button(moderator_client, moderator):
    item = ArticleFactory(status=Status.IN_REVIEW, author=moderator, **UNREVIEWED)
    page = moderator_client.get(reverse("admin:articles_article_change", args=[item.pk])).content.decode()
    assert moderate_url(item, "publish") not in page
    assert "Not ready to publish yet" in page and "two-person rule" in page and "no medical reviewer" in page


@pytest.mark.parametrize("factory", REVIEWED.values(), ids=REVIEWED)
def test_hand_made_post_to_the_button_url_cannot_publish_a_draft(moderator_client, factory):
    item = factory(status=Status.DRAFT)
    response = moderator_client.post(moderate_url(item, "publish"), follow=True)
    assert status_of(item) == Status.DRAFT
    assert "submit it for review first" in response.content.decode()


@pytest.mark.parametrize("factory", REVIEWED.values(), ids=REVIEWED)
def test_hand_made_post_to_the_button_url_keeps_the_two_person_rule(moderator_client, moderator, factory):
    item = factory(status=Status.IN_REVIEW, author=moderator)
    response = moderator_client.post(moderate_url(item, "publish"), follow=True)
    assert status_of(item) == Status.IN_REVIEW
    assert "two-person rule" in response.content.decode()


def test_editor_cannot_publish_by_posting_to_the_button_url(editor_client):
    item = ArticleFactory(status=Status.IN_REVIEW)
    response = editor_client.post(moderate_url(item, "publish"), follow=True)
    assert status_of(item) == Status.IN_REVIEW
    assert "Only moderators can publish" in response.content.decode()


def test_button_url_refuses_get_and_unknown_transitions(moderator_client):
    item = ArticleFactory(status=Status.IN_REVIEW)
    assert moderator_client.get(moderate_url(item, "publish")).status_code == 405
    assert status_of(item) == Status.IN_REVIEW
    assert moderator_client.post(moderate_url(item, "delete")).status_code == 404
    missing = reverse("admin:articles_article_moderate", args=[999999, "publish"])
    assert moderator_client.post(missing).status_code == 404


def test_button_url_needs_the_csrf_token(moderator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    item = ArticleFactory(status=Status.IN_REVIEW)
    assert client.post(moderate_url(item, "publish")).status_code == 403
    assert status_of(item) == Status.IN_REVIEW


# --- the bulk action ----------------------------------------------------------------------------


def test_bulk_publish_first_lists_what_will_be_published_and_what_is_refused(moderator_client, moderator):
    ready = ArticleFactory(status=Status.IN_REVIEW, title="Ready one")
    draft = ArticleFactory(status=Status.DRAFT, title="Still a draft")
    own = ArticleFactory(status=Status.IN_REVIEW, author=moderator, title="My own")
    page = bulk_publish(moderator_client, [ready, draft, own], confirm=False)
    html = page.content.decode()
    assert page.context["eligible"] == [ready]
    assert {item for item, _reasons in page.context["refused"]} == {draft, own}
    assert "submit it for review first" in html and "two-person rule" in html
    assert [status_of(i) for i in (ready, draft, own)] == [Status.IN_REVIEW, Status.DRAFT, Status.IN_REVIEW]
    # Only the eligible item is carried to the confirmation.
    assert html.count(f'name="{ACTION_CHECKBOX_NAME}"') == 1


def test_confirmed_bulk_publish_publishes_the_eligible_and_reports_each_refusal(moderator_client, moderator):
    ready = QuestionFactory(status=Status.IN_REVIEW)
    draft = QuestionFactory(status=Status.DRAFT)
    own = QuestionFactory(status=Status.IN_REVIEW, author=moderator)
    # A hand-made confirmation with every item: the gate is checked again for each.
    response = bulk_publish(moderator_client, [ready, draft, own], confirm=True)
    messages = [str(m) for m in response.context["messages"]]
    assert [status_of(i) for i in (ready, draft, own)] == [Status.PUBLISHED, Status.DRAFT, Status.IN_REVIEW]
    assert "1 item(s) published." in messages
    assert any(draft.title in m and "submit it for review first" in m for m in messages)
    assert any(own.title in m and "two-person rule" in m for m in messages)


def test_confirmation_page_query_count_is_the_same_for_3_and_30_items(moderator_client, medical_reviewer):
    def confirmation_queries(count: int) -> int:
        items = ArticleFactory.create_batch(count, status=Status.IN_REVIEW, reviewed_by=medical_reviewer,
                                            reviewer_name="", tags=["car-t"])
        with CaptureQueriesContext(connection) as queries:
            page = bulk_publish(moderator_client, items, confirm=False)
        assert len(page.context["eligible"]) == count
        return len(queries)

    assert confirmation_queries(3) == confirmation_queries(30)


def test_bulk_publish_of_unreviewed_items_offers_nothing_to_confirm(moderator_client):
    item = ArticleFactory(status=Status.IN_REVIEW, **UNREVIEWED)
    html = bulk_publish(moderator_client, [item], confirm=False).content.decode()
    assert "None of the chosen items can be published yet" in html and "Publish now" not in html


def test_superuser_bulk_publishes_their_own_draft(db):
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    item = ArticleFactory(status=Status.DRAFT, author=admin)
    bulk_publish(client, [item], confirm=True)
    assert status_of(item) == Status.PUBLISHED


def test_second_moderator_can_publish_what_the_first_wrote(moderator):
    other = UserFactory(is_staff=True, username="other-moderator")
    other.groups.add(staff_group("Moderators"))
    item = ArticleFactory(status=Status.IN_REVIEW, author=moderator)
    client = Client()
    client.force_login(other)
    bulk_publish(client, [item], confirm=True)
    assert status_of(item) == Status.PUBLISHED


# --- what readers see ---------------------------------------------------------------------------


def test_faq_page_names_its_medical_review(client):
    faq = QuestionFactory(
        reviewer_name="Dr Ana Ruiz", reviewer_credentials="MD, neurologist", last_reviewed=datetime.date(2026, 9, 1)
    )
    html = client.get(faq.get_absolute_url()).content.decode()
    assert 'Medically reviewed by Dr Ana Ruiz, MD, neurologist, on <time datetime="2026-09-01">' in html


def test_team_reviewer_without_a_profile_shows_their_display_name(client, medical_reviewer):
    article = ArticleFactory(reviewed_by=medical_reviewer, reviewer_name="", reviewer_credentials="MD")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Medically reviewed by Dr Mira Reviewer, MD, on" in html
    assert medical_reviewer.username not in html
