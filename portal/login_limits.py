"""Brute-force protection for the admin log-in, with allauth's own failed-login limit.

Members log in through allauth, whose `login_failed` limit (ACCOUNT_RATE_LIMITS, by default 10 a
minute per address and 5 per 5 minutes per account) counts failures in the shared cache under a
cache lock. The admin log-in form here consumes the very same counters (same action, same key:
"<site domain>:<e-mail address>"), so a moderator's account is locked the same way whichever page is
attacked, and the admin needs no second library and no second configuration (django-axes would
keep its own tables, settings and lock-out rules beside allauth's).

The key is the account's e-mail address when the typed name belongs to an account, and otherwise
the typed name itself, so an unknown name is limited exactly like a known one: the lock-out says
nothing about which accounts exist. A successful log-in gives back the one failure unit it took.
"""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from allauth.core.internal import ratelimit as allauth_ratelimit
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate, get_user_model
from django.db.models import Q
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

RATE_LIMITED_CODE = "too_many_login_attempts"
TOO_MANY_MESSAGE = _(
    "Too many failed log-in attempts. For your safety, logging in is paused for a few minutes: "
    "please wait, then try again (or reset your password)."
)


def account_key(request: HttpRequest, login: str) -> str:
    """allauth's failed-login key for what was typed (a username or an e-mail address)."""
    login = login.strip()
    user = get_user_model().objects.filter(Q(username__iexact=login) | Q(email__iexact=login)).first()
    login = user.email if user is not None and user.email else login
    return get_adapter(request)._get_login_attempts_cache_key(request, email=login)


def consume_failed_login(request: HttpRequest, login: str):
    """Take one unit of allauth's failed-login limits (address and account); None when one is used up."""
    return allauth_ratelimit.consume(
        request, app="allauth.account", action="login_failed", key=account_key(request, login)
    )


class AdminLoginForm(AdminAuthenticationForm):
    error_messages = {**AdminAuthenticationForm.error_messages, RATE_LIMITED_CODE: TOO_MANY_MESSAGE}

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            usage = consume_failed_login(self.request, username)
            if usage is None:
                raise forms.ValidationError(self.error_messages[RATE_LIMITED_CODE], code=RATE_LIMITED_CODE)
            self.user_cache = authenticate(self.request, username=username, password=password)
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            usage.rollback()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


def is_rate_limited(form) -> bool:
    return form is not None and any(
        error.code == RATE_LIMITED_CODE for error in form.errors.as_data().get(forms.forms.NON_FIELD_ERRORS, [])
    )


def with_429(response):
    """A log-in page whose form was refused by the limit answers 429 Too Many Requests."""
    if isinstance(response, TemplateResponse) and is_rate_limited((response.context_data or {}).get("form")):
        response.status_code = 429
    return response
