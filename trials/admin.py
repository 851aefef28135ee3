from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.content_admin import ContentAdmin

from . import imports, sync
from .models import (
    PRECHECK_FIELDS,
    REGISTRY_FIELDS,
    Location,
    Trial,
    TrialChange,
    fresh_q,
    nct_validator,
    stale_after_days,
)
from .registry.client import CtgovError, RegistryUnavailable
from .registry.parse import RecordError


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0
    fields = ("facility", "city", "state", "country", "status")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class TrialChangeInline(admin.TabularInline):
    model = TrialChange
    extra = 0
    fields = ("changed_at", "registry_updated", "field", "country", "old_value", "new_value")
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = gettext_lazy("Registry change history")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.action(description=gettext_lazy("Refresh from ClinicalTrials.gov"), permissions=["change"])
def refresh_from_registry(modeladmin, request, queryset) -> None:
    report = imports.trials_sync(nct_ids=queryset.order_by("nct_id").values_list("nct_id", flat=True))
    counts = report.counts
    modeladmin.message_user(
        request,
        _("Refreshed from ClinicalTrials.gov: %(updated)d updated, %(unchanged)d unchanged, %(failed)d failed.")
        % {key: counts[key] for key in ("updated", "unchanged", "failed")},
        messages.SUCCESS if report.ok else messages.WARNING,
    )
    for result in report.results:
        if result.changes:
            summaries = "; ".join(change.summary for change in result.changes)
            modeladmin.message_user(request, f"{result.label}: {summaries}", messages.INFO)
    for failure in report.failures:
        text = _("%(nct)s not refreshed, nothing changed: %(error)s") % {"nct": failure.label, "error": failure.error}
        modeladmin.message_user(request, text, messages.ERROR)


class AddByNctForm(forms.Form):
    nct_id = forms.CharField(
        label=gettext_lazy("NCT number"),
        max_length=20,
        help_text=gettext_lazy("The ClinicalTrials.gov identifier, e.g. NCT06451159."),
    )

    def clean_nct_id(self) -> str:
        nct_id = self.cleaned_data["nct_id"].strip().upper()
        nct_validator(nct_id)
        existing = Trial.objects.filter(nct_id=nct_id).first()
        if existing is not None:
            url = reverse("admin:trials_trial_change", args=[existing.pk])
            raise forms.ValidationError(
                format_html(
                    '{} <a href="{}">{}</a>', _("This trial is already on the portal:"), url, existing.title
                )
            )
        return nct_id


class StalenessFilter(admin.SimpleListFilter):
    """"Not checked for 30+ days" (the `TRIALS_STALE_AFTER_DAYS` setting), never checked, last refresh failed."""

    title = gettext_lazy("registry check")
    parameter_name = "checked"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("Not checked for %(days)s+ days") % {"days": stale_after_days()}),
            ("never", _("Never checked (facts typed in by editors)")),
            ("failed", _("Last refresh failed")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.exclude(fresh_q())
        if self.value() == "never":
            return queryset.filter(last_checked_at__isnull=True, registry_hash="")
        if self.value() == "failed":
            return queryset.exclude(last_check_error="")
        return queryset


@admin.register(Trial)
class TrialAdmin(ContentAdmin):
    list_display = (
        "nct_id",
        *ContentAdmin.list_display[:2],
        "overall_status",
        "car_t_target",
        "tag_list",
        "last_update_posted",
        "staleness",
    )
    list_filter = (*ContentAdmin.list_filter, StalenessFilter, "overall_status", "car_t_target", "sponsor_type")
    search_fields = ("nct_id", "acronym", "sponsor", *ContentAdmin.search_fields)
    content_fields = ("nct_id", *ContentAdmin.content_fields, "what_it_means", "car_t_target")
    actions = [*ContentAdmin.actions, refresh_from_registry]
    change_list_template = "admin/trials/trial/change_list.html"
    # The title is edited with the content fields; the hash is internal.
    registry_fields = (
        *(name for name in REGISTRY_FIELDS if name not in ("title", "registry_hash")),
        "last_checked_at",
        "check_count",
        "last_check_error",
        "last_check_failed_at",
    )
    inlines = [LocationInline, TrialChangeInline, *ContentAdmin.inlines]

    @admin.display(description=gettext_lazy("registry check"), ordering="last_checked_at")
    def staleness(self, obj: Trial) -> str:
        """"3 days ago", "45 days ago (stale)", "never (typed in)", with a failed refresh noted."""
        if not obj.facts_from_registry:
            text = str(_("never (facts typed in by editors)"))
        else:
            confirmed = obj.confirmed_on
            days = (timezone.localdate() - confirmed).days if confirmed else None
            text = str(_("%(days)s days ago") % {"days": days}) if days is not None else "?"
            if obj.stale_days:
                text += " " + str(_("(stale)"))
        if obj.last_check_error:
            text += " · " + str(_("last refresh failed"))
        return text

    def get_fieldsets(self, request, obj=None):
        return [
            *super().get_fieldsets(request, obj),
            (_("Pre-check criteria (for readers' private \"could this trial fit me?\")"), {
                "fields": PRECHECK_FIELDS,
                "description": _(
                    "Fill in only what the registry's criteria say, and paste the sentence each one comes from. "
                    "Leave a criterion empty when the listing does not say: readers then see \"we can't tell\". "
                    "MS types: relapsing, ppms, spms. Treatments: codes from the MS drug list (e.g. ocrelizumab)."
                ),
            }),
            (_("Registry facts (from ClinicalTrials.gov, updated by refreshes)"), {
                "fields": self.registry_fields,
                "classes": ["collapse"],
            }),
        ]

    def get_readonly_fields(self, request, obj=None):
        # Registry facts are overwritten by every refresh, so editing them here would be lost.
        readonly = (*super().get_readonly_fields(request, obj), *self.registry_fields)
        return (*readonly, "nct_id") if obj is not None else readonly

    def get_urls(self):
        return [
            path(
                "add-by-nct/",
                self.admin_site.admin_view(self.add_by_nct_view),
                name="trials_trial_add_by_nct",
            ),
            *super().get_urls(),
        ]

    def add_by_nct_view(self, request: HttpRequest) -> HttpResponse:
        """Fetch a study, show what will be created, then create it as a draft (two POSTs, no JS)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = AddByNctForm(request.POST if request.method == "POST" else None)
        parsed = None
        if form.is_valid():
            nct_id = form.cleaned_data["nct_id"]
            try:
                parsed = imports.trial_fetch(nct_id=nct_id)
            except RegistryUnavailable:
                form.add_error(
                    "nct_id",
                    _("ClinicalTrials.gov cannot be reached at the moment, so nothing was added. Try again later."),
                )
            except (CtgovError, RecordError, ValueError) as exc:
                form.add_error("nct_id", str(exc))
            if parsed is not None and "confirm" in request.POST:
                try:
                    result = sync.trial_import(parsed=parsed, user=request.user)
                except (ValidationError, PermissionDenied, DatabaseError) as exc:
                    form.add_error(None, " ".join(getattr(exc, "messages", [str(exc)])))
                    parsed = None
                else:
                    self.message_user(
                        request,
                        _("%(nct)s was added as a draft. Write the plain-language summary, then submit it for review.")
                        % {"nct": nct_id},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:trials_trial_change", args=[result.trial.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Add trial by NCT number"),
            "opts": self.model._meta,
            "form": form,
            "parsed": parsed,
            "preview_sites": self._site_countries(parsed) if parsed else [],
        }
        return TemplateResponse(request, "admin/trials/trial/add_by_nct.html", context)

    @staticmethod
    def _site_countries(parsed) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for location in parsed.locations:
            counts[location.country or "-"] = counts.get(location.country or "-", 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
