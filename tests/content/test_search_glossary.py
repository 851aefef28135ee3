"""Search with the glossary's expansions, the glossary definition above results, spelling that leaves
real words alone, bad input, and a query count that does not grow with results or glossary terms."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.content.models import Status
from portal.content.search.expansion import expand, expansion_group_replace
from portal.content.search.models import SearchExpansion
from portal.content.search.selectors import search
from portal.content.search.text import parse_query
from portal.glossary.services import term_search_expansions_update
from tests.factories import ArticleFactory, QuestionFactory, TermFactory

pytestmark = pytest.mark.django_db


def rebuild() -> None:
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))


def titles(text: str) -> list[str]:
    return [hit.title for hit in search(text).hits]


@pytest.fixture
def drugs(db):
    TermFactory(
        title="ocrelizumab", slug="ocrelizumab", body="A drug for MS given as a drip every six months.",
        variants=["Ocrevus"],
    )
    TermFactory(title="paresthesia", slug="paresthesia", body="Tingling or numb skin.", variants=["pins and needles"])
    ArticleFactory(title="How ocrelizumab works", summary="Ocrelizumab lowers B cells.", body="Details.")
    ArticleFactory(title="Ocrevus infusion day", summary="What happens on the day you get Ocrevus.", body="More.")
    QuestionFactory(title="Why do my feet tingle?", summary="Paresthesia is common in MS.", body="Answer.")
    rebuild()


def test_brand_name_finds_the_generic_name_and_the_literal_page_first(drugs):
    assert titles("ocrevus") == ["Ocrevus infusion day", "How ocrelizumab works"]
    assert titles("ocrelizumab") == ["How ocrelizumab works", "Ocrevus infusion day"]


def test_lay_phrase_finds_the_medical_term(drugs):
    assert titles("pins and needles") == ["Why do my feet tingle?"]


def test_snippet_highlights_the_variant_that_matched(drugs):
    hit = search("ocrevus").hits[1]
    assert hit.title == "How ocrelizumab works"
    assert "<mark>Ocrelizumab</mark>" in hit.snippet


def test_query_that_is_a_glossary_name_starts_with_its_definition(client, drugs):
    response = client.get(reverse("search:results"), {"q": "Ocrevus"})
    html = response.content.decode()
    assert "Glossary: ocrelizumab" in html
    assert "A drug for MS given as a drip every six months." in html
    assert 'href="/glossary/ocrelizumab/"' in html or "/glossary/" in html
    assert html.index("Glossary: ocrelizumab") < html.index("Ocrevus infusion day")
    assert search("ocrevus infusion").definition is None


def test_unpublished_term_does_not_expand(drugs):
    term = TermFactory(title="natalizumab", slug="natalizumab", variants=["Tysabri"])
    assert SearchExpansion.objects.filter(text="Tysabri").exists()
    term.status = Status.DRAFT
    term.save()
    term_search_expansions_update(term)
    assert not SearchExpansion.objects.filter(text="Tysabri").exists()


def test_real_english_words_and_glossary_names_are_never_corrected(db):
    ArticleFactory(title="Hair less often", summary="Less.", body="Less.")
    TermFactory(title="ublituximab", slug="ublituximab", variants=["Briumvi"])
    rebuild()
    assert search("hair loss").showing_for == ""
    assert search("hair loss").suggestions == []
    assert search("briumvi").showing_for == ""
    assert search("lesss").showing_for == "less"  # not a word: corrected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("x" * 10_000, "Use 200 characters or fewer"),
        ("?!... --- ***", "no letters or numbers to look for"),
        ("the and of it", "only had very common words"),
        ("ms\x00 fatigue", "Null characters are not allowed"),
    ],
)
def test_bad_input_gets_a_normal_page_with_a_clear_message(client, drugs, query, message):
    response = client.get(reverse("search:results"), {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(("rows", "terms"), [(3, 3), (30, 30)])
def test_query_count_is_the_same_whatever_the_results_and_glossary_terms(
    client, django_assert_num_queries, rows, terms
):
    for i in range(terms):
        expansion_group_replace(f"test:{i}", texts=[f"manatee{i}", "manatee" if i == 0 else f"seacow{i}"], title="t")
    ArticleFactory.create_batch(rows, summary="Manatee facts.", tags=["sea"])
    rebuild()
    # expansions, candidates, term statistics, the page's rows, editors' picks, the tag filter options
    with django_assert_num_queries(6):
        response = client.get(reverse("search:results"), {"q": "manatee"})
    assert len(response.context["results"].hits) == min(rows, 20)


@pytest.mark.parametrize(("t_cell", "autologous"), [("glossary:156", "glossary:88"), ("glossary:88", "glossary:156")])
def test_a_phrase_in_two_groups_expands_the_same_whatever_the_group_ids(t_cell, autologous):
    expansion_group_replace(t_cell, texts=["T cell", "cells"], title="T cell")
    expansion_group_replace(autologous, texts=["autologous", "cells"], title="autologous")
    assert [group.title for group in expand(parse_query("cells")).groups] == ["T cell"]
