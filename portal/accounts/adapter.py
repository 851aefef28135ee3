"""allauth in the portal's voice: the site name from settings (never the host name), and the
"Sign in to save" intent carried through sign-up, e-mail confirmation and log-in (see intents.py)."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest

from .intents import intent_from_request, intent_path, intent_perform, with_intent


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        site = SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)
        super().send_mail(
            template_prefix,
            email,
            {**context, "current_site": site, "SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL},
        )

    def get_email_confirmation_url(self, request: HttpRequest, emailconfirmation) -> str:
        url = super().get_email_confirmation_url(request, emailconfirmation)
        return with_intent(url, intent_from_request(request) if request is not None else None)

    def post_login(self, request: HttpRequest, user, *, redirect_url: str | None, **kwargs):
        intent = intent_path(redirect_url, request=request)
        if intent:
            redirect_url = intent_perform(request, intent) or redirect_url
        return super().post_login(request, user, redirect_url=redirect_url, **kwargs)
