from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from portal.content.models import Status
from tests.factories import ArticleFactory, QuestionFactory, TermFactory, TrialFactory

pytestmark = pytest.mark.django_db


def test_urls_resolve():
    assert reverse("glossary:index") == "/glossary/"
    assert resolve("/glossary/fatigue/").url_name == "detail"


def test_index_lists_published_terms_a_to_z_with_anchors(client):
    TermFactory(title="ocrelizumab", slug="ocrelizumab", variants=["Ocrevus"])
    TermFactory(title="fatigue", slug="fatigue")
    TermFactory(title="9-hole peg test", slug="nine-hole")
    TermFactory(title="draft word", slug="draft-word", status=Status.DRAFT, published_at=None)
    html = client.get(reverse("glossary:index")).content.decode()
    assert html.index('id="letter-num"') < html.index('id="letter-f"') < html.index('id="letter-o"')
    assert 'href="/glossary/ocrelizumab/"' in html and 'href="#letter-f"' in html
    assert 'href="/glossary/letter/o/"' in html and 'href="/glossary/letter/num/"' in html
    assert "draft word" not in html
    assert "Ocrevus" not in html  # the index lists names; each letter page has the definitions and other names
    letter = client.get(reverse("glossary:letter", args=["o"])).content.decode()
    assert '<dt id="ocrelizumab">' in letter and "Ocrevus" in letter and "fatigue" not in letter.split("<main")[-1]
    digits = client.get(reverse("glossary:letter", args=["num"])).content.decode()
    assert "9-hole peg test" in digits and "ocrelizumab</a></dt>" not in digits


@pytest.mark.parametrize("key", ["aa", "A", "1", "%C2%B2", "-"])
def test_a_letter_page_that_does_not_exist_is_404(client, key):
    assert client.get(f"/glossary/letter/{key}/").status_code == 404


def test_unpublished_term_page_is_404(client):
    term = TermFactory(status=Status.IN_REVIEW, published_at=None)
    assert client.get(term.get_absolute_url()).status_code == 404


def test_term_page_lists_published_items_that_use_any_variant(client):
    term = TermFactory(title="ocrelizumab", slug="ocrelizumab", variants=["Ocrevus"])
    ArticleFactory(title="About Ocrevus", body="Ocrevus is given by drip.")
    QuestionFactory(title="Infusions?", body="Many people take ocrelizumab.")
    TrialFactory(title="A trial", body="Nothing.", what_it_means="People on OCREVUS may join.")
    ArticleFactory(title="Draft about Ocrevus", body="Ocrevus", status=Status.DRAFT, published_at=None)
    ArticleFactory(title="Unrelated", body="preocrevusx is not a word")
    html = client.get(term.get_absolute_url()).content.decode()
    assert "About Ocrevus" in html and "Infusions?" in html and "A trial" in html
    assert "Draft about Ocrevus" not in html and "Unrelated" not in html


def _terms(n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        TermFactory(title=f"word{i:03d}", slug=f"word-{i:03d}", variants=[f"alias{i:03d}", f"other{i:03d}"])


def test_index_query_count_is_the_same_with_3_and_30_terms(client, django_assert_num_queries):
    _terms(3)
    with django_assert_num_queries(1):  # the names
        client.get(reverse("glossary:index"))
    with django_assert_num_queries(3):  # the letter's terms, their variants, the names for the letter menu
        client.get(reverse("glossary:letter", args=["w"]))
    _terms(27, start=3)
    with django_assert_num_queries(1):
        client.get(reverse("glossary:index"))
    with django_assert_num_queries(3):
        client.get(reverse("glossary:letter", args=["w"]))


def test_term_page_query_count_is_the_same_with_3_and_30_terms_and_items(client, django_assert_num_queries, settings):
    client.cookies["sessionid"] = "none"  # measure the render itself, not the anonymous page cache
    term = TermFactory(title="fatigue", slug="fatigue", variants=["tiredness", "exhaustion"])
    _terms(3)
    ArticleFactory.create_batch(3, body="fatigue")
    # term + author, variants, one query per content type (articles, FAQs, trials), the byline's profile
    # and the session/cache reads of the shared page furniture: counted once, then the same at 30
    with CaptureQueriesContext(connection) as first:
        client.get(term.get_absolute_url())
    assert len(first) <= 8
    _terms(27, start=3)
    ArticleFactory.create_batch(27, body="tiredness")
    QuestionFactory.create_batch(10, body="exhaustion")
    with django_assert_num_queries(len(first)):
        client.get(term.get_absolute_url())


def test_article_page_query_count_does_not_grow_with_glossary_terms(client, django_assert_num_queries, settings):
    client.cookies["sessionid"] = "none"  # measure the render itself, not the anonymous page cache
    article = ArticleFactory(body="word000 and alias001")
    _terms(3)
    client.get(article.get_absolute_url())  # fills the cache
    # article + author, tags, sources, related trials, open evidence flags, the byline's profile (the
    # glossary links come from the cache): counted once, then the same with 30 terms
    with django_assert_num_queries(7):
        client.get(article.get_absolute_url())
    _terms(27, start=3)
    client.get(article.get_absolute_url())
    with django_assert_num_queries(7):
        html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('class="gloss"') == 2


def test_faq_and_trial_pages_link_terms(client):
    TermFactory(title="cytokine release syndrome", slug="crs", variants=["CRS"])
    question = QuestionFactory(body="CRS is a reaction.")
    trial = TrialFactory(summary="Watches for CRS.", body="CRS again.", what_it_means="And CRS.")
    assert 'href="#def-crs"' in client.get(question.get_absolute_url()).content.decode()
    html = client.get(trial.get_absolute_url()).content.decode()
    assert html.count('href="#def-crs"') == 1
    assert '<p class="lead">Watches for <a class="gloss"' in html


def test_first_view_after_a_glossary_change_costs_the_same_with_3_and_30_terms(client, django_assert_num_queries):
    article = ArticleFactory(body="word000 and alias001")
    _terms(3)  # each factory call moves the glossary version, so the next view renders again
    with CaptureQueriesContext(connection) as three:
        client.get(article.get_absolute_url())
    _terms(27, start=3)
    with django_assert_num_queries(len(three.captured_queries)):
        client.get(article.get_absolute_url())
