from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from portal.content.models import ModerationEvent, Status
from portal.glossary.models import Term
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:glossary_term_changelist")


def form_data(**overrides) -> dict:
    data = {
        "title": "ocrelizumab",
        "slug": "ocrelizumab",
        "category": "ms_drugs",
        "body": "An antibody drug for MS given by drip.",
        "last_reviewed": "",
        "variants-TOTAL_FORMS": "2",
        "variants-INITIAL_FORMS": "0",
        "variants-0-text": "Ocrevus",
        "variants-0-kind": "brand",
        "variants-1-text": "",
        "variants-1-kind": "synonym",
        "content-moderationevent-content_type-object_id-TOTAL_FORMS": "0",
        "content-moderationevent-content_type-object_id-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_editor_adds_a_draft_term_with_variants(editor_client):
    response = editor_client.post(reverse("admin:glossary_term_add"), form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    term = Term.objects.get(slug="ocrelizumab")
    assert term.status == Status.DRAFT
    assert [v.text for v in term.variants.all()] == ["Ocrevus"]


def test_admin_names_the_term_that_already_has_the_variant(editor_client):
    TermFactory(title="ocrelizumab", slug="ocrelizumab", variants=["Ocrevus"])
    response = editor_client.post(
        reverse("admin:glossary_term_add"),
        form_data(title="ofatumumab", slug="ofatumumab", **{"variants-0-text": "ocrevus"}),
    )
    assert response.status_code == 200
    assert "already belongs to the glossary term “ocrelizumab”" in response.content.decode()


def test_admin_refuses_the_same_variant_twice_in_one_save(editor_client):
    response = editor_client.post(
        reverse("admin:glossary_term_add"), form_data(**{"variants-1-text": "OCREVUS", "variants-1-kind": "brand"})
    )
    assert response.status_code == 200
    assert "listed twice" in response.content.decode()
    assert not Term.objects.exists()


def test_admin_refuses_a_stop_word_variant_with_a_reason(editor_client):
    response = editor_client.post(reverse("admin:glossary_term_add"), form_data(**{"variants-0-text": "the"}))
    assert "common word" in response.content.decode()


def test_moderator_publishes_terms_through_the_service(moderator_client, moderator):
    terms = TermFactory.create_batch(2, status=Status.IN_REVIEW, published_at=None)
    moderator_client.post(CHANGELIST, {"action": "publish", ACTION_CHECKBOX_NAME: [t.pk for t in terms]})
    assert Term.objects.published().count() == 2
    assert ModerationEvent.objects.filter(actor=moderator, to_status=Status.PUBLISHED).count() == 2


def test_editor_cannot_publish_a_term(editor_client):
    term = TermFactory(status=Status.IN_REVIEW, published_at=None)
    page = editor_client.get(CHANGELIST).content.decode()
    assert 'value="publish"' not in page and 'value="submit_for_review"' in page
    editor_client.post(CHANGELIST, {"action": "publish", ACTION_CHECKBOX_NAME: [term.pk]})
    term.refresh_from_db()
    assert term.status == Status.IN_REVIEW


def test_changelist_searches_variants_and_filters_by_category(moderator_client):
    TermFactory(title="ocrelizumab", category="ms_drugs", variants=["Ocrevus"])
    TermFactory(title="fatigue", category="symptoms")
    page = moderator_client.get(CHANGELIST, {"q": "ocrevus"}).content.decode()
    assert "ocrelizumab" in page and "fatigue" not in page
    page = moderator_client.get(CHANGELIST, {"category__exact": "symptoms"}).content.decode()
    assert "fatigue" in page and "ocrelizumab" not in page


def test_change_form_shows_inline_variants_and_the_moderation_fields(moderator_client):
    term = TermFactory(title="ocrelizumab", variants=["Ocrevus"])
    html = moderator_client.get(reverse("admin:glossary_term_change", args=[term.pk])).content.decode()
    # Published: the variants are shown read-only (they change after a send-back; edits are drafts).
    assert "Ocrevus" in html and "Preferred term" in html and "Definition" in html
    assert "Open the public page" in html
