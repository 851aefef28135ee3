from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from faq.forms import AccessibleErrorsMixin

from .models import DigestFrequency


class SubscribeForm(AccessibleErrorsMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to confirm it first. Nothing else is ever sent to it."),
        error_messages={
            "required": _("Please give the e-mail address to send the news to."),
            "invalid": _("Enter an e-mail address like name@example.org."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"), choices=DigestFrequency.choices, initial=DigestFrequency.MONTHLY, widget=forms.RadioSelect
    )
    # The honeypot: hidden from people (see the template); bots fill it in.
    website = forms.CharField(required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(
                _("We could not accept this. If you used autofill, please check the form and send it again."),
                code="honeypot",
            )
        return data


class MemberDigestForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Research news by e-mail"),
        choices=[*DigestFrequency.choices, ("never", _("No, thank you"))],
        widget=forms.RadioSelect,
    )
