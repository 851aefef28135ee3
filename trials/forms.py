from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import MS_ANY, CarTTarget, ConditionGroup, Phase, RecruitmentStatus, SponsorType

OPEN = "open"
ALL = "all"
FILTER_NAMES = ("status", "phase", "target", "condition", "country", "sponsor")


class TrialFilterForm(forms.Form):
    """The trial finder's filters (GET, so every combination has its own URL).

    Without a status the finder shows trials open to new participants; "all" shows every status.
    """

    status = forms.ChoiceField(
        label=_("Recruitment status"),
        required=False,
        choices=[(OPEN, _("Open to new participants")), (ALL, _("Any status"))] + list(RecruitmentStatus.choices),
    )
    phase = forms.ChoiceField(label=_("Phase"), required=False, choices=[("", _("Any phase"))] + list(Phase.choices))
    target = forms.ChoiceField(
        label=_("CAR T target"), required=False, choices=[("", _("Any target"))] + list(CarTTarget.choices)
    )
    condition = forms.ChoiceField(
        label=_("Condition"),
        required=False,
        choices=[("", _("Any condition")), (MS_ANY, _("MS (any type)"))] + list(ConditionGroup.choices),
    )
    country = forms.CharField(label=_("Country"), required=False, max_length=120)
    sponsor = forms.ChoiceField(
        label=_("Sponsor type"), required=False, choices=[("", _("Any sponsor"))] + list(SponsorType.choices)
    )

    def clean_status(self) -> str:
        return self.cleaned_data["status"] or OPEN

    def filters(self) -> dict[str, str]:
        """The valid, non-empty filters; an invalid value is dropped (and shown as an error)."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value}
        data.setdefault("status", OPEN)
        return data
