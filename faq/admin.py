from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.content.cache import bump_content_generation
from portal.content.markdown import render_markdown
from portal.content.validators import MAX_MARKDOWN_LENGTH
from portal.content_admin import ContentAdmin
from trials.evidence_admin import EvidenceLinksAdmin, OutdatedListFilter

from . import selectors, services
from .forms import AnswerForm, DeclineForm, MergeChoiceForm, MergeForm
from .models import Category, Question, Submission, SubmissionKind, SubmissionState

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


@admin.action(description=gettext_lazy("Answer (write a new FAQ for medical review)"), permissions=["answer"])
def answer(modeladmin, request, queryset):
    """The answer needs the full answer page (preview, similar FAQs): open it for the one question chosen."""
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Choose exactly one question to answer."), messages.WARNING)
        return None
    return HttpResponseRedirect(reverse("admin:faq_submission_answer", args=[queryset.get().pk]))


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """The queue, and on each question's page the buttons for what may happen next (plain POST forms).

    Start review, Answer (a new FAQ sent to medical review), Merge into a published FAQ and Decline
    each have their own page or button here and call `faq.services`, which checks the permission."""

    # Possible duplicates are on each question's own page (one site-search ranking per question, not per row).
    list_display = ("reference", "question_excerpt", "notes", "state", "created_at")
    list_display_links = ("reference", "question_excerpt")
    list_filter = ("state", "kind", "flagged_personal")
    search_fields = ("reference", "question", "context")
    list_select_related = ("user", "answer")
    ordering = ("-created_at", "-pk")
    actions = [start_review, decline, merge, answer]
    change_form_template = "admin/faq/submission/change_form.html"
    fields = (
        "reference", "kind", "state", "personal_warning", "flagged_personal", "question", "context", "about_link",
        "asker", "email", "duplicates_detail", "answer_link", "decline_reason", "reviewed_by", "created_at",
        "updated_at", "notified_at",
    )
    readonly_fields = tuple(name for name in fields if name != "flagged_personal")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Submission]:
        return super().get_queryset(request).prefetch_related("about")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_review_permission(self, request: HttpRequest) -> bool:
        return services.can_review(request.user)

    def has_answer_permission(self, request: HttpRequest) -> bool:
        return services.can_answer(request.user)

    # The question's own page: buttons and the answer, merge and decline pages.

    def get_urls(self):
        def view(method):
            return self.admin_site.admin_view(method)

        return [
            path("<path:object_id>/start-review/", view(self.start_review_view), name="faq_submission_start_review"),
            path("<path:object_id>/answer/", view(self.answer_view), name="faq_submission_answer"),
            path("<path:object_id>/merge/", view(self.merge_view), name="faq_submission_merge"),
            path("<path:object_id>/decline/", view(self.decline_view), name="faq_submission_decline"),
            *super().get_urls(),
        ]

    def _submission(self, request: HttpRequest, object_id: str) -> Submission:
        submission = self.get_object(request, unquote(object_id))
        if submission is None or not self.has_view_permission(request, submission):
            raise Http404(_("There is no such reader question."))
        return submission

    def _change_url(self, submission: Submission) -> str:
        return reverse("admin:faq_submission_change", args=[submission.pk])

    def _done(self, request: HttpRequest, submission: Submission, write: Callable[[], object], message) -> bool:
        """Run a service call; report a refusal as an error message instead of a 500. True if it worked."""
        try:
            write()
        except (PermissionDenied, ValidationError) as exc:
            self.message_user(request, " ".join(getattr(exc, "messages", [str(exc)])), messages.ERROR)
            return False
        self.message_user(request, message, messages.SUCCESS)
        return True

    def next_steps(self, request: HttpRequest, submission: Submission) -> dict:
        """Which buttons the current user gets for this question in its current state."""
        is_open = submission.is_open
        review = is_open and services.can_review(request.user)
        is_question = submission.kind == SubmissionKind.QUESTION
        return {
            "start_review": review and submission.state == SubmissionState.RECEIVED,
            "answer": is_open and is_question and services.can_answer(request.user),
            "merge": review and is_question,
            "decline": review,
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        submission = self.get_object(request, unquote(object_id))
        extra = dict(extra_context or {})
        if submission is not None:
            extra["next_steps"] = self.next_steps(request, submission)
            extra["submission"] = submission
            extra["decline_form"] = DeclineForm(auto_id="id_decline_%s")
        return super().change_view(request, object_id, form_url, extra)

    def _page(self, request: HttpRequest, submission: Submission, template: str, title: str, **context):
        return TemplateResponse(
            request,
            f"admin/faq/submission/{template}",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "subtitle": submission.reference,
                "opts": self.model._meta,
                "original": submission,
                "submission": submission,
                "change_url": self._change_url(submission),
                **context,
            },
        )

    def start_review_view(self, request: HttpRequest, object_id: str):
        submission = self._submission(request, object_id)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        self._done(
            request,
            submission,
            lambda: services.submission_start_review(submission=submission, editor=request.user),
            _("%(reference)s is now in review, with you as its reviewer.") % {"reference": submission.reference},
        )
        return HttpResponseRedirect(self._change_url(submission))

    def answer_view(self, request: HttpRequest, object_id: str):
        submission = self._submission(request, object_id)
        if not services.can_answer(request.user):
            raise PermissionDenied
        initial = {"title": Truncator(" ".join(submission.question.split())).chars(255)}
        form = AnswerForm(request.POST if request.method == "POST" else None, initial=initial, user=request.user)
        preview = ""
        if request.method == "POST" and "preview" in request.POST:
            # Preview: render what was typed and show it all again, unchanged and not yet validated
            # (errors are for sending). Works without JavaScript; admin-answer-preview.js only saves the click.
            preview = render_markdown(request.POST.get("body", "")[:MAX_MARKDOWN_LENGTH])
            form = AnswerForm(initial=request.POST.dict(), user=request.user)
        elif form.is_bound and form.is_valid():
            try:
                faq = services.submission_answer(submission=submission, editor=request.user, **form.cleaned_data)
            except (PermissionDenied, ValidationError) as exc:
                self.message_user(request, " ".join(getattr(exc, "messages", [str(exc)])), messages.ERROR)
            else:
                self.message_user(
                    request,
                    format_html(
                        _(
                            "“{}” is now a new FAQ in review. A medical reviewer must approve it before it is "
                            "published; the asker is told once it is. <a href=\"{}\">Open the FAQ</a>"
                        ),
                        faq.title,
                        reverse("admin:faq_question_change", args=[faq.pk]),
                    ),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(self._change_url(submission))
        return self._page(
            request,
            submission,
            "answer.html",
            _("Answer the reader question"),
            form=form,
            preview=preview,
            similar=selectors.similar_questions(submission.question),
            media=self.media,
        )

    def merge_view(self, request: HttpRequest, object_id: str):
        submission = self._submission(request, object_id)
        if not services.can_review(request.user):
            raise PermissionDenied
        query = request.GET.get("q", "").strip()[:200]
        candidates = selectors.merge_candidates(query=query, question_text=submission.question)
        form = MergeChoiceForm(request.POST if request.method == "POST" else None, candidates=candidates)
        if form.is_bound:
            # The chosen FAQ may come from an earlier search: accept any published FAQ, show it as chosen.
            chosen = form.fields["question"].queryset.filter(pk=request.POST.get("question") or None).first()
            if chosen is not None and chosen not in candidates:
                form.fields["question"].choices = [(chosen.pk, chosen.title), *form.fields["question"].choices]
            if form.is_valid():
                target = form.cleaned_data["question"]
                if self._done(
                    request,
                    submission,
                    lambda: services.submission_merge(submission=submission, editor=request.user, question=target),
                    _("%(reference)s merged into “%(title)s”; the asker will be told where the answer is.")
                    % {"reference": submission.reference, "title": target.title},
                ):
                    return HttpResponseRedirect(self._change_url(submission))
        return self._page(
            request, submission, "merge.html", _("Merge into an existing FAQ"), form=form, query=query,
            searched=bool(query),
        )

    def decline_view(self, request: HttpRequest, object_id: str):
        submission = self._submission(request, object_id)
        if not services.can_review(request.user):
            raise PermissionDenied
        form = DeclineForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            if self._done(
                request,
                submission,
                lambda: services.submission_decline(submission=submission, editor=request.user, reason=reason),
                _("%(reference)s declined; the asker sees your reason.") % {"reference": submission.reference},
            ):
                return HttpResponseRedirect(self._change_url(submission))
        return self._page(request, submission, "decline.html", _("Decline the reader question"), form=form)

    # Columns and read-only fields.

    @admin.display(description=gettext_lazy("question"))
    def question_excerpt(self, obj: Submission) -> str:
        return Truncator(obj.question).chars(120)

    @admin.display(description=gettext_lazy("notes and asker"))
    def notes(self, obj: Submission) -> str:
        parts = []
        if obj.flagged_personal:
            parts.append(self.personal_warning(obj))
        if obj.kind == SubmissionKind.CONTACT:
            parts.append(format_html('<span class="submission-kind">{}</span>', obj.get_kind_display()))
        if obj.about is not None:
            parts.append(format_html(_("About: {}"), self.about_link(obj)))
        parts.append(self.asker(obj))
        return format_html_join(mark_safe("<br>"), "{}", ((part,) for part in parts))

    @admin.display(description=gettext_lazy("looks personal"))
    def personal_warning(self, obj: Submission) -> str:
        if not obj.flagged_personal:
            return _("No")
        return format_html(
            '<span class="personal-warning"><span class="personal-warning-icon" aria-hidden="true">⚠</span> {}</span>',
            _("Looks personal: answer in general terms"),
        )

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
    def duplicates_detail(self, obj: Submission) -> str:
        candidates = selectors.similar_questions(obj.question, limit=DUPLICATES_SHOWN)
        if not candidates:
            return "-"
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", '<li><a href="{}">{}</a></li>', ((q.get_absolute_url(), q.title) for q in candidates)),
        )

    @admin.display(description=gettext_lazy("answered by"))
    def answer_link(self, obj: Submission) -> str:
        if obj.answer is None:
            return "-"
        url = reverse("admin:faq_question_change", args=[obj.answer.pk])
        return format_html('<a href="{}">{}</a> ({})', url, obj.answer.title, obj.answer.get_status_display())
