"""The admin site, with the moderators' review queue on its index page."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import NoReverseMatch, reverse


class PortalAdminSite(admin.AdminSite):
    site_header = "MS Research Portal: editors"
    site_title = "MS Research Portal admin"
    index_title = "Editorial work"

    def login(self, request, extra_context=None):
        # The failed-login limit of members' log-ins (allauth's), answered with 429: portal/login_limits.py.
        # Imported here: this module is loaded with the app registry, before models are.
        from portal.login_limits import AdminLoginForm, with_429

        self.login_form = AdminLoginForm
        return with_429(super().login(request, extra_context))

    def index(self, request, extra_context=None):
        from portal.content.models import Status
        from portal.content.selectors import content_models

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
            from faq.models import Submission, SubmissionState

            queue.append(
                {
                    "name": Submission._meta.verbose_name_plural,
                    "url": reverse("admin:faq_submission_changelist") + f"?state__exact={SubmissionState.RECEIVED}",
                    "count": Submission.objects.filter(state=SubmissionState.RECEIVED).count(),
                    "label": "new",
                }
            )
        return super().index(request, {"review_queue": queue, **(extra_context or {})})


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"
