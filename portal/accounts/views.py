"""Member pages. Every view works on the signed-in member's own rows only."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from portal.content.selectors import is_content_model, public_tag_or_404
from trials.models import Trial, TrialFollow

from . import selectors, services
from .forms import AccountDeleteForm, ProfileForm
from .models import Bookmark, TagFollow
from .templatetags.accounts_tags import follow_button_context, save_button_context


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@dataclass(frozen=True)
class FollowTarget:
    """One kind of thing a member can follow: how the follow view finds it, follows and describes it."""

    get: Callable[[dict], Any]  # URL kwargs -> the target (or Http404)
    url: Callable[[Any], str]
    is_following: Callable[..., bool]  # (user=, target) -> bool
    follow: Callable[..., Any]  # (user=, target)
    unfollow: Callable[..., None]
    followed: str  # messages, formatted with the target's name as %(name)s
    unfollowed: str
    name: Callable[[Any], str]


FOLLOW_TARGETS = {
    "trial": FollowTarget(
        get=lambda kwargs: get_object_or_404(Trial.objects.published(), pk=kwargs["pk"]),
        url=lambda trial: trial.get_absolute_url(),
        is_following=lambda user, target: selectors.is_following(user=user, trial=target),
        follow=lambda user, target: services.trial_follow(user=user, trial=target),
        unfollow=lambda user, target: services.trial_unfollow(user=user, trial=target),
        followed=gettext_lazy(
            "You are following “%(name)s”. We will e-mail you when its status, sites or dates change."
        ),
        unfollowed=gettext_lazy("You no longer follow “%(name)s”."),
        name=lambda trial: trial.title,
    ),
    "tag": FollowTarget(
        get=lambda kwargs: public_tag_or_404(kwargs["slug"]),  # tags only drafts use do not exist
        url=lambda tag: reverse("tag", args=[tag.slug]),
        is_following=lambda user, target: selectors.is_following(user=user, tag=target),
        follow=lambda user, target: services.tag_follow(user=user, tag=target),
        unfollow=lambda user, target: services.tag_unfollow(user=user, tag=target),
        followed=gettext_lazy(
            "You are following “%(name)s”. We will e-mail you when something new is published about it."
        ),
        unfollowed=gettext_lazy("You no longer follow “%(name)s”."),
        name=lambda tag: tag.name,
    ),
}


@method_decorator(never_cache, name="dispatch")
@method_decorator(verified_email_required, name="dispatch")
class ToggleView(View):
    """Save/unsave or follow/unfollow: `activate` says which way (set in the URLconf).

    GET shows a one-click confirmation (where "Sign in to save" lands after signing in); it exists
    only for the activating URL. POST acts, then returns to `next`, or answers JSON for the small script."""

    activate: bool = True
    template_name = "accounts/confirm.html"

    def setup(self, request, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        if not self.activate:
            self.http_method_names = ["post"]

    # Each kind of toggle says how to find its target, act on it and draw its button.
    def get_target(self):
        raise NotImplementedError

    def act(self, target) -> None:
        raise NotImplementedError

    def is_active(self, target) -> bool:
        raise NotImplementedError

    def button_context(self, target, *, active: bool, next_url: str) -> tuple[str, dict]:
        raise NotImplementedError

    def success_message(self, target) -> str:
        raise NotImplementedError

    def target_url(self, target) -> str:
        return target.get_absolute_url()

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        target = self.get_target()
        next_url = _safe_next(request, self.target_url(target))
        template, context = self.button_context(target, active=self.is_active(target), next_url=next_url)
        html = render_to_string(
            self.template_name,
            {"target": target, "target_url": next_url, "button": render_to_string(template, context, request)},
            request,
        )
        return HttpResponse(html)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        target = self.get_target()
        self.act(target)
        next_url = _safe_next(request, self.target_url(target))
        message = self.success_message(target)
        if _wants_json(request):
            template, context = self.button_context(target, active=self.activate, next_url=next_url)
            html = render_to_string(template, context, request)
            return JsonResponse({"active": self.activate, "message": message, "html": html})
        messages.success(request, message)
        return HttpResponseRedirect(next_url)


class SaveToggleView(ToggleView):
    """Save (activate=True) or unsave any published item of a registered content type."""

    def get_target(self):
        content_type = get_object_or_404(ContentType, pk=self.kwargs["content_type_id"])
        model = content_type.model_class()
        if model is None or not is_content_model(model):
            raise Http404
        self.content_type = content_type
        return get_object_or_404(model.objects.published(), pk=self.kwargs["object_id"])

    def act(self, target) -> None:
        if self.activate:
            services.bookmark_create(user=self.request.user, item=target)
        else:
            services.bookmark_delete(user=self.request.user, content_type=self.content_type, object_id=target.pk)

    def is_active(self, target) -> bool:
        return Bookmark.objects.filter(
            user=self.request.user, content_type=self.content_type, object_id=target.pk
        ).exists()

    def button_context(self, target, *, active: bool, next_url: str) -> tuple[str, dict]:
        context = save_button_context(request=self.request, item=target, saved=active, next_url=next_url)
        return "accounts/_save_button.html", context

    def success_message(self, target) -> str:
        if self.activate:
            return _("Saved “%(title)s”. Find it under My saved items.") % {"title": target.title}
        return _("Removed “%(title)s” from your saved items.") % {"title": target.title}


class FollowToggleView(ToggleView):
    """Follow (activate=True) or unfollow a target of the kind `kind` names in FOLLOW_TARGETS."""

    kind: str = ""

    @property
    def follow_target(self) -> FollowTarget:
        return FOLLOW_TARGETS[self.kind]

    def get_target(self):
        return self.follow_target.get(self.kwargs)

    def target_url(self, target) -> str:
        return self.follow_target.url(target)

    def act(self, target) -> None:
        action = self.follow_target.follow if self.activate else self.follow_target.unfollow
        action(user=self.request.user, target=target)

    def is_active(self, target) -> bool:
        return self.follow_target.is_following(user=self.request.user, target=target)

    def button_context(self, target, *, active: bool, next_url: str) -> tuple[str, dict]:
        context = follow_button_context(
            request=self.request, following=active, next_url=next_url, **{self.kind: target}
        )
        return "accounts/_follow_button.html", context

    def success_message(self, target) -> str:
        template = self.follow_target.followed if self.activate else self.follow_target.unfollowed
        return str(template) % {"name": self.follow_target.name(target)}


@method_decorator(never_cache, name="dispatch")
class BookmarkListView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/bookmark_list.html"

    def get_context_data(self, **kwargs):
        kinds = selectors.content_kinds()
        kind = self.request.GET.get("type")
        kind = kind if kind in kinds else None
        return super().get_context_data(
            entries=selectors.saved_entries(user=self.request.user, kind=kind),
            kinds=[(key, model._meta.verbose_name_plural) for key, model in kinds.items()],
            kind=kind,
            **kwargs,
        )


class BookmarkDeleteView(LoginRequiredMixin, View):
    """Remove a row from My saved items, also for items that are no longer published."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        get_object_or_404(Bookmark, pk=pk, user=request.user).delete()
        messages.success(request, _("Removed from your saved items."))
        return HttpResponseRedirect(_safe_next(request, reverse("accounts:bookmarks")))


class FollowDeleteView(LoginRequiredMixin, View):
    http_method_names = ["post"]
    models = {"trial": TrialFollow, "tag": TagFollow}

    def post(self, request: HttpRequest, kind: str, pk: int) -> HttpResponse:
        if kind not in self.models:
            raise Http404
        get_object_or_404(self.models[kind], pk=pk, user=request.user).delete()
        messages.success(request, _("You no longer follow it."))
        return redirect("accounts:profile")


@method_decorator(never_cache, name="dispatch")
class ProfileView(LoginRequiredMixin, FormView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm
    success_url = reverse_lazy("accounts:profile")

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.request.user}

    def form_valid(self, form: ProfileForm) -> HttpResponse:
        services.profile_update(user=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Your profile has been saved."))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            trial_follows=selectors.trial_follows(user=self.request.user),
            tag_follows=selectors.tag_follows(user=self.request.user),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class ExportView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        data = services.account_export(user=request.user)
        data["exported_at"] = timezone.now().isoformat()
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
        )
        filename = f"my-data-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


@method_decorator(never_cache, name="dispatch")
class AccountDeleteView(LoginRequiredMixin, FormView):
    template_name = "accounts/account_delete.html"
    form_class = AccountDeleteForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form: AccountDeleteForm) -> HttpResponse:
        user = self.request.user
        logout(self.request)
        services.account_delete(user=user)
        messages.success(self.request, _("Your account and your personal data have been deleted."))
        return redirect("home")
