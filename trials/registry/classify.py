"""Classify a study for the finder: its CAR T target and its condition groups (pure, no Django models).

Guesses from the registry's free text, filled in on import; editors correct the CAR T target, and
the condition groups are derived again on every refresh. The values are `trials.choices`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trials.choices import CarTTarget, ConditionGroup

__all__ = ["guess_car_t_target", "guess_condition_groups"]

# ---------------------------------------------------------------------------------------------
# CAR T target

# "CAR T", "CAR-T", "CART19", "CAR-Ts", "CAR-Tregs"; all-caps CAR so "cartilage" or "car travel"
# in an upper-case official title does not count, lower-case "car-t" only with its hyphen or space.
_CAR_T = re.compile(
    r"(?<![A-Za-z])(?:CAR[\s-]?T|(?i:car[\s-]t))(?:s|regs?)?(?![A-Za-z])"
    r"|(?i:chimeric[\s-]+antigen[\s-]+receptor)"
    # International non-proprietary names: "-cabtagene" and "-lecleucel" are CAR T stems.
    r"|(?i:cabtagene|lecleucel)"
)
_CD19 = re.compile(r"(?<![A-Za-z0-9])CD[\s-]?19(?!\d)", re.IGNORECASE)
_BCMA = re.compile(r"(?<![A-Za-z])BCMA(?![A-Za-z])|B[\s-]cell maturation antigen", re.IGNORECASE)
# Licensed or late-stage products whose records often give only the drug name.
_CD19_PRODUCTS = re.compile(r"tisagenlecleucel|(?:axi|liso|brexu|obe|relma|mivo|rese|rap)cabtagene", re.IGNORECASE)
_BCMA_PRODUCTS = re.compile(r"(?:ide|cilta|eque|zevor|anito)cabtagene", re.IGNORECASE)


def guess_car_t_target(texts: Iterable[str]) -> str:
    """Best guess of the CAR T target from titles, keywords and interventions.

    A CD19 or BCMA mention alone is not enough: anti-CD19 antibodies (inebilizumab) and BCMA
    bispecifics are not CAR T therapies, and an MS portal sees many of them. So something must say
    CAR T first; then CD19 and/or BCMA decide the target, and a CAR T with neither is "other".
    Editors correct the guess; the importer only fills it in.
    """
    text = "\n".join(texts)
    if not _CAR_T.search(text):
        return CarTTarget.NONE.value
    cd19 = bool(_CD19.search(text) or _CD19_PRODUCTS.search(text))
    bcma = bool(_BCMA.search(text) or _BCMA_PRODUCTS.search(text))
    if cd19 and bcma:
        return CarTTarget.CD19_BCMA.value
    if cd19:
        return CarTTarget.CD19.value
    if bcma:
        return CarTTarget.BCMA.value
    return CarTTarget.OTHER.value


# ---------------------------------------------------------------------------------------------
# Condition groups (for the finder's condition filter)

_MS = re.compile(
    r"(?i:multiple[\s-]+sclerosis)|(?<![A-Za-z])(?:MS|RR-?MS|RMS|PP-?MS|SP-?MS|PR-?MS|CIS)(?![A-Za-z])",
)
_MS_RELAPSING = re.compile(r"relapsing|remitting|(?<![A-Za-z])(?:RR-?MS|RMS)(?![A-Za-z])", re.IGNORECASE)
_MS_PROGRESSIVE = re.compile(
    r"progressive[\s-]+(?:multiple[\s-]+sclerosis|MS\b|forms?\b)|(?:primary|secondary)[\s-]+progressive"
    r"|(?<![A-Za-z])(?:PP-?MS|SP-?MS|PR-?MS|nrSPMS|aSPMS)(?![A-Za-z])",
    re.IGNORECASE,
)
_OTHER_GROUPS = (
    (ConditionGroup.NMOSD.value, re.compile(r"neuromyelitis|(?<![A-Za-z])NMO(?:SD)?(?![A-Za-z])|devic", re.IGNORECASE)),
    (
        ConditionGroup.MOGAD.value,
        re.compile(r"(?<![A-Za-z])MOG(?:AD)?(?![A-Za-z])|myelin[\s-]+oligodendrocyte[\s-]+glycoprotein", re.IGNORECASE),
    ),
    (ConditionGroup.MYASTHENIA_GRAVIS.value, re.compile(r"myasthenia", re.IGNORECASE)),
    (ConditionGroup.LUPUS.value, re.compile(r"(?i:lupus)|(?<![A-Za-z])SLE(?![A-Za-z])")),
    (
        ConditionGroup.MYOSITIS.value,
        re.compile(r"myositis|inflammatory[\s-]+myopath|antisynthetase|anti-synthetase", re.IGNORECASE),
    ),
    (ConditionGroup.SYSTEMIC_SCLEROSIS.value, re.compile(r"systemic[\s-]+sclerosis|scleroderma", re.IGNORECASE)),
)


def guess_condition_groups(conditions: Iterable[str], titles: Iterable[str] = ()) -> tuple[str, ...]:
    """The finder's condition groups a study covers, in `ConditionGroup` order; ("other",) if none.

    Conditions decide; titles are only read when the conditions say nothing we know (some records
    list only "Autoimmune Diseases" and name the diseases in the title). MS is split into relapsing
    and progressive when the text says so, else it is "ms" (type not stated). A basket trial may
    belong to several groups.
    """
    found: set[str] = set()
    for texts in (list(conditions), list(titles)):
        text = "\n".join(texts)
        if _MS.search(text) or _MS_PROGRESSIVE.search(text):
            relapsing = bool(_MS_RELAPSING.search(text))
            progressive = bool(_MS_PROGRESSIVE.search(text))
            if relapsing:
                found.add(ConditionGroup.MS_RELAPSING.value)
            if progressive:
                found.add(ConditionGroup.MS_PROGRESSIVE.value)
            if not (relapsing or progressive):
                found.add(ConditionGroup.MS.value)
        for group, pattern in _OTHER_GROUPS:
            if pattern.search(text):
                found.add(group)
        if found:
            break
    return tuple(group for group in ConditionGroup.values if group in found) or (ConditionGroup.OTHER.value,)
