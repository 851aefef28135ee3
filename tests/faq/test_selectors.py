"""Similar FAQs come from the site search's own ranking (portal.content.search.selectors.similar)."""

from __future__ import annotations

import pytest

from faq.selectors import similar_questions
from portal.content.models import Status
from portal.content.search.models import FailedSearch
from tests.factories import ArticleFactory, QuestionFactory

pytestmark = pytest.mark.django_db

BODY = "A short answer."


def test_similar_questions_ranks_title_matches_first():
    best = QuestionFactory(title="How long does a CAR T infusion take?", summary="", body=BODY)
    summary_only = QuestionFactory(
        title="What happens in hospital?", summary="The infusion itself is short.", body=BODY
    )
    QuestionFactory(title="What is a lumbar puncture?", summary="", body=BODY)
    assert similar_questions("How long will the CAR T infusion take?") == [best, summary_only]


def test_similar_questions_are_faqs_only_and_published_only():
    QuestionFactory(title="How long does a CAR T infusion take?", status=Status.DRAFT, body=BODY)
    ArticleFactory(title="How long does a CAR T infusion take?", body=BODY)
    assert similar_questions("How long will the CAR T infusion take?") == []


def test_similar_questions_respects_the_limit():
    QuestionFactory.create_batch(7, title="Who pays for CAR T therapy?", body=BODY)
    assert len(similar_questions("Who pays for the therapy?", limit=5)) == 5


def test_similar_questions_needs_more_than_stop_words():
    QuestionFactory(title="What is it?", body=BODY)
    assert similar_questions("What is it and why is it so?") == []
    assert similar_questions("CAR T?") == []  # too short to be a question


def test_similar_questions_log_no_failed_search():
    similar_questions("Is there anything about gardening?")
    assert not FailedSearch.objects.exists()


@pytest.mark.parametrize("count", [3, 30])
def test_similar_questions_query_count_does_not_grow(count, django_assert_num_queries):
    QuestionFactory.create_batch(count, title="Who pays for CAR T therapy?", body=BODY)
    # glossary expansion, candidates, statistics, the hits' rows, the FAQs found
    with django_assert_num_queries(5):
        assert len(similar_questions("Who pays for the therapy?")) == min(count, 5)
