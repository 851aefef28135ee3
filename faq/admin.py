from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.content.cache import bump_content_generation
from portal.content_admin import ContentAdmin
from trials.evidence_admin import EvidenceLinksAdmin, OutdatedListFilter

from . import selectors, services
from .forms import AnswerForm, DeclineForm, MergeForm
from .models import Category, Question, Submission

DUPLICATES_SHOWN = 3


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "position")
    prepopulated_fields = {"slug": ("name",)}

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        transaction.on_commit(bump_content_generation)  # Category names and order show on the FAQ pages.

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        transaction.on_commit(bump_content_generation)


@admin.register(Question)
class QuestionAdmin(EvidenceLinksAdmin, ContentAdmin):
    list_display = (*ContentAdmin.list_display[:2], "category", "featured", *ContentAdmin.list_display[2:])
    list_filter = (*ContentAdmin.list_filter, "category", "featured", OutdatedListFilter)
    list_select_related = ("author", "category")
    content_fields = (
        "category", "position", "featured", *ContentAdmin.content_fields, "review_interval_months",
        "related_trials", "evidence_notes",
    )
    readonly_fields = (*ContentAdmin.readonly_fields, "evidence_notes")
    actions = [*ContentAdmin.actions, *EvidenceLinksAdmin.evidence_admin_actions]


# Reader questions: the editors' queue. Every action calls faq.services, which checks permissions.


def _each(modeladmin, request, queryset, write: Callable[[Submission], object], done_message: str) -> None:
    done = 0
    for submission in queryset:
        try:
            write(submission)
            done += 1
        except (PermissionDenied, ValidationError) as exc:
            modeladmin.message_user(
                request, f"{submission.reference}: {' '.join(getattr(exc, 'messages', [str(exc)]))}", messages.ERROR
            )
    if done:
        modeladmin.message_user(request, done_message % {"count": done}, messages.SUCCESS)


def _action_page(modeladmin, request, queryset, *, action: str, title: str, form, submit_label: str, **extra):
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.model._meta,
        "queryset": queryset,
        "form": form,
        "action": action,
        "submit_label": submit_label,
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
        **extra,
    }
    return TemplateResponse(request, "admin/faq/submission/action_form.html", context)


@admin.action(description=gettext_lazy("Start review"), permissions=["review"])
def start_review(modeladmin, request, queryset):
    _each(
        modeladmin,
        request,
        queryset,
        lambda s: services.submission_start_review(submission=s, editor=request.user),
        _("%(count)d question(s) now in review."),
    )


@admin.action(description=gettext_lazy("Decline (with a reason the asker sees)"), permissions=["review"])
def decline(modeladmin, request, queryset):
    form = DeclineForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        _each(
            modeladmin,
            request,
            queryset,
            lambda s: services.submission_decline(submission=s, editor=request.user, reason=reason),
            _("%(count)d question(s) declined."),
        )
        return None
    return _action_page(
        modeladmin, request, queryset, action="decline", title=_("Decline reader questions"), form=form,
        submit_label=_("Decline"),
    )


@admin.action(description=gettext_lazy("Merge into an existing FAQ"), permissions=["review"])
def merge(modeladmin, request, queryset):
    candidates = selectors.similar_questions(queryset[0].question) if queryset.count() == 1 else []
    form = MergeForm(request.POST if "apply" in request.POST else None, candidates=candidates)
    if form.is_valid():
        target = form.cleaned_data["question"]
        _each(
            modeladmin,
            request,
            queryset,
            lambda s: services.submission_merge(submission=s, editor=request.user, question=target),
            _("%(count)d question(s) merged; the askers will be told where the answer is."),
        )
        return None
    return _action_page(
        modeladmin, request, queryset, action="merge", title=_("Merge into an existing FAQ"), form=form,
        submit_label=_("Merge and tell the asker"), candidates=candidates,
    )


@admin.action(description=gettext_lazy("Answer and publish as a new FAQ"), permissions=["answer"])
def answer_and_publish(modeladmin, request, queryset):
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Choose exactly one question to answer."), messages.WARNING)
        return None
    submission = queryset.get()
    initial = {"title": Truncator(" ".join(submission.question.split())).chars(255)}
    form = AnswerForm(request.POST if "apply" in request.POST else None, initial=initial)
    if form.is_valid():
        try:
            faq = services.submission_answer_and_publish(
                submission=submission, moderator=request.user, **form.cleaned_data
            )
        except (PermissionDenied, ValidationError) as exc:
            modeladmin.message_user(request, " ".join(getattr(exc, "messages", [str(exc)])), messages.ERROR)
            return None
        modeladmin.message_user(
            request,
            format_html(
                _("Published “{}” and told the asker. <a href=\"{}\">View the FAQ</a>"),
                faq.title,
                faq.get_absolute_url(),
            ),
            messages.SUCCESS,
        )
        return None
    return _action_page(
        modeladmin, request, queryset, action="answer_and_publish", title=_("Answer and publish as a new FAQ"),
        form=form, submit_label=_("Publish the answer and tell the asker"), submission=submission,
        candidates=selectors.similar_questions(submission.question),
    )


class SubmissionChangeList(ChangeList):
    def get_results(self, request: HttpRequest) -> None:
        """Rank duplicate candidates for the whole page against one load of the published FAQs."""
        super().get_results(request)
        corpus = selectors.published_corpus()
        for submission in self.result_list:
            submission.duplicate_candidates = selectors.rank_similar(submission.question, corpus, DUPLICATES_SHOWN)


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = (
        "reference", "question_excerpt", "kind", "state", "flagged_personal", "about_link", "asker", "created_at",
        "duplicates",
    )
    list_display_links = ("reference", "question_excerpt")
    list_filter = ("state", "kind", "flagged_personal")
    search_fields = ("reference", "question", "context")
    list_select_related = ("user", "answer")
    ordering = ("-created_at", "-pk")
    actions = [start_review, decline, merge, answer_and_publish]
    fields = (
        "reference", "kind", "state", "flagged_personal", "question", "context", "about_link", "asker", "email",
        "duplicates_detail", "answer_link", "decline_reason", "reviewed_by", "created_at", "updated_at", "notified_at",
    )
    readonly_fields = tuple(name for name in fields if name != "flagged_personal")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Submission]:
        return super().get_queryset(request).prefetch_related("about")

    def get_changelist(self, request, **kwargs):
        return SubmissionChangeList

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_review_permission(self, request: HttpRequest) -> bool:
        return services.can_review(request.user)

    def has_answer_permission(self, request: HttpRequest) -> bool:
        return services.can_answer(request.user)

    @admin.display(description=gettext_lazy("question"))
    def question_excerpt(self, obj: Submission) -> str:
        return Truncator(obj.question).chars(120)

    @admin.display(description=gettext_lazy("asked about"))
    def about_link(self, obj: Submission) -> str:
        if obj.about is None:
            return "-"
        return format_html('<a href="{}">{}</a>', obj.about.get_absolute_url(), obj.about)

    @admin.display(description=gettext_lazy("asker"))
    def asker(self, obj: Submission) -> str:
        if obj.user_id:
            return _("Member: %(name)s") % {"name": obj.user}
        return _("Visitor (asked to be told)") if obj.email else _("Visitor")

    @admin.display(description=gettext_lazy("possible duplicates"))
    def duplicates(self, obj: Submission) -> str:
        candidates = getattr(obj, "duplicate_candidates", None)
        if candidates is None:
            candidates = selectors.similar_questions(obj.question, limit=DUPLICATES_SHOWN)
        if not candidates:
            return "-"
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", '<li><a href="{}">{}</a></li>', ((q.get_absolute_url(), q.title) for q in candidates)),
        )

    @admin.display(description=gettext_lazy("possible duplicates"))
    def duplicates_detail(self, obj: Submission) -> str:
        return self.duplicates(obj)

    @admin.display(description=gettext_lazy("answered by"))
    def answer_link(self, obj: Submission) -> str:
        if obj.answer is None:
            return "-"
        url = reverse("admin:faq_question_change", args=[obj.answer.pk])
        return format_html('<a href="{}">{}</a> ({})', url, obj.answer.title, obj.answer.get_status_display())
