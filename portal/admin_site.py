"""The admin site, whose home page is the editorial dashboard.

The dashboard shows what the signed-in editor should do next: their drafts, what was sent back to
them (with the comment), what waits for review and for how long, reader questions by state, trial
registry changes since they last looked, and searches that found nothing. Each list is a fixed number
of queries whatever the number of items (tests/content/test_dashboard.py).

`dashboard` in the context is one dict of sections; templates/admin/index.html shows each in its own
block; `scheduled`, `review_due` and `outdated` (rows {"title", "url", "note"}) come from the selectors
`scheduled_items()`, `review_due_items()` (portal.content.selectors) and `outdated_items()` (trials.evidence).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faq.models import Submission, SubmissionState
from portal.accounts.services import trial_changes_mark_seen
from portal.content import dashboard
from portal.content.models import Status
from portal.content.search.selectors import top_failed_searches
from portal.content.selectors import content_models, review_due_items, scheduled_items
from portal.login_limits import AdminLoginForm, with_429
from trials.evidence import outdated_items
from trials.models import TrialChange

TRIAL_CHANGES_SHOWN = 20
FAILED_SEARCHES_SHOWN = 5
FAILED_SEARCH_DAYS = 30
DASHBOARD_LIST_SHOWN = 20


def _change_url(item) -> str:
    opts = item._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        return ""


def _may_view(request: HttpRequest, item) -> bool:
    opts = item._meta
    return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def _row(item, **extra) -> dict:
    return {"title": item.title, "url": _change_url(item), "kind": item._meta.verbose_name, "item": item, **extra}


class PortalAdminSite(admin.AdminSite):
    site_header = "MS Research Portal: editors"
    site_title = "MS Research Portal admin"
    index_title = "Editorial dashboard"
    login_form = AdminLoginForm

    def login(self, request, extra_context=None):
        # The failed-login limit of members' log-ins (allauth's), answered with 429: portal/login_limits.py.
        return with_429(super().login(request, extra_context))

    def get_urls(self):
        return [
            path(
                "dashboard/trial-changes-seen/",
                self.admin_view(require_POST(self.trial_changes_seen_view)),
                name="trial_changes_seen",
            ),
            *super().get_urls(),
        ]

    def trial_changes_seen_view(self, request: HttpRequest):
        until = parse_datetime(request.POST.get("until", ""))
        trial_changes_mark_seen(user=request.user, until=until)
        messages.success(request, _("Registry changes marked as seen."))
        return HttpResponseRedirect(reverse("admin:index"))

    def index(self, request, extra_context=None):
        context = {
            "review_queue": self.review_queue(request),
            "dashboard": self.dashboard(request),
            **(extra_context or {}),
        }
        return super().index(request, context)

    def review_queue(self, request: HttpRequest) -> list[dict]:
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
        return queue

    def dashboard(self, request: HttpRequest) -> dict:
        user = request.user
        drafts = dashboard.drafts_of(user)
        sent_back = dashboard.sent_back_to(user, drafts=drafts)
        return {
            "my_drafts": [_row(item, sent_back=item.sent_back) for item in drafts],
            "sent_back": [
                _row(item, comment=item.last_comment, by=item.last_actor, at=item.last_event_at) for item in sent_back
            ],
            "waiting": [
                _row(item, age=timesince(item.submitted_at, depth=1), since=item.submitted_at)
                for item in dashboard.waiting_for_review()
            ],
            "questions": self.questions_by_state(request),
            "trial_changes": self.trial_changes(request),
            "failed_searches": self.failed_searches(request),
            "scheduled": self.scheduled(request),
            "review_due": self.review_due(request),
            "outdated": self.outdated(request),
        }

    # The scheduled publishing, review-due and outdated-evidence lists: rows ({"title", "url", "note"})
    # from their selectors, each a fixed number of queries.

    def scheduled(self, request: HttpRequest) -> list[dict]:
        rows = []
        for row in scheduled_items(limit=DASHBOARD_LIST_SHOWN):
            if not _may_view(request, row.item):
                continue
            when = date_format(timezone.localtime(row.when), "j M Y, H:i")
            note = _("goes live %(when)s") if row.what == "publish" else _("leaves the site %(when)s")
            rows.append({"title": f"{row.kind}: {row.item.title}", "url": row.admin_url, "note": note % {"when": when}})
        return rows

    def review_due(self, request: HttpRequest) -> list[dict]:
        rows = []
        for row in review_due_items(limit=DASHBOARD_LIST_SHOWN):
            if not _may_view(request, row.item):
                continue
            note = (
                _("review due since %(date)s") % {"date": date_format(row.when, "j M Y")}
                if row.when
                else _("never medically reviewed")
            )
            rows.append({"title": f"{row.kind}: {row.item.title}", "url": row.admin_url, "note": note})
        return rows

    def outdated(self, request: HttpRequest) -> list[dict]:
        return [
            {"title": flag.item.title, "url": _change_url(flag.item), "note": flag.text}
            for flag in outdated_items(limit=DASHBOARD_LIST_SHOWN)
            if flag.item is not None and _may_view(request, flag.item)
        ]

    def questions_by_state(self, request: HttpRequest) -> list[dict]:
        if not request.user.has_perm("faq.view_submission"):
            return []
        counts = dict(Submission.objects.order_by().values_list("state").annotate(n=Count("pk")))
        url = reverse("admin:faq_submission_changelist")
        return [
            {"label": label, "count": counts.get(value, 0), "url": f"{url}?state__exact={value}"}
            for value, label in SubmissionState.choices
        ]

    def trial_changes(self, request: HttpRequest) -> dict | None:
        if not request.user.has_perm("trials.view_trial"):
            return None
        seen_at = request.user.trial_changes_seen_at
        changes = TrialChange.objects.select_related("trial").order_by("-changed_at", "-pk")
        if seen_at is not None:
            changes = changes.filter(changed_at__gt=seen_at)
        rows = list(changes[: TRIAL_CHANGES_SHOWN + 1])
        return {
            "rows": [
                {"change": change, "trial": change.trial, "url": _change_url(change.trial)}
                for change in rows[:TRIAL_CHANGES_SHOWN]
            ],
            "more": len(rows) > TRIAL_CHANGES_SHOWN,
            "seen_at": seen_at,
            "until": rows[0].changed_at.isoformat() if rows else "",
        }

    def failed_searches(self, request: HttpRequest) -> dict | None:
        if not request.user.has_perm("content.view_failedsearch"):
            return None
        try:
            url = reverse("admin:content_failedsearch_changelist")
        except NoReverseMatch:
            url = ""
        return {
            "rows": top_failed_searches(days=FAILED_SEARCH_DAYS, limit=FAILED_SEARCHES_SHOWN),
            "url": url,
            "days": FAILED_SEARCH_DAYS,
        }
