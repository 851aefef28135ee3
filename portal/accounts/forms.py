from __future__ import annotations

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "alert_frequency"]
        widgets = {"alert_frequency": forms.RadioSelect}
        help_texts = {
            # The same sentence as on the question form (faq.forms.AskForm.consent): one promise, worded once.
            "display_name": _(
                "Optional. How we greet you in our e-mails. Your name and e-mail address are never published."
            ),
        }


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To make sure it is really you."),
    )

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not right. Your account has not been deleted."))
        return password


class LoginForm(allauth_forms.LoginForm):
    """allauth's log-in form without the reset link in the password help: the page has its own link."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
