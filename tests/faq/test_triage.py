from __future__ import annotations

import pytest

from faq.triage import looks_personal


@pytest.mark.parametrize(
    "text",
    [
        "My neurologist wants to raise my dose, is that normal?",
        "I have had new symptoms since my last infusion",
        "Should I stop my medication before a CAR T trial?",
        "I’m taking 20 mg of something, what now?",
    ],
)
def test_personal_medical_questions_are_flagged(text):
    assert looks_personal(text)


@pytest.mark.parametrize(
    "text",
    [
        "How does CAR T-cell therapy work in MS?",
        "Which trials are recruiting in Germany?",
        "What are the usual side effects of CAR T therapy?",
        "I would like to know who pays for the trials.",
    ],
)
def test_general_questions_are_not_flagged(text):
    assert not looks_personal(text)
