"""The admin site, with the moderators' review queue on its index page."""

from __future__ import annotations

from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from faq.models import Submission, SubmissionState
from portal.content.models import Status
from portal.content.selectors import content_models
from portal.login_limits import AdminLoginForm, with_429


class PortalAdminSite(admin.AdminSite):
    site_header = "MS Research Portal: editors"
    site_title = "MS Research Portal admin"
    index_title = "Editorial work"
    login_form = AdminLoginForm

    def login(self, request, extra_context=None):
        # The failed-login limit of members' log-ins (allauth's), answered with 429: portal/login_limits.py.
        return with_429(super().login(request, extra_context))

    def index(self, request, extra_context=None):
        queue = []
        for model in content_models():
            opts = model._meta
            if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
                continue
            try:
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            except NoReverseMatch:
                continue
            queue.append(
                {
                    "name": opts.verbose_name_plural,
                    "url": f"{url}?status__exact={Status.IN_REVIEW}",
                    "count": model.objects.in_review().count(),
                }
            )
        if request.user.has_perm("faq.view_submission"):
            queue.append(
                {
                    "name": Submission._meta.verbose_name_plural,
                    "url": reverse("admin:faq_submission_changelist") + f"?state__exact={SubmissionState.RECEIVED}",
                    "count": Submission.objects.filter(state=SubmissionState.RECEIVED).count(),
                    "label": "new",
                }
            )
        return super().index(request, {"review_queue": queue, **(extra_context or {})})
