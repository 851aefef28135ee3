from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from portal.glossary.models import Term, Variant
from portal.glossary.text import normalise
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db


def test_normalise_ignores_case_spacing_and_hyphens():
    assert normalise("  CAR-T ") == normalise("car   t") == "car t"


def test_variant_of_another_term_is_refused_naming_that_term():
    TermFactory(title="ocrelizumab", variants=["Ocrevus"])
    other = TermFactory(title="ofatumumab")
    with pytest.raises(ValidationError) as exc:
        Variant(term=other, text="  OCREVUS ").full_clean()
    assert "ocrelizumab" in exc.value.message_dict["text"][0]


def test_variant_equal_to_another_terms_preferred_name_is_refused():
    TermFactory(title="natalizumab")
    other = TermFactory(title="ofatumumab")
    with pytest.raises(ValidationError, match="natalizumab"):
        Variant(term=other, text="Natalizumab").full_clean()


@pytest.mark.parametrize("text", ["", " ", "x", "-", "é"])
def test_empty_and_one_letter_variants_are_refused(text):
    term = TermFactory()
    with pytest.raises(ValidationError, match="at least 2"):
        Variant(term=term, text=text).full_clean()


@pytest.mark.parametrize("text", ["the", "The", "and", "what is"])
def test_stop_word_variant_is_refused_with_a_reason(text):
    term = TermFactory()
    with pytest.raises(ValidationError, match="common word"):
        Variant(term=term, text=text).full_clean()


def test_phrase_containing_stop_words_is_fine():
    term = TermFactory(title="paresthesia")
    Variant(term=term, text="pins and needles").full_clean()


def test_preferred_term_that_is_another_terms_variant_is_refused():
    TermFactory(title="ocrelizumab", variants=["Ocrevus"])
    term = Term(title="Ocrevus", slug="ocrevus", category="ms_drugs", body="A drug.")
    with pytest.raises(ValidationError) as exc:
        term.full_clean()
    assert "ocrelizumab" in exc.value.message_dict["title"][0]


def test_definition_is_required():
    term = Term(title="fatigue", slug="fatigue", category="symptoms", body=" ")
    with pytest.raises(ValidationError) as exc:
        term.full_clean()
    assert "definition" in exc.value.message_dict["body"][0]


def test_save_fills_the_normalised_name():
    assert TermFactory(title="Uhthoff's  Phenomenon").normalised == "uhthoff s phenomenon"


def test_letter_groups_digits_under_hash():
    assert TermFactory(title="9-hole peg test").letter == "#"
    assert TermFactory(title="ocrelizumab").letter == "O"
