from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CarTTarget, Phase, RecruitmentStatus

OPEN = "open"


class TrialFilterForm(forms.Form):
    """The trial finder's filters (GET, so every combination has its own URL)."""

    status = forms.ChoiceField(
        label=_("Recruitment status"),
        required=False,
        choices=[("", _("Any status")), (OPEN, _("Open to new participants"))] + list(RecruitmentStatus.choices),
    )
    phase = forms.ChoiceField(label=_("Phase"), required=False, choices=[("", _("Any phase"))] + list(Phase.choices))
    target = forms.ChoiceField(
        label=_("CAR T target"), required=False, choices=[("", _("Any target"))] + list(CarTTarget.choices)
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["status"] == OPEN:
            queryset = queryset.open_to_new_participants()
        elif data["status"]:
            queryset = queryset.filter(overall_status=data["status"])
        if data["phase"]:
            queryset = queryset.with_phase(data["phase"])
        if data["target"]:
            queryset = queryset.filter(car_t_target=data["target"])
        return queryset
