"""The content-type registry: the apps register themselves, the core reads what they declared."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from taggit.models import Tag

from articles.models import Article
from faq.models import Question
from portal.content import registry
from portal.content.search.forms import SearchForm
from portal.content.search.indexing import build_entry
from portal.content.selectors import content_models, is_content_model
from portal.content.templatetags.content_tags import card_template
from tests.factories import ArticleFactory, TrialFactory
from trials.models import RecruitmentStatus, Trial


def test_every_content_app_registers_once_in_installed_apps_order():
    assert [spec.kind for spec in registry.content_types()] == ["article", "faq", "trial"]
    assert content_models() == [Article, Question, Trial]


def test_spec_for_accepts_a_model_or_an_instance():
    assert registry.spec_for(Trial).kind == "trial"
    assert registry.spec_for(Trial(title="x")).model is Trial
    assert registry.spec_for_kind("faq").model is Question


def test_a_model_that_is_not_content_has_no_spec():
    assert registry.spec_for(Tag) is None
    assert not is_content_model(Tag)


def test_a_kind_cannot_be_registered_for_two_models():
    spec = registry.spec_for(Article)
    with pytest.raises(ValueError, match="already registered"):
        registry.register(registry.ContentTypeSpec(model=Question, kind=spec.kind, label="x", plural="xs"))
    assert registry.spec_for(Question).kind == "faq"


def test_search_filters_come_from_the_registered_types():
    form = SearchForm()
    assert list(form.fields["type"].choices)[1:] == [("article", "Article"), ("faq", "FAQ"), ("trial", "Trial")]
    status_values = [value for value, _ in form.fields["status"].choices]
    assert status_values[:2] == ["", "open"]
    assert set(RecruitmentStatus.values) <= set(status_values)
    assert form.fields["status"].label == "Trial recruitment status"


@pytest.mark.django_db
def test_trial_document_fills_the_generic_index_fields():
    trial = TrialFactory(
        title="Cells in progressive MS",
        nct_id="NCT06451159",
        acronym="KYSA-7",
        overall_status="RECRUITING",
        interventions=["KYV-101"],
    )
    entry = build_entry(trial)
    assert (entry.kind, entry.code, entry.state, entry.is_open) == ("trial", "NCT06451159", "RECRUITING", True)
    assert entry.identifiers.split() == ["nct06451159", "kysa7", "kyv101", "kysa-7"]
    assert "statusrecruiting0" in entry.facets and "statusopen0" in entry.facets


@pytest.mark.django_db
def test_article_document_has_no_code_or_state():
    entry = build_entry(ArticleFactory(tags=["fatigue"]))
    assert (entry.kind, entry.code, entry.state, entry.is_open) == ("article", "", "", False)
    assert entry.tag_list == [["fatigue", "fatigue"]]


@pytest.mark.django_db
def test_shared_card_includes_the_type_card():
    assert card_template(Trial()) == "trials/_card.html"
    assert card_template(Article()) == "content/_card_base.html"
    trial = TrialFactory(nct_id="NCT06451159", overall_status="RECRUITING")
    article = ArticleFactory()
    trial_html = render_to_string("content/_card.html", {"item": trial})
    article_html = render_to_string("content/_card.html", {"item": article})
    assert "NCT06451159" in trial_html and "badge--recruiting" in trial_html
    assert "card__facts" not in article_html and article.title in article_html
