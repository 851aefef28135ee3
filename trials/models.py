"""A clinical trial tracked against its ClinicalTrials.gov record.

Registry fields mirror the API v2 record and are only written by the importer; editorial fields
(summary, body, what it means, tags, workflow status) are only written by editors.
"""

from __future__ import annotations

import datetime
import hashlib
import json

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Cos, Radians, Sin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.content.markdown import render_markdown
from portal.content.models import ContentBase, ContentQuerySet
from portal.content.reversing import slug_url
from portal.content.validators import MAX_MARKDOWN_LENGTH, MarkdownLengthValidator

from .changes import change_phrase, change_summary
from .choices import (
    MS_ANY,
    MS_GROUPS,
    OPEN_STATUSES,
    CarTTarget,
    ChangeField,
    ConditionGroup,
    RecruitmentStatus,
    SponsorType,
)
from .display import phase_label

nct_validator = RegexValidator(
    r"^NCT\d{8}\Z",
    _("Enter a ClinicalTrials.gov number: NCT followed by 8 digits, e.g. NCT06451159."),
)


def json_list_has(field: str, code: str) -> models.Q:
    """Rows whose JSON list `field` holds the string `code`, on SQLite and PostgreSQL alike.

    Django's JSONField `contains` lookup does not exist on SQLite, so this matches the quoted token
    in the stored JSON text: '"PHASE1"' is in '["PHASE1", "PHASE2"]' but not in '["EARLY_PHASE1"]'.
    Only for our own codes (letters, digits, "_"), which JSON writes unescaped.
    """
    return models.Q(**{f"{field}__icontains": json.dumps(code)})


def phase_q(code: str) -> models.Q:
    """Rows with one registry phase code among their phases."""
    return json_list_has("phases", code)


def condition_group_q(code: str) -> models.Q:
    """Rows in one condition group; MS_ANY matches every MS group."""
    codes = MS_GROUPS if code == MS_ANY else (code,)
    q = models.Q()
    for one in codes:
        q |= json_list_has("condition_groups", one)
    return q


def fresh_q(now: datetime.datetime | None = None) -> models.Q:
    """Trials whose facts the registry confirmed within `TRIALS_STALE_AFTER_DAYS` (as `Trial.confirmed_on`)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=stale_after_days())
    checked_recently = models.Q(last_checked_at__gte=cutoff) & (
        models.Q(source_hash="") | models.Q(registry_version_date__isnull=True)
    )
    return models.Q(registry_version_date__gte=timezone.localdate(cutoff)) | checked_recently


class TrialQuerySet(ContentQuerySet):
    def ms_first(self, sort: str = "") -> TrialQuerySet:
        """MS trials first (`is_ms` 0), then open before closed, fresh before stale, newest registry update.

        `sort="newest"` orders each part by the registry's first posting instead. The annotations
        stay on the rows, so a page can start its second part ("other autoimmune conditions").
        """
        integer = models.IntegerField()
        queryset = self.annotate(
            is_ms=models.Case(models.When(condition_group_q(MS_ANY), then=0), default=1, output_field=integer),
            open_rank=models.Case(
                models.When(overall_status__in=OPEN_STATUSES, then=0), default=1, output_field=integer
            ),
            fresh_rank=models.Case(models.When(fresh_q(), then=0), default=1, output_field=integer),
        )
        if sort == "newest":
            return queryset.order_by("is_ms", models.F("first_posted").desc(nulls_last=True), "-pk")
        return queryset.order_by(
            "is_ms", "open_rank", "fresh_rank", models.F("last_update_posted").desc(nulls_last=True), "-pk"
        )

    def open_to_new_participants(self) -> TrialQuerySet:
        return self.filter(overall_status__in=OPEN_STATUSES)

    def with_phase(self, code: str) -> TrialQuerySet:
        return self.filter(phase_q(code))

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
    phases = models.JSONField(
        _("phases"),
        default=list,
        blank=True,
        help_text=_('Registry phase codes, e.g. ["PHASE1", "PHASE2"].'),
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
    condition_groups = models.JSONField(
        _("condition groups"),
        default=list,
        blank=True,
        help_text=_('Derived from the registry\'s conditions on import, e.g. ["ms_relapsing"].'),
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
    # Digest of the single-study file whose facts are stored (`registry.files.source_digest`), so a
    # re-import of identical bytes is skipped without parsing; "" when the facts came from the API
    # or a list page. Every import that writes registry facts resets it: clear it together with
    # registry_hash to force a re-import.
    source_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    last_checked_at = models.DateTimeField(_("last checked against the registry"), null=True, blank=True)
    check_count = models.PositiveIntegerField(
        _("registry checks"), default=0, editable=False, help_text=_("Successful checks against the registry.")
    )
    registry_version_date = models.DateField(
        _("registry facts as of"),
        null=True,
        blank=True,
        help_text=_("The version date of the registry record the facts come from."),
    )
    last_check_error = models.TextField(_("last refresh error"), blank=True, editable=False)
    last_check_failed_at = models.DateTimeField(_("last refresh failed"), null=True, blank=True, editable=False)
    # "Updated" for readers: a text edit or a registry change, never a re-save or a bulk load.
    text_hash = models.CharField(max_length=64, blank=True, editable=False)
    text_changed_at = models.DateTimeField(_("text last edited"), null=True, blank=True, editable=False)
    registry_changed_at = models.DateTimeField(_("registry facts last changed"), null=True, blank=True, editable=False)

    # Everything a reader needs to act, from the registry record (written by the importer only).
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    inclusion_criteria = models.TextField(_("who can take part"), blank=True)
    exclusion_criteria = models.TextField(_("who cannot take part"), blank=True)
    healthy_volunteers = models.BooleanField(_("healthy volunteers"), null=True, blank=True)
    central_contacts = models.JSONField(_("central contacts"), default=list, blank=True)
    arms = models.JSONField(_("arms"), default=list, blank=True)
    intervention_details = models.JSONField(_("interventions (details)"), default=list, blank=True)
    primary_outcomes = models.JSONField(_("primary outcomes"), default=list, blank=True)
    secondary_outcomes = models.JSONField(_("secondary outcomes"), default=list, blank=True)
    allocation = models.CharField(_("allocation"), max_length=30, blank=True)
    masking = models.CharField(_("masking"), max_length=30, blank=True)
    intervention_model = models.CharField(_("intervention model"), max_length=30, blank=True)
    has_results = models.BooleanField(_("results posted"), default=False)

    # Structured criteria for the private pre-check, added by editors, each with the registry
    # sentence it comes from. Empty means "we can't tell from the listing".
    edss_min = models.DecimalField(_("lowest EDSS"), max_digits=3, decimal_places=1, null=True, blank=True)
    edss_max = models.DecimalField(_("highest EDSS"), max_digits=3, decimal_places=1, null=True, blank=True)
    edss_source = models.TextField(_("EDSS: registry sentence"), blank=True)
    ms_types = models.JSONField(
        _("MS types accepted"),
        default=list,
        blank=True,
        help_text=_('Any of "relapsing", "ppms", "spms"; empty: not stated.'),
    )
    ms_types_source = models.TextField(_("MS types: registry sentence"), blank=True)
    required_treatments = models.JSONField(
        _("treatments required before"), default=list, blank=True, help_text=_("Codes from the MS drug list.")
    )
    required_treatments_source = models.TextField(_("required treatments: registry sentence"), blank=True)
    excluded_treatments = models.JSONField(
        _("treatments that exclude"), default=list, blank=True, help_text=_("Codes from the MS drug list.")
    )
    excluded_treatments_source = models.TextField(_("excluded treatments: registry sentence"), blank=True)
    relapse_rule = models.CharField(
        _("recent relapse"),
        max_length=20,
        blank=True,
        choices=[("required", _("a relapse is required")), ("excluded", _("a relapse excludes"))],
    )
    relapse_months = models.PositiveSmallIntegerField(_("relapse window (months)"), null=True, blank=True)
    relapse_source = models.TextField(_("relapse: registry sentence"), blank=True)

    what_it_means = models.TextField(
        _("what this means for people with MS"),
        blank=True,
        max_length=MAX_MARKDOWN_LENGTH,
        validators=[MarkdownLengthValidator()],
        help_text=_("Editorial, Markdown. Never overwritten by a registry refresh."),
    )
    what_it_means_html = models.TextField(editable=False, blank=True)

    objects = TrialQuerySet.as_manager()

    # Set per request by the finder on the trials it lists (the nearest site, the pre-check's
    # verdict). Defaults here keep cards from failing a template lookup, which Django answers by
    # listing the object's every attribute (`dir`), about a tenth of a millisecond per card.
    distance_label = ""
    fit = None

    class Meta(ContentBase.Meta):
        ordering = ["-last_update_posted", "-pk"]
        # The finder's and the home page's MS-first order (`ms_first`) reads every column it sorts and
        # filters on from this index alone, never the wide rows (on SQLite, bodies spill onto overflow pages).
        # Not led by `status`, so lists of published trials in date order keep the newest-first index.
        indexes = [
            *ContentBase.Meta.indexes,
            models.Index(
                fields=[
                    "overall_status",
                    "status",
                    "condition_groups",
                    "registry_version_date",
                    "last_checked_at",
                    "source_hash",
                    "last_update_posted",
                    "first_posted",
                ],
                name="trial_ms_first_idx",
            ),
        ]
        verbose_name = _("trial")
        verbose_name_plural = _("trials")

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        extra = set()
        # Registry refreshes save with update_fields: only re-render what they changed.
        if update_fields is None or "what_it_means" in update_fields:
            self.what_it_means_html = render_markdown(self.what_it_means)
            extra.add("what_it_means_html")
        if update_fields is None or "eligibility_criteria" in update_fields:
            self.eligibility_criteria_html = render_markdown(self.eligibility_criteria)
            extra.add("eligibility_criteria_html")
        if update_fields is None or {"title", "summary", "body", "what_it_means"} & set(update_fields):
            text_hash = self.reader_text_hash()
            if text_hash != self.text_hash:
                # A new trial's first text is not an edit; a later change to it is.
                if self.text_hash:
                    self.text_changed_at = timezone.now()
                    extra.add("text_changed_at")
                self.text_hash = text_hash
                extra.add("text_hash")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *extra}
        super().save(*args, **kwargs)

    def reader_text_hash(self) -> str:
        text = json.dumps([self.summary, self.body, self.what_it_means], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def get_absolute_url(self) -> str:
        return slug_url("trials:detail", self.slug)

    @property
    def registry_url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"

    @property
    def condition_group_labels(self) -> list[str]:
        labels = dict(ConditionGroup.choices)
        return [str(labels.get(code, code)) for code in self.condition_groups]

    @property
    def phase_label(self) -> str:
        return phase_label(self.phases)

    @property
    def is_open(self) -> bool:
        return self.overall_status in OPEN_STATUSES

    @property
    def status_label(self) -> str:
        """`get_overall_status_display()`, for cards: Django's builds a dict of every choice per call,
        translating each label to hash it (about a third of a millisecond a card)."""
        try:
            return str(RecruitmentStatus(self.overall_status).label)
        except ValueError:
            return self.overall_status

    @property
    def facts_from_registry(self) -> bool:
        """False for facts typed in by editors and never checked against the registry."""
        return bool(self.registry_hash or self.last_checked_at)

    @property
    def confirmed_on(self) -> datetime.date | None:
        """The date the registry last confirmed the facts: the record's version date or our last check."""
        if not self.facts_from_registry:
            return None
        checked = timezone.localdate(self.last_checked_at) if self.last_checked_at else None
        dates = [d for d in (self.registry_version_date, checked) if d]
        # A file import reads an old record: its facts are as of the record, not of the reading.
        if self.registry_version_date and self.source_hash:
            return self.registry_version_date
        return max(dates) if dates else None

    @property
    def stale_days(self) -> int | None:
        """Days since the facts were confirmed, when older than `TRIALS_STALE_AFTER_DAYS`; else None."""
        confirmed = self.confirmed_on
        if confirmed is None:
            return None
        age = (timezone.localdate() - confirmed).days
        return age if age > stale_after_days() else None

    @property
    def facts_entered_on(self) -> datetime.date:
        return timezone.localdate(self.created_at)

    @property
    def reader_updated_at(self) -> datetime.datetime | None:
        """The last change readers care about: published, text edited or registry facts changed."""
        dates = [d for d in (self.published_at, self.text_changed_at, self.registry_changed_at) if d]
        return max(dates) if dates else None

    @property
    def checked_twice(self) -> bool:
        return self.check_count >= 2


# The admin's pre-check fieldset, one row per criterion; editors write these (never a refresh).
PRECHECK_FIELDS = (
    ("edss_min", "edss_max", "edss_source"),
    ("ms_types", "ms_types_source"),
    ("required_treatments", "required_treatments_source"),
    ("excluded_treatments", "excluded_treatments_source"),
    ("relapse_rule", "relapse_months", "relapse_source"),
)
# What an editor changes in the admin: kept in revisions and in a published trial's pending draft.
# Registry facts are not among them; refreshes keep writing those to the live row.
EDITORIAL_FIELDS = (
    "title",
    "slug",
    "summary",
    "body",
    "last_reviewed",
    "what_it_means",
    "car_t_target",
    *(name for row in PRECHECK_FIELDS for name in row),
)


# Every Trial field a registry refresh writes (in the admin's display order); everything else on a
# Trial belongs to the editors. `trials.sync` writes exactly these; the admin shows them read-only.
REGISTRY_FIELDS = (
    "title",
    "official_title",
    "acronym",
    "sponsor",
    "sponsor_class",
    "collaborators",
    "sponsor_type",
    "study_type",
    "phases",
    "overall_status",
    "last_known_status",
    "why_stopped",
    "conditions",
    "condition_groups",
    "interventions",
    "enrollment",
    "enrollment_type",
    "start_date",
    "start_date_type",
    "primary_completion_date",
    "primary_completion_date_type",
    "completion_date",
    "completion_date_type",
    "first_posted",
    "last_update_posted",
    "brief_summary",
    "eligibility_criteria",
    "sex",
    "minimum_age",
    "maximum_age",
    "keywords",
    "inclusion_criteria",
    "exclusion_criteria",
    "healthy_volunteers",
    "central_contacts",
    "arms",
    "intervention_details",
    "primary_outcomes",
    "secondary_outcomes",
    "allocation",
    "masking",
    "intervention_model",
    "has_results",
    "registry_version_date",
    "registry_hash",
)


def stale_after_days() -> int:
    return int(getattr(settings, "TRIALS_STALE_AFTER_DAYS", 30))


class Location(models.Model):
    """A trial site. `key` is facility + city + country, normalised, so refreshes can diff sites."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="locations")
    key = models.CharField(max_length=600)
    facility = models.CharField(_("facility"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    state = models.CharField(_("state or region"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True, db_index=True)
    status = models.CharField(_("site status"), max_length=30, blank=True)
    zip = models.CharField(_("postcode"), max_length=30, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    contacts = models.JSONField(_("site contacts"), default=list, blank=True)
    # The site as a point on the unit sphere, worked out by the database on every write (bulk ones
    # too): the distance filter measures the straight-line chord between two such points in SQL,
    # plain arithmetic on both databases, and turns it into the great-circle distance
    # (`geo.chord_to_km`, the haversine distance exactly). NULL without coordinates.
    geo_x = models.GeneratedField(
        expression=Cos(Radians("latitude")) * Cos(Radians("longitude")),
        output_field=models.FloatField(),
        db_persist=True,
    )
    geo_y = models.GeneratedField(
        expression=Cos(Radians("latitude")) * Sin(Radians("longitude")),
        output_field=models.FloatField(),
        db_persist=True,
    )
    geo_z = models.GeneratedField(
        expression=Sin(Radians("latitude")), output_field=models.FloatField(), db_persist=True
    )

    class Meta:
        ordering = ["country", "city", "facility"]
        constraints = [models.UniqueConstraint(fields=["trial", "key"], name="unique_trial_location")]
        # The distance filter's bounding box: recruiting sites by latitude, then longitude, with the
        # unit-sphere point and the trial, so the distance query reads this index alone.
        indexes = [
            models.Index(
                fields=["status", "latitude", "longitude", "geo_x", "geo_y", "geo_z", "trial"],
                name="location_geo_point_idx",
            ),
            # The finder's country counts read (country, trial) pairs from this index alone.
            models.Index(fields=["country", "trial"], name="location_country_trial_idx"),
        ]
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
        return change_summary(self)


class TrialFollow(models.Model):
    """A member follows a trial to hear when its status, sites or dates change (see trials/alerts.py)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trial_follows")
    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "trial"], name="unique_trial_follow")]
        verbose_name = _("followed trial")

    def __str__(self) -> str:
        return f"{self.user_id} → trial {self.trial_id}"


class EvidenceFlagQuerySet(models.QuerySet):
    def open(self) -> EvidenceFlagQuerySet:
        """Flags no editor has resolved yet (by checking the evidence or re-reviewing the item)."""
        return self.filter(resolved_at__isnull=True)


class EvidenceFlag(models.Model):
    """An article or FAQ that links a trial may be outdated: one of the trial's registry facts changed.

    Written by the registry refresh (`trials.evidence.evidence_flags_record`) for every content item
    that links the trial (any registered content model's many-to-many field to Trial), one per
    change; resolved when an editor marks the evidence checked or records a new medical review.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    change = models.ForeignKey(TrialChange, on_delete=models.CASCADE, related_name="evidence_flags")
    created_at = models.DateTimeField(_("flagged"), default=timezone.now, db_index=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = EvidenceFlagQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "change"], name="unique_evidence_flag")
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "resolved_at"], name="evidence_flag_item")]
        verbose_name = _("evidence flag")

    def __str__(self) -> str:
        return self.text

    @property
    def sentence(self) -> str:
        """What changed, without the date: "recruitment status changed from Recruiting to Completed"."""
        return change_phrase(self.change)

    @property
    def text(self) -> str:
        """The dashboard line: "May be outdated: <trial> changed from Recruiting to Completed on 3 March 2027"."""
        return _("May be outdated: %(trial)s: %(sentence)s on %(date)s") % {
            "trial": self.change.trial.acronym or self.change.trial.title,
            "sentence": self.sentence,
            "date": date_format(self.change.when, "j F Y"),
        }
