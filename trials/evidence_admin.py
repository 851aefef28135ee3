"""Admin for content that links trials (articles, FAQs): pick trials, see and resolve evidence flags.

Mixed into an app's `ContentAdmin` subclass (the app imports trials, never the other way round).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .evidence import evidence_flags_resolve, open_flags_for
from .models import EvidenceFlag


@admin.action(description=gettext_lazy("Mark evidence checked (the linked trials' changes are reflected)"),
              permissions=["change"])
def mark_evidence_checked(modeladmin, request, queryset) -> None:
    resolved, refused = 0, 0
    for item in queryset:
        try:
            resolved += evidence_flags_resolve(item=item, user=request.user)
        except PermissionDenied:
            refused += 1
    modeladmin.message_user(
        request, _("%(count)d registry change note(s) resolved.") % {"count": resolved}, messages.SUCCESS
    )
    if refused:
        modeladmin.message_user(
            request, _("%(count)d item(s) you cannot edit were left as they were.") % {"count": refused}, messages.ERROR
        )


class OutdatedListFilter(admin.SimpleListFilter):
    """Items with an open evidence flag: a linked trial changed on the registry since the last check."""

    title = gettext_lazy("linked trials")
    parameter_name = "outdated"

    def lookups(self, request, model_admin):
        return [("yes", _("A linked trial changed (may be outdated)"))]

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        flagged = EvidenceFlag.objects.open().filter(content_type=ContentType.objects.get_for_model(queryset.model))
        return queryset.filter(pk__in=flagged.values("object_id"))


class EvidenceLinksAdmin:
    """Trials picked in Django's two-box filter (a plain multiple select without JavaScript; the
    select2 autocomplete fails axe: an unlabelled search box, and it cannot add anything without
    JavaScript); the open flags shown on the item's page; "Mark evidence checked"; recording a new
    medical review (`last_reviewed`) resolves the flags raised up to that day."""

    filter_horizontal = ("related_trials",)
    evidence_admin_actions = [mark_evidence_checked]

    @admin.display(description=gettext_lazy("registry changes since last checked"))
    def evidence_notes(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "-"
        flags = list(open_flags_for(obj).select_related("change__trial"))
        if not flags:
            return _("None: the linked trials have not changed since the evidence was last checked.")
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((flag.text,) for flag in flags)))

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # The date typed in (a published page keeps its live date until its draft is published).
        reviewed_on = form.cleaned_data.get("last_reviewed")
        if "last_reviewed" in form.changed_data and reviewed_on:
            evidence_flags_resolve(item=form.instance, user=request.user, reviewed_on=reviewed_on)
