from __future__ import annotations

import secrets
import time

from django import forms
from django.apps import apps
from django.core import signing
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from portal import ratelimit
from portal.content.params import parse_label_and_id
from portal.content.selectors import is_content_model
from portal.content.tagging import BoundedTagField, check_tag_creation
from portal.content.validators import MAX_SUMMARY_LENGTH, MarkdownLengthValidator, validate_single_line

from .models import Category, Question

MIN_FILL_SECONDS = 3
STARTED_SALT = "faq.ask.started"
STARTED_MAX_AGE = 60 * 60 * 24


def started_token(seconds_ago: float = 0) -> str:
    """A signed "the form was shown at" timestamp with a nonce: the minimum fill time, usable once."""
    return signing.dumps({"t": time.time() - seconds_ago, "n": secrets.token_urlsafe(16)}, salt=STARTED_SALT)


def token_use(nonce: str) -> bool:
    """Record that a fill-time token was used to send a question; False if it already was (atomic)."""
    return ratelimit.use_once("faq-ask-token", nonce, STARTED_MAX_AGE)


def about_key(item: Model) -> str:
    """The `about` value of an "Ask about this" link: "articles.article:12"."""
    return f"{item._meta.label_lower}:{item.pk}"


def resolve_about(value: str) -> Model | None:
    """The published content item an `about` value names, or None."""
    parsed = parse_label_and_id(value)
    if parsed is None:
        return None
    label, pk = parsed
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if not is_content_model(model):
        return None
    return model.objects.published().filter(pk=pk).first()


class AccessibleErrorsMixin:
    """Point each invalid field at its error message (its id is "<field id>_error")."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            field_id = self[name].auto_id
            described = [f"{field_id}_error"]
            if self.fields[name].help_text:
                described.append(f"{field_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(described)


class AskForm(AccessibleErrorsMixin, forms.Form):
    """Validates a reader's question; the honeypot and fill time are checked as form errors."""

    question = forms.CharField(
        label=_("Your question"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Between 10 and 2,000 characters. Please do not include names or other personal details."),
        error_messages={
            "required": _("Please write your question."),
            "min_length": _("Your question is too short: write at least %(limit_value)d characters."),
            "max_length": _("Your question is too long: keep it to %(limit_value)d characters."),
        },
    )
    context = forms.CharField(
        label=_("Anything that would help us answer"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. For example, what you have already read."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_(
            "Optional. We will e-mail you once, when your question is answered or if we cannot answer it, "
            "then delete the address. "
            "It is never shown on the site."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("My question may be published anonymously, possibly shortened or reworded, with an answer."),
        help_text=_("Your name and e-mail address are never published."),
        error_messages={"required": _("Please agree that your question may be published anonymously.")},
    )
    about = forms.CharField(required=False, widget=forms.HiddenInput)
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: people never see or reach it (see the template); bots fill it in.
    website = forms.CharField(required=False)

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            del self.fields["email"]
        if not self.is_bound:
            self.initial.setdefault("started", started_token())

    def clean_about(self) -> Model | None:
        value = self.cleaned_data.get("about", "")
        return resolve_about(value) if value else None

    def clean(self) -> dict:
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(
                _("We could not accept this. If you used autofill, please check the form and send it again."),
                code="honeypot",
            )
        try:
            started = signing.loads(data.get("started", ""), salt=STARTED_SALT, max_age=STARTED_MAX_AGE)
            started_at, self.token_nonce = float(started["t"]), str(started["n"])
        except (signing.BadSignature, TypeError, KeyError, ValueError):
            self.data = self.data.copy()
            self.data["started"] = started_token()
            raise forms.ValidationError(
                _("This form had expired. Please check your question and send it again."), code="expired"
            ) from None
        if time.time() - started_at < MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was quicker than we expected. Please check your question and send it again."),
                code="too_fast",
            )
        return data

    @property
    def about_item(self) -> Model | None:
        if hasattr(self, "cleaned_data") and "about" in self.cleaned_data:
            return self.cleaned_data["about"]
        return resolve_about(self["about"].value() or "")

    def submission_data(self) -> dict:
        """What `faq.services.submission_create` takes, from valid data."""
        return {
            "question": self.cleaned_data["question"],
            "context": self.cleaned_data["context"],
            "email": self.cleaned_data.get("email", ""),
            "about": self.cleaned_data["about"],
        }


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The asker sees this on their “My questions” page and, if we have an address, in one e-mail that also "
            "points to where help may be found. Be kind and, if you can, say where to look."
        ),
    )


class MergeForm(forms.Form):
    question = forms.ModelChoiceField(
        label=_("The published FAQ that answers it"),
        queryset=None,
        help_text=_("Likely duplicates are listed first."),
    )

    def __init__(self, *args, candidates=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = Question.objects.published().order_by("title")
        first = list(candidates)
        others = [q for q in self.fields["question"].queryset if q not in first]
        self.fields["question"].choices = [("", "---------")] + [(q.pk, q.title) for q in first + others]


class MergeChoiceForm(forms.Form):
    """One published FAQ picked with a radio button from the listed (searched or similar) ones."""

    question = forms.ModelChoiceField(
        label=_("The published FAQ that answers it"),
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the FAQ that answers the question."),
                        "invalid_choice": _("Choose a published FAQ from the list.")},
    )

    def __init__(self, *args, candidates=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = Question.objects.published()
        self.fields["question"].choices = [(q.pk, q.title) for q in candidates]


class AnswerForm(forms.Form):
    title = forms.CharField(label=_("FAQ question (title)"), max_length=255, validators=[validate_single_line])
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=MAX_SUMMARY_LENGTH,
        help_text=_("One or two plain-language sentences shown in lists and search results."),
    )
    body = forms.CharField(
        label=_("Answer"), widget=forms.Textarea(attrs={"rows": 12}), help_text=_("Markdown. Answer in general terms."),
        validators=[MarkdownLengthValidator()],
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=None)
    tags = BoundedTagField(
        label=_("Tags"), required=False,
        help_text=_("Comma-separated, for example: CAR T, Safety. Use existing tags where you can."),
    )

    field_order = ["title", "category", "tags", "summary", "body"]

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["category"].queryset = Category.objects.all()

    def clean_tags(self) -> list[str]:
        names = self.cleaned_data["tags"]
        check_tag_creation(self.user, names)
        return names
