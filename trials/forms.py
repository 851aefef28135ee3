from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import MS_ANY, CarTTarget, ConditionGroup, Phase, RecruitmentStatus, SponsorType

OPEN = "open"
ALL = "all"
FILTER_NAMES = ("status", "phase", "target", "condition", "country", "sponsor")
# Everything else the finder reads from the URL: sorting and "near me".
FINDER_NAMES = (*FILTER_NAMES, "sort", "place", "distance", "unit", "lat", "lon")
SORT_RELEVANT = "relevant"
SORT_NEWEST = "newest"
SORT_NEAREST = "nearest"
DISTANCES = (50, 100, 300, 1000)


class TrialFilterForm(forms.Form):
    """The trial finder's filters (GET, so every combination has its own URL).

    Without a status the finder shows trials open to new participants; "all" shows every status.
    A value that is not valid is dropped with a message next to its field; the others still apply.
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
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            (SORT_RELEVANT, _("Most relevant for MS")),
            (SORT_NEWEST, _("Newest in the registry")),
            (SORT_NEAREST, _("Nearest site")),
        ],
        error_messages={"invalid_choice": _("We don't know that order, so the trials are sorted by relevance.")},
    )
    place = forms.CharField(
        label=_("Near (town or city)"),
        required=False,
        max_length=100,
        help_text=_("For example Berlin, or Springfield, United States."),
    )
    distance = forms.TypedChoiceField(
        label=_("Within"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[(str(d), f"{d:,}") for d in DISTANCES],
        error_messages={"invalid_choice": _("Choose a distance of 50, 100, 300 or 1,000.")},
    )
    unit = forms.ChoiceField(
        label=_("Unit"),
        required=False,
        choices=[("km", _("km")), ("mi", _("miles"))],
        error_messages={"invalid_choice": _("Choose km or miles.")},
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def clean_status(self) -> str:
        return self.cleaned_data["status"] or OPEN

    def filters(self) -> dict[str, str]:
        """The valid, non-empty filters; an invalid value is dropped (and shown as an error)."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        data.setdefault("status", OPEN)
        return data
