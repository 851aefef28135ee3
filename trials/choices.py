"""The trial vocabularies, one definition each: used by the models, the parser and the finder.

Values are the registry's codes (recruitment status, phase) or ours (CAR T target, condition group,
sponsor type); labels are the plain-language words readers see.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecruitmentStatus(models.TextChoices):
    """ClinicalTrials.gov's overall status values, with plain-language labels."""

    NOT_YET_RECRUITING = "NOT_YET_RECRUITING", _("Not yet recruiting")
    RECRUITING = "RECRUITING", _("Recruiting")
    ENROLLING_BY_INVITATION = "ENROLLING_BY_INVITATION", _("Enrolling by invitation")
    ACTIVE_NOT_RECRUITING = "ACTIVE_NOT_RECRUITING", _("Active, not recruiting")
    SUSPENDED = "SUSPENDED", _("Suspended")
    TERMINATED = "TERMINATED", _("Terminated")
    COMPLETED = "COMPLETED", _("Completed")
    WITHDRAWN = "WITHDRAWN", _("Withdrawn")
    UNKNOWN = "UNKNOWN", _("Unknown status")
    AVAILABLE = "AVAILABLE", _("Available (expanded access)")
    NO_LONGER_AVAILABLE = "NO_LONGER_AVAILABLE", _("No longer available")
    TEMPORARILY_NOT_AVAILABLE = "TEMPORARILY_NOT_AVAILABLE", _("Temporarily not available")
    APPROVED_FOR_MARKETING = "APPROVED_FOR_MARKETING", _("Approved for marketing")
    WITHHELD = "WITHHELD", _("Withheld")


OPEN_STATUSES = (
    RecruitmentStatus.RECRUITING,
    RecruitmentStatus.NOT_YET_RECRUITING,
    RecruitmentStatus.ENROLLING_BY_INVITATION,
)


class Phase(models.TextChoices):
    """The registry's phase codes; labels are how one phase is written ("Phase 2/3" is built in display)."""

    EARLY_PHASE1 = "EARLY_PHASE1", _("Early phase 1")
    PHASE1 = "PHASE1", _("Phase 1")
    PHASE2 = "PHASE2", _("Phase 2")
    PHASE3 = "PHASE3", _("Phase 3")
    PHASE4 = "PHASE4", _("Phase 4")
    NA = "NA", _("Not applicable")


class CarTTarget(models.TextChoices):
    CD19 = "cd19", _("CD19")
    BCMA = "bcma", _("BCMA")
    CD19_BCMA = "cd19_bcma", _("CD19 and BCMA")
    OTHER = "other", _("Other CAR T target")
    NONE = "none", _("Not a CAR T therapy")


class ConditionGroup(models.TextChoices):
    """Normalised condition groups for the finder, derived from the registry's conditions on import.

    The order is the order `registry.parse.guess_condition_groups` returns them in.
    """

    MS_RELAPSING = "ms_relapsing", _("Relapsing MS")
    MS_PROGRESSIVE = "ms_progressive", _("Progressive MS")
    MS = "ms", _("MS (type not stated)")
    NMOSD = "nmosd", _("NMOSD (neuromyelitis optica)")
    MOGAD = "mogad", _("MOGAD")
    MYASTHENIA_GRAVIS = "myasthenia_gravis", _("Myasthenia gravis")
    LUPUS = "lupus", _("Lupus")
    MYOSITIS = "myositis", _("Myositis")
    SYSTEMIC_SCLEROSIS = "systemic_sclerosis", _("Systemic sclerosis")
    OTHER = "other", _("Other conditions")


# The finder's "MS (any type)" option covers every MS group.
MS_ANY = "ms_any"
MS_GROUPS = (ConditionGroup.MS_RELAPSING, ConditionGroup.MS_PROGRESSIVE, ConditionGroup.MS)


class SponsorType(models.TextChoices):
    INDUSTRY = "industry", _("Industry")
    ACADEMIC = "academic", _("Academic or other")
    GOVERNMENT = "government", _("Government")


_GOVERNMENT_CLASSES = {"NIH", "FED", "OTHER_GOV"}


def sponsor_type_for(sponsor_class: str) -> str:
    """Registry sponsor class -> finder sponsor type (INDIV, NETWORK, OTHER, UNKNOWN are "academic or other")."""
    if sponsor_class == "INDUSTRY":
        return SponsorType.INDUSTRY
    if sponsor_class in _GOVERNMENT_CLASSES:
        return SponsorType.GOVERNMENT
    return SponsorType.ACADEMIC


class ChangeField(models.TextChoices):
    OVERALL_STATUS = "overall_status", _("recruitment status")
    PHASES = "phases", _("phase")
    ENROLLMENT = "enrollment", _("number of participants")
    START_DATE = "start_date", _("start date")
    PRIMARY_COMPLETION_DATE = "primary_completion_date", _("primary completion date")
    COMPLETION_DATE = "completion_date", _("completion date")
    SITES_ADDED = "sites_added", _("sites added")
    SITES_REMOVED = "sites_removed", _("sites removed")
