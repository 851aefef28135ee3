from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from faq.forms import AskForm

SUBJECTS = [
    ("correction", _("A mistake or something out of date")),
    ("trial", _("A trial listing")),
    ("feedback", _("Feedback on the site")),
    ("other", _("Something else")),
]


class ContactForm(AskForm):
    """A message to the editors. The question form's checks (honeypot, minimum fill time) apply unchanged."""

    subject = forms.ChoiceField(
        label=_("What is it about?"), choices=SUBJECTS, widget=forms.RadioSelect, initial="other"
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("consent", "about"):
            del self.fields[name]
        question = self.fields["question"]
        question.label = _("Your message")
        question.help_text = _(
            "Between 10 and 2,000 characters. If it is about a page, paste its address. "
            "Please do not include details about your own health."
        )
        question.error_messages = {
            **question.error_messages,
            "required": _("Please write your message."),
            "min_length": _("Your message is too short: write at least %(limit_value)d characters."),
            "max_length": _("Your message is too long: keep it to %(limit_value)d characters."),
        }
        self.fields["context"] = forms.CharField(
            label=_("Your name"),
            required=False,
            max_length=120,
            widget=forms.TextInput(attrs={"autocomplete": "name"}),
            help_text=_("Optional. Only the editors see it."),
        )
        if "email" in self.fields:
            self.fields["email"].help_text = _(
                "Optional: only if you would like a reply. We delete it once we have replied or closed your message."
            )
        self.order_fields(["subject", "question", "context", "email"])

    def clean_about(self):
        return None

    def submission_data(self) -> dict:
        subject = dict(SUBJECTS)[self.cleaned_data["subject"]]
        name = self.cleaned_data["context"].strip()
        return {
            "question": self.cleaned_data["question"],
            "context": f"{subject}" + (f" · {name}" if name else ""),
            "email": self.cleaned_data.get("email", ""),
        }
