"""Spot questions that read like a personal medical situation, so editors answer them in general terms.

A heuristic, tuned to flag rather than miss: a flagged question is still accepted.
"""

from __future__ import annotations

import re

FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|i'd|my|me|mine|myself)\b")
PERSONAL_MEDICAL = re.compile(
    r"\b(symptoms?|dose|doses|dosage|mg|neurologist|doctor|gp|nurse|relapse[sd]?|relapsing|flare|"
    r"side[- ]effects?|pain|numb(ness)?|tingling|vision|blind|dizz(y|iness)|fatigue|bladder|"
    r"prescribed|prescription|medication|medicine|tablets?|pills?|infusion|mri|lesions?|diagnos(is|ed)|"
    r"pregnan(t|cy)|scan|results?|edss|wheelchair|fell|fall(ing)?|hospital)\b"
)
ASKING_FOR_ADVICE = re.compile(r"\b(should i|do i need|is it safe for me|what should i do)\b")


def looks_personal(text: str) -> bool:
    text = text.lower().replace("’", "'")
    if ASKING_FOR_ADVICE.search(text):
        return True
    return bool(FIRST_PERSON.search(text) and PERSONAL_MEDICAL.search(text))
