from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..params import DigitsIntegerField
from .backends import OPEN_STATUS
from .models import Kind
from .selectors import MAX_QUERY_LENGTH


def trial_status_choices() -> list[tuple[str, str]]:
    from trials.models import RecruitmentStatus

    return [("", _("Any status")), (OPEN_STATUS, _("Open to new participants")), *RecruitmentStatus.choices]


class SearchForm(forms.Form):
    """The search box and its filters; every field is optional and shows up in the address."""

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Use %(limit_value)d characters or fewer (you typed %(show_value)d).")},
    )
    type = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("Everything")), *Kind.choices])
    tag = forms.SlugField(label=_("Tag"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Trial recruitment status"), required=False, choices=trial_status_choices)
    page = DigitsIntegerField(required=False, min_value=1, max_value=10_000)

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())
