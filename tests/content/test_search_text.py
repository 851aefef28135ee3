from __future__ import annotations

import pytest

from portal.content.search import text
from portal.content.search.text import Term, canonical_tokens, edit_distance, parse_query, tokenize


@pytest.mark.parametrize("text", ["KYV-101", "kyv101", "KYV 101", "Kyv-101"])
def test_product_codes_share_one_token(text):
    assert canonical_tokens(text) == ["kyv101"]


@pytest.mark.parametrize("text", ["CAR-T", "car t", "CART", "CAR T-cell", "chimeric antigen receptor"])
def test_car_t_spellings_share_one_token(text):
    assert canonical_tokens(text) == ["cart"]


def test_nct_numbers_are_lower_case_tokens():
    assert canonical_tokens("See NCT06451159.") == ["nct06451159"]


def test_parse_web_search_syntax():
    parsed = parse_query('"car t" cells -lupus bcma or cd19')
    assert parsed.clauses == [
        [Term(("cart",))],
        [Term(("cells",))],
        [Term(("bcma",)), Term(("cd19",)), Term(("cd", "19"), expansion=True)],
    ]
    assert parsed.excluded == [Term(("lupus",))]


def test_parse_drops_stop_words_and_spots_nct_numbers():
    assert parse_query("is it for my ms").words == ["ms"]
    assert parse_query("nct06451159").pinned_code == "NCT06451159"
    assert parse_query("NCT 06451159").pinned_code == "NCT06451159"
    assert parse_query("NCT06451159 results").pinned_code == ""


def test_identifiers_come_from_the_content_types_not_the_core(monkeypatch):
    """The core knows no registry number: without the trial app's declaration "NCT 06451159" is two plain
    words; any type can declare its own codes the same way."""
    monkeypatch.setattr(text, "_IDENTIFIERS", {})
    assert tokenize("NCT 06451159") == ["nct", "06451159"]
    assert parse_query("NCT06451159").pinned_code == ""
    text.register_identifier(text.Identifier(prefix="isrctn", pattern=r"\bisrctn\s?(\d{8})\b", code_prefix="ISRCTN"))
    assert tokenize("See isrctn 12345678.") == ["see", "isrctn12345678"]
    assert canonical_tokens("ISRCTN12345678") == ["isrctn12345678"]
    assert parse_query("ISRCTN 12345678").pinned_code == "ISRCTN12345678"


def test_product_codes_also_search_their_spaced_spelling():
    parsed = parse_query("KYV-101")
    assert parsed.clauses == [[Term(("kyv101",)), Term(("kyv", "101"))]]
    assert parsed.display() == "kyv101"


def test_relaxed_query_is_one_clause_of_every_term():
    assert parse_query("a1 fatigue rest").relaxed().clauses == [[Term(("a1",)), Term(("fatigue",)), Term(("rest",))]]


def test_edit_distance_counts_swaps_once():
    assert edit_distance("sclerosys", "sclerosis") == 1
    assert edit_distance("fatigeu", "fatigue") == 1
    assert edit_distance("abc", "xyz", limit=1) == 2


def test_question_words_are_not_expanded_by_a_hard_coded_list():
    # expansions come from the glossary (SearchExpansion), not from the parser
    parsed = parse_query("can I get it")
    assert [str(t) for t in parsed.clauses[0]] == ["get"]
    assert parsed.display() == "get"
