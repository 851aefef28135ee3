"""JSON-LD per page type, validated against our schema table (types, allowed and required properties)."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse

from portal.actions.publish import content_publish
from portal.content.models import Status
from portal.pages.models import EditorProfile
from portal.pages.seo import json_ld as render_json_ld
from tests.factories import ArticleFactory, LocationFactory, QuestionFactory, TrialFactory

from .helpers import graph_types, json_ld, node_of
from .schema_table import validate

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_valid(html: str) -> None:
    blocks = json_ld(html)
    assert len(blocks) == 1
    assert validate(blocks[0]) == []


@pytest.fixture
def reviewer(moderator):
    return EditorProfile.objects.create(
        user=moderator, slug="dr-test", name="Dr Ada Test", role="Medical reviewer", credentials="MD, neurologist"
    )


@pytest.fixture
def writer(editor):
    return EditorProfile.objects.create(user=editor, slug="writer", name="Wen Writer", role="Health writer")


def published_by(factory, moderator, **kwargs):
    item = factory(status=Status.IN_REVIEW, **kwargs)
    return content_publish(item=item, moderator=moderator)


def test_article_is_a_medical_web_page_reviewed_by_the_publishing_moderator(client, moderator, reviewer, writer):
    article = published_by(
        ArticleFactory, moderator, author=writer.user, last_reviewed=datetime.date(2026, 10, 1), tags=["cd19"]
    )
    html = page(client, article.get_absolute_url())
    assert_valid(html)
    node = node_of(html, "MedicalWebPage")
    assert node["lastReviewed"] == "2026-10-01"
    assert node["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Ada Test",
        "jobTitle": "Medical reviewer",
        "url": "http://127.0.0.1:8000" + reviewer.get_absolute_url(),
        "honorificSuffix": "MD, neurologist",
    }
    assert node["author"]["name"] == "Wen Writer"
    assert node["headline"] == article.title


def test_article_without_profiles_credits_the_organisation_never_an_account_name(client, moderator):
    article = published_by(ArticleFactory, moderator)
    html = page(client, article.get_absolute_url())
    assert_valid(html)
    node = node_of(html, "MedicalWebPage")
    assert node["author"]["@type"] == node["reviewedBy"]["@type"] == "Organization"
    assert moderator.username not in json.dumps(node)
    # The review date falls back to the day of the publishing review.
    assert node["lastReviewed"] == article.published_at.date().isoformat()


def test_faq_page_lists_every_published_question_with_its_short_answer(client):
    """The list page's data carries the short answer it shows (summary, else 40 words); each FAQ's own
    page carries the whole answer, so the list page does not grow with every answer's length."""
    long_answer = "No. It is **experimental**. " + "More detail follows here. " * 30
    short = QuestionFactory(title="Is it a cure?", summary="", body=long_answer)
    QuestionFactory(title="Is it free?", summary="Usually, inside a trial.", body="Long answer " * 50)
    QuestionFactory(title="Secret draft?", status=Status.DRAFT)
    html = page(client, reverse("faq:list"))
    assert_valid(html)
    node = node_of(html, "FAQPage")
    answers = {q["name"]: q["acceptedAnswer"]["text"] for q in node["mainEntity"]}
    assert set(answers) == {"Is it a cure?", "Is it free?"}
    assert answers["Is it free?"] == "Usually, inside a trial."
    assert answers["Is it a cure?"].startswith("No. It is experimental. More detail")
    assert len(answers["Is it a cure?"].split()) == 40
    own = node_of(page(client, short.get_absolute_url()), "FAQPage")
    assert own["mainEntity"][0]["acceptedAnswer"]["text"].count("More detail follows here.") == 30


def test_each_faq_is_an_faq_page_with_one_question(client, moderator, reviewer):
    question = published_by(QuestionFactory, moderator, title="How long is the hospital stay?")
    html = page(client, question.get_absolute_url())
    assert_valid(html)
    node = node_of(html, "FAQPage")
    assert [q["name"] for q in node["mainEntity"]] == ["How long is the hospital stay?"]
    assert node["reviewedBy"]["name"] == "Dr Ada Test"


def test_trial_page_describes_a_medical_trial(client):
    trial = TrialFactory(
        title="CD19 CAR T in progressive MS",
        phases=["PHASE1", "PHASE2"],
        conditions=["Multiple Sclerosis", "Progressive MS"],
        sponsor="Example Biotech",
        overall_status="RECRUITING",
    )
    LocationFactory(trial=trial, country="Germany")
    LocationFactory(trial=trial, country="Spain", city="Madrid")
    html = page(client, trial.get_absolute_url())
    assert_valid(html)
    node = node_of(html, "WebPage")["mainEntity"]
    assert node["@type"] == "MedicalTrial"
    assert node["identifier"] == {"@type": "PropertyValue", "propertyID": "ClinicalTrials.gov", "value": trial.nct_id}
    assert node["status"] == "https://schema.org/Recruiting"
    assert node["phase"] == trial.phase_label
    assert [c["name"] for c in node["healthCondition"]] == ["Multiple Sclerosis", "Progressive MS"]
    assert node["sponsor"] == {"@type": "Organization", "name": "Example Biotech"}
    assert node["trialDesign"] == ["https://schema.org/MultiCenterTrial", "https://schema.org/InternationalTrial"]
    assert node["sameAs"] == trial.registry_url


def test_trial_status_without_a_schema_value_is_given_in_words(client):
    trial = TrialFactory(overall_status="UNKNOWN", conditions=["MS"])
    LocationFactory(trial=trial)
    node = node_of(page(client, trial.get_absolute_url()), "WebPage")["mainEntity"]
    assert node["status"] == "Unknown status"
    assert node["trialDesign"] == "https://schema.org/SingleCenterTrial"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (lambda: reverse("home"), ["WebPage", "WebSite", "BreadcrumbList"]),
        (lambda: reverse("articles:list"), ["CollectionPage", "BreadcrumbList"]),
        (lambda: reverse("articles:tag", args=["cd19"]), ["CollectionPage", "BreadcrumbList"]),
        (lambda: reverse("trials:list"), ["CollectionPage", "BreadcrumbList"]),
        (lambda: reverse("tag", args=["cd19"]), ["CollectionPage", "BreadcrumbList"]),
        (lambda: reverse("search:results") + "?q=car", ["SearchResultsPage", "BreadcrumbList"]),
        (lambda: reverse("faq:ask"), ["WebPage", "BreadcrumbList"]),
        (lambda: reverse("pages:about"), ["AboutPage", "BreadcrumbList"]),
        (lambda: reverse("pages:editorial"), ["AboutPage", "BreadcrumbList"]),
        (lambda: reverse("pages:contact"), ["ContactPage", "BreadcrumbList"]),
        (lambda: reverse("account_login"), ["WebPage", "BreadcrumbList"]),
    ],
)
def test_every_other_page_has_its_page_type_and_a_breadcrumb_trail(client, url, expected):
    ArticleFactory(tags=["cd19"])
    html = page(client, url())
    assert_valid(html)
    assert graph_types(html) == expected


def test_breadcrumbs_lead_from_home_through_the_section_to_the_item(client):
    article = ArticleFactory(title="An explainer")
    crumbs = node_of(page(client, article.get_absolute_url()), "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"]) for c in crumbs] == [(1, "Home"), (2, "Articles"), (3, "An explainer")]
    assert crumbs[-1]["item"].endswith(article.get_absolute_url())


def test_tag_breadcrumb_uses_the_tag_name(client):
    ArticleFactory(tags=["Progressive MS"])
    crumbs = node_of(page(client, reverse("tag", args=["progressive-ms"])), "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Progressive MS"]


def test_json_ld_cannot_close_its_script_element(client):
    article = ArticleFactory(title="</script><script>alert(1)</script> & <!-- x")
    html = page(client, article.get_absolute_url())
    block = html[html.index('<script type="application/ld+json">') :]
    block = block[: block.index("</script>")]
    assert "<script>" not in block.removeprefix('<script type="application/ld+json">')
    assert node_of(html, "MedicalWebPage")["name"] == article.title


def test_json_ld_escapes_like_json_script():
    assert str(render_json_ld({"a": "</script>&"})) == (
        '<script type="application/ld+json">{"a":"\\u003C/script\\u003E\\u0026"}</script>'
    )


def test_json_ld_is_a_data_block_allowed_by_the_content_security_policy(client):
    response = client.get(reverse("home"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    # Only data blocks are inline; every executable script is a file.
    html = response.content.decode()
    assert html.count("<script") == html.count('<script type="application/ld+json">') + html.count("<script src=")


@pytest.mark.parametrize(
    ("node", "problem"),
    [
        ({"@type": "MedicalWebPage", "name": "x"}, "needs 'lastReviewed'"),
        ({"@type": "Article", "name": "x"}, "unknown @type"),
        ({"@type": "Person", "name": "x", "colour": "red"}, "no property 'colour'"),
        ({"@type": "Organization", "name": "x", "url": "/relative/"}, "not an absolute URL"),
        ({"@type": "MedicalTrial", "trialDesign": "https://schema.org/Fun"}, "not a MedicalTrialDesign"),
    ],
)
def test_the_schema_table_catches_mistakes(node, problem):
    assert any(problem in p for p in validate(node))
