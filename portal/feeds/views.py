from __future__ import annotations

import time

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from faq.throttle import client_ip

from . import digest
from .forms import MemberDigestForm, SubscribeForm
from .models import DigestSubscription

SUBSCRIBE_LIMIT = 5
SUBSCRIBE_WINDOW = 60 * 60


def _limited(request: HttpRequest) -> bool:
    """At most SUBSCRIBE_LIMIT confirmation mails an hour from one address: the form cannot be used to spam."""
    key = f"digest-subscribe:{client_ip(request)}"
    now = time.time()
    recent = [stamp for stamp in cache.get(key, []) if stamp > now - SUBSCRIBE_WINDOW]
    if len(recent) >= SUBSCRIBE_LIMIT:
        return True
    cache.set(key, [*recent, now], SUBSCRIBE_WINDOW)
    return False


@method_decorator(never_cache, name="dispatch")
class SubscribeView(View):
    template_name = "feeds/subscribe.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": SubscribeForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = SubscribeForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        if _limited(request):
            return render(request, self.template_name, {"form": form, "rate_limited": True}, status=429)
        digest.digest_subscribe(email=form.cleaned_data["email"], frequency=form.cleaned_data["frequency"])
        return render(request, "feeds/subscribe_sent.html", {"email": form.cleaned_data["email"]})


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """GET shows a button (mail scanners open links; only a person confirms); POST confirms."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = DigestSubscription.objects.filter(token=token).first()
        return render(request, "feeds/confirm.html", {"subscription": subscription, "token": token})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = digest.digest_confirm(token=token)
        if subscription is None:
            raise Http404
        return render(request, "feeds/confirmed.html", {"subscription": subscription})


@method_decorator(never_cache, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")  # RFC 8058: mail programs POST here with no cookie or token
class UnsubscribeView(View):
    """One click: the link in every digest. GET asks (link scanners), POST deletes at once."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        subscription = DigestSubscription.objects.filter(token=token).first()
        return render(request, "feeds/unsubscribe.html", {"subscription": subscription, "token": token})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        digest.digest_unsubscribe(token=token)
        # The same answer whether or not it existed: done either way.
        return render(request, "feeds/unsubscribed.html")


@method_decorator(verified_email_required, name="dispatch")
class MemberDigestView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        form = MemberDigestForm(request.POST)
        if form.is_valid():
            frequency = form.cleaned_data["frequency"]
            digest.digest_member_set(user=request.user, frequency=None if frequency == "never" else frequency)
            if frequency == "never":
                messages.success(request, _("You will not get the research news digest."))
            else:
                messages.success(
                    request, _("You will get the research news digest at %(email)s.") % {"email": request.user.email}
                )
        return redirect("accounts:profile")
