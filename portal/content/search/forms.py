from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..params import DigitsIntegerField
from ..registry import content_types
from .selectors import MAX_QUERY_LENGTH


def kind_choices() -> list[tuple[str, str]]:
    return [("", _("Everything")), *((spec.kind, spec.label) for spec in content_types())]


def state_choices() -> list[tuple[str, str]]:
    """"Any", then every state the registered types offer (text.OPEN_STATE among them, for "open")."""
    choices = [("", _("Any status"))]
    for spec in content_types():
        choices += [choice for choice in spec.state_choices if choice not in choices]
    return choices


def state_filter_label() -> str:
    return next((spec.state_filter_label for spec in content_types() if spec.state_filter_label), _("Status"))


class SearchForm(forms.Form):
    """The search box and its filters; every field is optional and shows up in the address."""

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Use %(limit_value)d characters or fewer (you typed %(show_value)d).")},
    )
    type = forms.ChoiceField(label=_("Type"), required=False, choices=kind_choices)
    tag = forms.SlugField(label=_("Tag"), required=False, max_length=100)
    status = forms.ChoiceField(required=False, choices=state_choices)
    page = DigitsIntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].label = state_filter_label()

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())
