from __future__ import annotations

import pytest

from faq.selectors import keywords, similar_questions
from portal.content.models import Status
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_keywords_drop_stop_words_and_plural_s():
    assert keywords("What are the side effects of my trials?") == {"side", "effect", "trial"}


def test_similar_questions_ranks_by_shared_words_title_first():
    best = QuestionFactory(title="How long does a CAR T infusion take?", summary="")
    summary_only = QuestionFactory(title="What happens in hospital?", summary="The infusion itself is short.")
    QuestionFactory(title="What is a lumbar puncture?", summary="")
    assert similar_questions("How long will the CAR T infusion take?") == [best, summary_only]


def test_similar_questions_ignores_unpublished_faqs():
    QuestionFactory(title="How long does a CAR T infusion take?", status=Status.DRAFT)
    assert similar_questions("How long will the CAR T infusion take?") == []


def test_similar_questions_respects_the_limit():
    QuestionFactory.create_batch(7, title="Who pays for CAR T therapy?")
    assert len(similar_questions("Who pays for the therapy?", limit=5)) == 5


def test_similar_questions_needs_more_than_stop_words():
    QuestionFactory(title="What is it?")
    assert similar_questions("What is it and why is it so?") == []


def test_similar_questions_is_one_query(django_assert_num_queries):
    QuestionFactory.create_batch(5, title="Who pays for CAR T therapy?")
    with django_assert_num_queries(1):
        similar_questions("Who pays for the therapy?")


def test_keywords_drop_every_site_search_stop_word():
    from portal.content.search.text import STOP_WORDS

    assert keywords(" ".join(sorted(STOP_WORDS))) == set()
