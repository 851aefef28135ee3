"""A clinical trial tracked against its ClinicalTrials.gov record.

Registry fields mirror the API v2 record and are only written by the importer; editorial fields
(summary, body, what it means, tags, workflow status) are only written by editors.
"""

from __future__ import annotations

import datetime
import hashlib
import json

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.content.models import ContentBase, ContentQuerySet
from portal.content.validators import MAX_MARKDOWN_LENGTH, MarkdownLengthValidator

from .ctgov.parser import phase_label

nct_validator = RegexValidator(
    r"^NCT\d{8}\Z",
    _("Enter a ClinicalTrials.gov number: NCT followed by 8 digits, e.g. NCT06451159."),
)


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
    """Normalised condition groups for the finder, derived from the registry's conditions on import."""

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


def wrap_codes(codes) -> str:
    """(a, b) -> ",a,b," so one code can be matched with a contains filter; () -> ""."""
    return "," + ",".join(codes) + "," if codes else ""


def condition_group_q(code: str) -> models.Q:
    """Rows in one condition group; MS_ANY matches every MS group."""
    codes = MS_GROUPS if code == MS_ANY else (code,)
    q = models.Q()
    for one in codes:
        q |= models.Q(condition_groups__contains=f",{one},")
    return q


class TrialQuerySet(ContentQuerySet):
    def open_to_new_participants(self) -> TrialQuerySet:
        return self.filter(overall_status__in=OPEN_STATUSES)

    def with_phase(self, code: str) -> TrialQuerySet:
        return self.filter(phases__contains=f",{code},")

    def in_condition_group(self, code: str) -> TrialQuerySet:
        return self.filter(condition_group_q(code))

    def in_country(self, country: str) -> TrialQuerySet:
        """Trials with at least one site in `country` (a subquery, so no duplicate rows)."""
        return self.filter(pk__in=Location.objects.filter(country=country).values("trial_id"))

    def for_detail(self) -> TrialQuerySet:
        """Author, tags, locations (ordered by country, city) and registry changes (newest first)."""
        return self.for_listing().prefetch_related("locations", "changes")


class Trial(ContentBase):
    """`title` is the registry's brief title; `summary` and `body` are the editors' plain-language text."""

    nct_id = models.CharField(
        _("NCT number"),
        max_length=11,
        unique=True,
        validators=[nct_validator],
        help_text=_("The ClinicalTrials.gov identifier: NCT followed by 8 digits."),
    )
    official_title = models.TextField(_("official title"), blank=True)
    acronym = models.CharField(_("acronym"), max_length=100, blank=True)
    sponsor = models.CharField(_("lead sponsor"), max_length=255, blank=True)
    sponsor_class = models.CharField(
        _("sponsor type"),
        max_length=20,
        blank=True,
        help_text=_("The registry's sponsor class: INDUSTRY, NIH, FED, OTHER_GOV, INDIV, NETWORK, OTHER."),
    )
    collaborators = models.JSONField(_("collaborators"), default=list, blank=True)
    study_type = models.CharField(_("study type"), max_length=30, blank=True)
    phases = models.CharField(
        _("phases"),
        max_length=100,
        blank=True,
        help_text=_("Registry phase codes wrapped in commas, e.g. ,PHASE1,PHASE2, (so one phase can be filtered)."),
    )
    overall_status = models.CharField(
        _("recruitment status"),
        max_length=30,
        choices=RecruitmentStatus.choices,
        default=RecruitmentStatus.UNKNOWN,
        db_index=True,
    )
    last_known_status = models.CharField(
        _("last known status"), max_length=30, choices=RecruitmentStatus.choices, blank=True
    )
    why_stopped = models.TextField(_("why stopped"), blank=True)
    conditions = models.JSONField(_("conditions"), default=list, blank=True)
    interventions = models.JSONField(_("interventions"), default=list, blank=True)
    car_t_target = models.CharField(
        _("CAR T target"),
        max_length=20,
        choices=CarTTarget.choices,
        default=CarTTarget.NONE,
        db_index=True,
        help_text=_("Which antigen the CAR T cells are aimed at. Set by editors; a guess is filled in on import."),
    )
    enrollment = models.PositiveIntegerField(_("enrollment"), null=True, blank=True)
    enrollment_type = models.CharField(_("enrollment type"), max_length=20, blank=True)
    # Dates keep the registry's precision: "2027-02" is a month, not the 1st of February.
    start_date = models.CharField(_("start date"), max_length=10, blank=True)
    start_date_type = models.CharField(max_length=20, blank=True)
    primary_completion_date = models.CharField(_("primary completion date"), max_length=10, blank=True)
    primary_completion_date_type = models.CharField(max_length=20, blank=True)
    completion_date = models.CharField(_("completion date"), max_length=10, blank=True)
    completion_date_type = models.CharField(max_length=20, blank=True)
    first_posted = models.DateField(_("first posted"), null=True, blank=True)
    last_update_posted = models.DateField(_("last registry update"), null=True, blank=True, db_index=True)
    brief_summary = models.TextField(_("registry summary"), blank=True)
    eligibility_criteria = models.TextField(
        _("eligibility criteria"), blank=True, max_length=MAX_MARKDOWN_LENGTH, validators=[MarkdownLengthValidator()]
    )
    eligibility_criteria_html = models.TextField(editable=False, blank=True)
    condition_groups = models.CharField(
        _("condition groups"),
        max_length=200,
        blank=True,
        help_text=_("Derived from the registry's conditions on import, wrapped in commas, e.g. ,ms_relapsing,."),
    )
    sponsor_type = models.CharField(
        _("sponsor type (finder)"),
        max_length=20,
        choices=SponsorType.choices,
        blank=True,
        db_index=True,
        help_text=_("Derived from the registry's sponsor class on import."),
    )
    sex = models.CharField(_("sex"), max_length=20, blank=True)
    minimum_age = models.CharField(_("minimum age"), max_length=30, blank=True)
    maximum_age = models.CharField(_("maximum age"), max_length=30, blank=True)
    registry_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Digest of the single-study file whose facts are stored (`ctgov.parser.source_digest`), so a
    # re-import of identical bytes is skipped without parsing; "" when the facts came from the API
    # or a list page. Every import that writes registry facts resets it: clear it together with
    # registry_hash to force a re-import.
    source_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    last_checked_at = models.DateTimeField(_("last checked against the registry"), null=True, blank=True)

    what_it_means = models.TextField(
        _("what this means for people with MS"),
        blank=True,
        max_length=MAX_MARKDOWN_LENGTH,
        validators=[MarkdownLengthValidator()],
        help_text=_("Editorial, Markdown. Never overwritten by a registry refresh."),
    )
    what_it_means_html = models.TextField(editable=False, blank=True)

    objects = TrialQuerySet.as_manager()

    class Meta(ContentBase.Meta):
        ordering = ["-last_update_posted", "-pk"]
        verbose_name = _("trial")
        verbose_name_plural = _("trials")

    def save(self, *args, **kwargs) -> None:
        from portal.content.markdown import render_markdown

        update_fields = kwargs.get("update_fields")
        extra = set()
        # Registry refreshes save with update_fields: only re-render what they changed.
        if update_fields is None or "what_it_means" in update_fields:
            self.what_it_means_html = render_markdown(self.what_it_means)
            extra.add("what_it_means_html")
        if update_fields is None or "eligibility_criteria" in update_fields:
            self.eligibility_criteria_html = render_markdown(self.eligibility_criteria)
            extra.add("eligibility_criteria_html")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *extra}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("trials:detail", kwargs={"slug": self.slug})

    @property
    def registry_url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"

    @property
    def phase_list(self) -> list[str]:
        return [p for p in self.phases.split(",") if p]

    @phase_list.setter
    def phase_list(self, codes) -> None:
        self.phases = wrap_codes(codes)

    @property
    def condition_group_list(self) -> list[str]:
        return [code for code in self.condition_groups.split(",") if code]

    @condition_group_list.setter
    def condition_group_list(self, codes) -> None:
        self.condition_groups = wrap_codes(codes)

    @property
    def condition_group_labels(self) -> list[str]:
        labels = dict(ConditionGroup.choices)
        return [str(labels.get(code, code)) for code in self.condition_group_list]

    @property
    def phase_label(self) -> str:
        return phase_label(self.phase_list)

    @property
    def is_open(self) -> bool:
        return self.overall_status in OPEN_STATUSES


class Location(models.Model):
    """A trial site. `key` is facility + city + country, normalised, so refreshes can diff sites."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="locations")
    key = models.CharField(max_length=600)
    facility = models.CharField(_("facility"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    state = models.CharField(_("state or region"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True, db_index=True)
    status = models.CharField(_("site status"), max_length=30, blank=True)

    class Meta:
        ordering = ["country", "city", "facility"]
        constraints = [models.UniqueConstraint(fields=["trial", "key"], name="unique_trial_location")]
        verbose_name = _("location")

    def __str__(self) -> str:
        return ", ".join(p for p in (self.facility, self.city, self.country) if p)

    @property
    def is_recruiting(self) -> bool:
        return self.status == RecruitmentStatus.RECRUITING

    @property
    def status_label(self) -> str:
        """The site's status in plain words; "" when the registry gives none (most older records)."""
        try:
            return str(RecruitmentStatus(self.status).label) if self.status else ""
        except ValueError:
            return self.status


class ChangeField(models.TextChoices):
    OVERALL_STATUS = "overall_status", _("recruitment status")
    PHASES = "phases", _("phase")
    ENROLLMENT = "enrollment", _("number of participants")
    START_DATE = "start_date", _("start date")
    PRIMARY_COMPLETION_DATE = "primary_completion_date", _("primary completion date")
    COMPLETION_DATE = "completion_date", _("completion date")
    SITES_ADDED = "sites_added", _("sites added")
    SITES_REMOVED = "sites_removed", _("sites removed")


class TrialChange(models.Model):
    """One registry fact that changed on a refresh: the trial's history and what member alerts send.

    Values are JSON: a status code, a list of phase codes, a number, {"date", "type"} for dates, or a
    list of site keys (facility|city|country) for sites, one row per country.
    """

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(_("field"), max_length=30, choices=ChangeField.choices)
    country = models.CharField(_("country"), max_length=120, blank=True)
    old_value = models.JSONField(_("old value"), null=True, blank=True)
    new_value = models.JSONField(_("new value"), null=True, blank=True)
    changed_at = models.DateTimeField(_("noticed"), default=timezone.now, db_index=True)
    registry_updated = models.DateField(_("registry last update"), null=True, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("registry change")
        verbose_name_plural = _("registry changes")

    def __str__(self) -> str:
        return self.summary

    @property
    def when(self) -> datetime.date:
        """The registry's update date when known (when the change was posted), else when we noticed it."""
        return self.registry_updated or timezone.localdate(self.changed_at)

    @property
    def change_key(self) -> str:
        """Stable identity for alert de-duplication: the same change seen twice gives the same key."""
        value = json.dumps(self.new_value, sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(value.encode()).hexdigest()[:12]
        parts = [self.trial.nct_id, self.field, self.country, self.when.isoformat(), digest]
        return ":".join(part for part in parts if part)

    @property
    def summary(self) -> str:
        """A plain-language sentence with its month, e.g. "Started recruiting Mar 2024"."""
        from .changes import change_summary

        return change_summary(self)
