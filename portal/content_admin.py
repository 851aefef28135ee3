"""One admin base for every moderated content type (each app's admin subclasses `ContentAdmin`).

Status is read-only in every form: it changes only through the list actions below and the buttons
on each item's change page (`ContentAdmin.transition_view`), which call `portal.actions` (and so
check the moderator permission and the review gate, write the history and update the search index
and alerts). It lives above the core because it calls those actions.

The change page's buttons are a small template override (`admin/content/change_form.html`), each a
POST form of its own above the item's form, to one admin URL per model: no JavaScript, CSRF
protected, and the send-back comment is typed inline.

A published item opens with its pending draft's values (if it has one): saving it writes the draft
(`content_save_draft`), never the live row, so the public page keeps the approved content until a
moderator publishes the draft. Its inlines (sources, variants) are read-only meanwhile. Each item has a
revisions page (linked from the change page's object tools) with "Compare with previous" and "Revert
to this version".
"""

from __future__ import annotations

import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from taggit.utils import edit_string_for_tags

from portal.actions.archive import content_archive
from portal.actions.delete import content_delete
from portal.actions.drafts import content_save_draft
from portal.actions.publish import content_publish
from portal.actions.restore import content_restore
from portal.actions.revert import content_revert
from portal.actions.save import content_changed, content_save_fields
from portal.actions.schedule import content_schedule
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content import revisions
from portal.content.diff import fields_diff
from portal.content.drafts import edits_go_to_a_draft, pending_draft_for, pending_draft_show, review_state
from portal.content.markdown import prerender_markdown
from portal.content.models import ModerationEvent, PendingDraft, Status
from portal.content.moderation import can_edit, can_edit_fields, can_moderate, latest_send_back
from portal.content.review import medical_reviewer_ids, needs_medical_review, publish_refusals
from portal.content.scheduling import SCHEDULE_FIELDS, schedule_errors, scheduled_q
from portal.content.tagging import BoundedTagField, check_tag_creation


class _TagName:
    """What taggit's `edit_string_for_tags` needs of a tag: its name."""

    def __init__(self, name: str) -> None:
        self.name = name


def _refuse(request, obj=None) -> bool:
    return False


def capfirst_label(item, name: str) -> str:
    return str(item._meta.get_field(name).verbose_name).capitalize()


def _attname_value(item, values: dict, name: str):
    return values.get(item._meta.get_field(name).attname)


def _draft_state_text(draft: PendingDraft) -> str:
    if draft.state == PendingDraft.State.IN_REVIEW:
        return _("waiting for review")
    return _("not yet submitted for review")


def _version_label(info) -> str:
    if info is None:
        return ""
    if info.pending:
        return _("Draft of the published page")
    return Status(info.status).label if info.status else ""


class LabelledInlineFormSet(BaseInlineFormSet):
    """A tabular inline names its fields only in the column headers: give every input its own
    accessible name ("Title, source 2"), so screen readers (and axe's label rule) know what it is."""

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        noun = self.model._meta.verbose_name
        row = _("new") if index is None else str(index + 1)
        for field in form.fields.values():
            if not field.widget.is_hidden:
                field.widget.attrs["aria-label"] = f"{capfirst(field.label)}, {noun} {row}"


class ModerationHistoryInline(GenericTabularInline):
    model = ModerationEvent
    ct_field = "content_type"
    ct_fk_field = "object_id"
    fields = ("created_at", "actor", "from_status", "to_status", "about_draft", "comment")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = gettext_lazy("Moderation history")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


def _refusal(item, exc: PermissionDenied | ValidationError) -> str:
    text = " ".join(getattr(exc, "messages", [str(exc)]))
    return text if str(item) in text else f"{item}: {text}"


def _apply(modeladmin, request, queryset, service, done_message: str, **kwargs) -> None:
    done, failed = 0, []
    for item in queryset:
        try:
            service(item=item, **kwargs)
            modeladmin.after_action(item)
            done += 1
        except (PermissionDenied, ValidationError) as exc:
            failed.append(_refusal(item, exc))
    if done:
        modeladmin.message_user(request, done_message % {"count": done}, messages.SUCCESS)
    for failure in failed:
        modeladmin.message_user(request, failure, messages.ERROR)


@admin.action(description=gettext_lazy("Submit for review"), permissions=["change"])
def submit_for_review(modeladmin, request, queryset):
    _apply(
        modeladmin,
        request,
        queryset,
        content_submit,
        _("%(count)d item(s) submitted for review."),
        user=request.user,
    )


@admin.action(description=gettext_lazy("Publish (asks to confirm)"), permissions=["moderate"])
def publish(modeladmin, request, queryset):
    """First a page listing what will be published and what the review gate refuses, and why; then,
    once confirmed, publish the eligible ones (each through the gate again) and report each refusal."""
    items = list(queryset)
    if "apply" in request.POST:
        _apply(
            modeladmin,
            request,
            items,
            content_publish,
            _("%(count)d item(s) published."),
            moderator=request.user,
        )
        return None
    reviewers = medical_reviewer_ids()
    rows = [(item, publish_refusals(item, request.user, reviewer_ids=reviewers)) for item in items]
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Publish these items?"),
        "opts": modeladmin.model._meta,
        "eligible": [item for item, reasons in rows if not reasons],
        "refused": [(item, reasons) for item, reasons in rows if reasons],
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/content/publish_confirm.html", context)


@admin.action(description=gettext_lazy("Archive"), permissions=["moderate"])
def archive(modeladmin, request, queryset):
    _apply(
        modeladmin,
        request,
        queryset,
        content_archive,
        _("%(count)d item(s) archived."),
        moderator=request.user,
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What needs to change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("The author sees this at the top of the item's page and gets it by e-mail."),
    )


@admin.action(description=gettext_lazy("Send back to draft (with a comment)"), permissions=["moderate"])
def send_back(modeladmin, request, queryset):
    form = SendBackForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        _apply(
            modeladmin,
            request,
            queryset,
            content_send_back,
            _("%(count)d item(s) sent back to draft."),
            moderator=request.user,
            comment=form.cleaned_data["comment"],
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Send back to draft"),
        "opts": modeladmin.model._meta,
        "queryset": queryset,
        "form": form,
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/content/send_back.html", context)


class StatusListFilter(admin.SimpleListFilter):
    """Status filter that keeps "In review" first: it is the moderators' queue."""

    title = gettext_lazy("status")
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        return [(Status.IN_REVIEW, Status.IN_REVIEW.label)] + [
            (value, label) for value, label in Status.choices if value != Status.IN_REVIEW
        ]

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


class PendingDraftListFilter(admin.SimpleListFilter):
    """Published items with a draft of changes: the moderators' second queue (their status stays Published)."""

    title = gettext_lazy("changes to a published page")
    parameter_name = "draft"

    def lookups(self, request, model_admin):
        return PendingDraft.State.choices

    def queryset(self, request, queryset):
        if self.value() not in PendingDraft.State.values:
            return queryset
        drafts = PendingDraft.objects.filter(
            content_type=ContentType.objects.get_for_model(queryset.model), state=self.value()
        )
        return queryset.filter(status=Status.PUBLISHED, pk__in=drafts.values("object_id"))
# The change page's buttons: name -> (label, the states it applies to). Who may press which is
# `ContentAdmin.available_transitions`; the action itself checks again.
TRANSITIONS = {
    "submit": (gettext_lazy("Submit for review"), {Status.DRAFT}),
    "publish": (gettext_lazy("Publish"), {Status.IN_REVIEW, Status.DRAFT}),
    "send_back": (gettext_lazy("Send back to draft"), {Status.IN_REVIEW, Status.PUBLISHED}),
    "archive": (gettext_lazy("Archive"), {Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED}),
    "restore": (gettext_lazy("Restore to draft"), {Status.ARCHIVED}),
}

TRANSITION_DONE = {
    "submit": gettext_lazy("“%(title)s” is now in review."),
    "publish": gettext_lazy("“%(title)s” is published."),
    "send_back": gettext_lazy("“%(title)s” is back in draft; the author has been told what to change."),
    "archive": gettext_lazy("“%(title)s” is archived."),
    "restore": gettext_lazy("“%(title)s” is a draft again."),
}


class ScheduledListFilter(admin.SimpleListFilter):
    """Items a moderator has scheduled: to go live (in review until then) or to leave the site."""

    title = gettext_lazy("schedule")
    parameter_name = "scheduled"

    def lookups(self, request, model_admin):
        return [
            ("any", _("Scheduled")),
            ("publish", _("Scheduled to go live")),
            ("archive", _("Scheduled to leave the site")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "any":
            return queryset.filter(scheduled_q())
        if self.value() == "publish":
            return queryset.filter(status=Status.IN_REVIEW, publish_at__isnull=False)
        if self.value() == "archive":
            return queryset.filter(status__in=[Status.IN_REVIEW, Status.PUBLISHED], archive_at__isnull=False)
        return queryset


class ContentAdmin(admin.ModelAdmin):
    list_display = (
        "title", "status", "tag_list", "author", "updated_at", "published_at", "last_reviewed", "schedule",
    )
    list_filter = (StatusListFilter, PendingDraftListFilter, ScheduledListFilter, "tags", "last_reviewed")
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("status", "author", "created_at", "updated_at", "published_at", "preview_link", "scheduled_by")
    list_select_related = ("author",)
    date_hierarchy = None
    actions = [submit_for_review, publish, send_back, archive]
    inlines = [ModerationHistoryInline]
    content_fields = ("title", "slug", "summary", "body", "tags", "last_reviewed")
    # Types that need a medical review (`MedicallyReviewed`) get these in a fieldset of their own.
    medical_review_fields = ("reviewed_by", "reviewer_name", "reviewer_credentials", "last_reviewed")
    save_on_top = True
    change_form_template = "admin/content/change_form.html"

    def after_action(self, item) -> None:
        """Called after each item a list action (submit, publish, send back, archive) changed; a type
        with its own follow-up (the glossary) overrides it."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (None, {"fields": self.content_fields, "description": self.draft_note(obj)}),
            (
                _("Moderation"),
                {
                    "fields": (
                        "status", "preview_link", "publish_at", "archive_at", "scheduled_by",
                        "author", "created_at", "updated_at", "published_at",
                    ),
                    "description": _(
                        "To publish later, a moderator sets “publish at” on an item in review: it stays in review "
                        "(not public) until then and goes live within a few minutes of that time. “Archive at” takes "
                        "a published item off the site. Empty both to cancel."
                    ),
                },
            ),
        ]
        if needs_medical_review(self.model):
            fieldsets[0] = (None, {
                "fields": tuple(f for f in self.content_fields if f != "last_reviewed"),
                "description": self.draft_note(obj),
            })
            fieldsets.insert(1, (_("Medical review"), {
                "fields": self.medical_review_fields,
                "description": _(
                    "Needed to publish: who checked the medical content, and when. Readers see “Medically "
                    "reviewed by <name>, <credentials>, on <date>”."
                ),
            }))
        return fieldsets

    # The change page's moderation buttons

    def available_transitions(self, request: HttpRequest, obj) -> list[str]:
        """The buttons `request.user` gets on `obj`'s page in its current state (publish only when
        the review gate lets them; `changeform_view` shows the reasons otherwise). A published item
        with a pending draft is submitted and published by its draft's state."""
        user = request.user
        state = review_state(obj)
        names = []
        if can_edit(user, obj) and state in TRANSITIONS["submit"][1]:
            names.append("submit")
        if can_moderate(user, obj):
            if state in TRANSITIONS["publish"][1] and not publish_refusals(obj, user):
                names.append("publish")
            names += [name for name in ("send_back", "archive", "restore") if obj.status in TRANSITIONS[name][1]]
        return names

    @staticmethod
    def _transition_call(name: str, obj, user, comment: str) -> None:
        if name == "submit":
            content_submit(item=obj, user=user)
        elif name == "publish":
            content_publish(item=obj, moderator=user)
        elif name == "send_back":
            content_send_back(item=obj, moderator=user, comment=comment)
        elif name == "archive":
            content_archive(item=obj, moderator=user)
        else:
            content_restore(item=obj, moderator=user)

    def transition_view(self, request: HttpRequest, object_id: str, transition: str) -> HttpResponse:
        return require_POST(self._transition)(request, object_id, transition)

    def _transition(self, request: HttpRequest, object_id: str, transition: str) -> HttpResponse:
        """One button on the change page: run the action, say what happened (or why not), go back."""
        if transition not in TRANSITIONS:
            raise Http404
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404
        opts = obj._meta
        back = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        try:
            self._transition_call(transition, obj, request.user, request.POST.get("comment", ""))
        except (PermissionDenied, ValidationError) as exc:
            self.message_user(request, _refusal(obj, exc), messages.ERROR)
            return HttpResponseRedirect(back)
        self.after_action(obj)
        self.message_user(request, TRANSITION_DONE[transition] % {"title": obj.title}, messages.SUCCESS)
        return HttpResponseRedirect(back)

    def moderation_context(self, request: HttpRequest, obj) -> dict:
        """The panel above the form: the buttons, why publishing is refused, the reviewer's comment."""
        opts = obj._meta
        url = f"admin:{opts.app_label}_{opts.model_name}_moderate"
        buttons = [
            {"name": name, "label": TRANSITIONS[name][0], "url": reverse(url, args=[obj.pk, name])}
            for name in self.available_transitions(request, obj)
        ]
        refusals = []
        if can_moderate(request.user, obj) and review_state(obj) == Status.IN_REVIEW:
            refusals = publish_refusals(obj, request.user)
        return {
            "moderation_buttons": buttons,
            "publish_refusals": refusals,
            "send_back_form": SendBackForm(auto_id="id_send_back_%s"),
            "latest_send_back": latest_send_back(obj),
        }

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if can_moderate(request.user, self.model):
            return readonly
        return (*readonly, *SCHEDULE_FIELDS)  # Setting a schedule approves the item: moderators only.

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("tags")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The admin wraps a POST in one transaction; render the Markdown before it, so the database
        # (SQLite's single writer) is locked only for the write itself.
        if request.method == "POST":
            prerender_markdown(self.model, request.POST.dict())
        if object_id is not None:
            obj = self.get_object(request, object_id)
            if obj is not None:
                extra_context = {**(extra_context or {}), **self.moderation_context(request, obj)}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            kwargs["form_class"] = BoundedTagField
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        draft = self.pending_draft(obj)
        draft_initial: dict = {}
        if draft is not None:
            # The form of a published item shows its pending draft: fields on the instance, tags
            # and many-to-many values as the form's initial data.
            pending_draft_show(obj, draft)
            draft_initial = {name: pks for name, pks in draft.relations.items() if name in form.base_fields}
            if "tags" in form.base_fields:
                draft_initial["tags"] = edit_string_for_tags([_TagName(name) for name in draft.tags])

        class ContentForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.initial.update(draft_initial)

            def clean_review_interval_months(self):
                value = self.cleaned_data["review_interval_months"]
                return value or self._meta.model._meta.get_field("review_interval_months").default

            def clean_tags(self):
                names = self.cleaned_data["tags"]
                check_tag_creation(request.user, names)
                return names

            def clean(self):
                cleaned = super().clean()
                if not set(SCHEDULE_FIELDS) & set(self.fields):
                    return cleaned
                item = self.instance
                values = {name: cleaned.get(name, getattr(item, name)) for name in SCHEDULE_FIELDS}
                changed = set(self.changed_data) & set(SCHEDULE_FIELDS)
                errors = schedule_errors(status=item.status, changed=changed, now=timezone.now(), **values)
                approving = "publish_at" in changed and values["publish_at"] is not None
                if approving and "publish_at" not in errors:
                    # Approving for later is approving: the review gate, judged on the values as typed.
                    candidate = copy.copy(item)
                    for model_field in item._meta.concrete_fields:
                        if model_field.name in cleaned:
                            setattr(candidate, model_field.name, cleaned[model_field.name])
                    refusals = publish_refusals(candidate, request.user)
                    if refusals:
                        errors["publish_at"] = " ".join(refusals)
                for name, message in errors.items():
                    self.add_error(name if name in self.fields else None, message)
                return cleaned

        ContentForm.__name__ = form.__name__
        for name in SCHEDULE_FIELDS:
            widgets = getattr(ContentForm.base_fields.get(name), "widget", None)
            if widgets is not None and len(getattr(widgets, "widgets", ())) == 2:
                # The date and time boxes each get a name (the field's <label> points at the date box only).
                label = ContentForm.base_fields[name].label
                widgets.widgets[0].attrs["aria-label"] = _("%(field)s: date") % {"field": label}
                widgets.widgets[1].attrs["aria-label"] = _("%(field)s: time") % {"field": label}
        if "review_interval_months" in ContentForm.base_fields:
            # Empty means the usual interval (a form posted without the field keeps working).
            ContentForm.base_fields["review_interval_months"].required = False
        return ContentForm

    def pending_draft(self, obj) -> PendingDraft | None:
        """The pending draft of a published item (looked up once per object)."""
        if obj is None or not edits_go_to_a_draft(obj):
            return None
        if not hasattr(obj, "_pending_draft"):
            obj._pending_draft = pending_draft_for(obj)
        return obj._pending_draft

    def draft_note(self, obj) -> str | None:
        """What an editor of a published item needs to know before saving."""
        if obj is None or not edits_go_to_a_draft(obj):
            return None
        draft = self.pending_draft(obj)
        if draft is None:
            text = _(
                "This page is published. Saving keeps your changes as a draft: the public sees the "
                "published version until the draft is approved."
            )
        else:
            text = _(
                "Editing a draft of a published page (%(state)s): the public sees the published version "
                "until this draft is approved."
            ) % {"state": _draft_state_text(draft)}
        lists = _("Lists below the form (such as sources) change only after the page is sent back to draft.")
        return format_html('<strong class="draft-note">{}</strong> {}', text, lists)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is not None and edits_go_to_a_draft(obj):
            # A published item's related rows are live: they stay read-only while its edits are drafts.
            for inline in inlines:
                inline.max_num = 0
                inline.has_add_permission = _refuse
                inline.has_change_permission = _refuse
                inline.has_delete_permission = _refuse
        return inlines

    def change_view(self, request, object_id, form_url="", extra_context=None):
        opts = self.model._meta
        revisions_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_revisions", args=[object_id])
        extra_context = {**(extra_context or {}), "revisions_url": revisions_url}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/revisions/", view(self.revisions_view), name=f"{name}_revisions"),
            path(
                "<path:object_id>/revisions/<int:version_id>/compare/",
                view(self.revision_compare_view),
                name=f"{name}_revision_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:version_id>/revert/",
                view(require_POST(self.revision_revert_view)),
                name=f"{name}_revision_revert",
            ),
            # The change page's moderation buttons (POST only: `transition_view`).
            path("<path:object_id>/moderate/<slug:transition>/", view(self.transition_view), name=f"{name}_moderate"),
            *super().get_urls(),
        ]

    def _revision_item(self, request: HttpRequest, object_id: str):
        """The item of a revisions URL: 404 if there is none (or the id is not one), 403 if the user may not see it."""
        item = self.get_object(request, unquote(object_id))
        if item is None:
            raise Http404(_("No such item."))
        if not self.has_view_or_change_permission(request, item):
            raise PermissionDenied
        return item

    def _revision_context(self, request: HttpRequest, item, **extra) -> dict:
        opts = self.model._meta
        return {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": item,
            "revisions_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_revisions", args=[item.pk]),
            **extra,
        }

    def revisions_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Every revision of the item, newest first: who, when, why, with compare and revert."""
        item = self._revision_item(request, object_id)
        opts = self.model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        may_revert = self.has_change_permission(request, item)
        versions = list(revisions.item_versions(item))
        # What the public sees now: the newest revision that was not a draft, while the item is published.
        live = next(
            (v for v in versions if not getattr(getattr(v.revision, "info", None), "pending", True)), None
        ) if item.status == Status.PUBLISHED else None
        rows = []
        for index, version in enumerate(versions):
            info = getattr(version.revision, "info", None)
            user = version.revision.user
            label = _version_label(info)
            if version is live:
                label = _("%(label)s: what the public sees now") % {"label": label}
            rows.append({
                "version": version,
                "user_name": (user.get_full_name() or user.get_username()) if user is not None else _("the system"),
                "label": label,
                "compare_url": reverse(f"{name}_revision_compare", args=[item.pk, version.pk])
                if index < len(versions) - 1
                else "",
                "revert_url": reverse(f"{name}_revision_revert", args=[item.pk, version.pk])
                if may_revert and index > 0
                else "",
            })
        draft = pending_draft_for(item) if item.status == Status.PUBLISHED else None
        context = self._revision_context(
            request,
            item,
            title=_("Revisions of “%(title)s”") % {"title": item.title},
            rows=rows,
            pending_draft_state=_draft_state_text(draft) if draft is not None else "",
        )
        return TemplateResponse(request, "admin/content/revisions/list.html", context)

    def revision_compare_view(self, request: HttpRequest, object_id: str, version_id: int) -> HttpResponse:
        """A word-level diff of the title, summary and body of one revision against the one before it."""
        item = self._revision_item(request, object_id)
        version = get_object_or_404(revisions.item_versions(item), pk=version_id)
        previous = revisions.previous_version(item, version)
        new = revisions.version_values(version)
        old = revisions.version_values(previous) if previous is not None else {}
        spec = revisions.spec_for(item)
        labels = {
            name: capfirst_label(item, name) for name in ("title", "summary", "body") if name in spec.fields
        }
        other_changes = [
            capfirst_label(item, name)
            for name in spec.fields
            if name not in labels and _attname_value(item, old, name) != _attname_value(item, new, name)
        ]
        if previous is not None and revisions.version_tags(previous) != revisions.version_tags(version):
            other_changes.append(_("Tags"))
        context = self._revision_context(
            request,
            item,
            title=_("Compare revisions of “%(title)s”") % {"title": item.title},
            version=version,
            previous=previous,
            diffs=fields_diff(old, new, labels),
            other_changes=other_changes,
        )
        return TemplateResponse(request, "admin/content/revisions/compare.html", context)

    def revision_revert_view(self, request: HttpRequest, object_id: str, version_id: int) -> HttpResponse:
        """POST: copy the revision back as a new draft revision (a published item gets a pending draft)."""
        item = self._revision_item(request, object_id)
        if not self.has_change_permission(request, item):
            raise PermissionDenied
        version = get_object_or_404(revisions.item_versions(item), pk=version_id)
        was_published = edits_go_to_a_draft(item)
        try:
            content_revert(item=item, version=version, user=request.user)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return HttpResponseRedirect(self._revision_context(request, item)["revisions_url"])
        if was_published:
            text = _(
                "That version is now a draft of the published page. The public sees the published version "
                "until a moderator publishes the draft: submit it for review when it is ready."
            )
        else:
            text = _("That version has been brought back as a new revision. The item is still %(status)s.") % {
                "status": item.get_status_display().lower()
            }
        self.message_user(request, text, messages.SUCCESS)
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]))

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # Published items open read-only for editors (can_edit_fields says why).
        if obj is not None and not can_edit_fields(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return can_moderate(request.user, self.model)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Published history matters: archive instead. Superusers can still delete.
        return request.user.is_superuser

    @admin.display(description=gettext_lazy("tags"))
    def tag_list(self, obj) -> str:
        return ", ".join(tag.name for tag in obj.tags.all())

    @admin.display(description=gettext_lazy("preview"))
    def preview_link(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "-"
        opts = obj._meta
        url = reverse("preview", kwargs={"app_label": opts.app_label, "model_name": opts.model_name, "pk": obj.pk})
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Preview as the public will see it")
        )

    def delete_model(self, request, obj) -> None:
        content_delete(item=obj, user=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for item in queryset:
            content_delete(item=item, user=request.user)

    @admin.display(description=gettext_lazy("schedule"))
    def schedule(self, obj) -> str:
        """"Goes live 3 December 2026, 09:00" / "Leaves the site ..." / "-"."""
        parts = []
        if obj.status == Status.IN_REVIEW and obj.publish_at:
            when = date_format(timezone.localtime(obj.publish_at), "j M Y, H:i")
            parts.append(_("Goes live %(when)s") % {"when": when})
        if obj.status in {Status.IN_REVIEW, Status.PUBLISHED} and obj.archive_at:
            when = date_format(timezone.localtime(obj.archive_at), "j M Y, H:i")
            parts.append(_("Leaves the site %(when)s") % {"when": when})
        return "; ".join(parts) or "-"

    def save_model(self, request, obj, form, change) -> None:
        # A changed schedule is an approval and goes through its own action (permission, two-person
        # rule, who set it), on the live row at once: it is not an edit of the page's text.
        changed = [name for name in SCHEDULE_FIELDS if name in form.fields and name in form.changed_data]
        wanted = {name: getattr(obj, name) for name in SCHEDULE_FIELDS}
        for name in changed:
            setattr(obj, name, form.initial.get(name))
        if edits_go_to_a_draft(obj):
            if changed:
                content_schedule(item=obj, moderator=request.user, **wanted)
            return  # A published item's edit is its pending draft, written in save_related with the tags.
        # Fields only: the tags and inlines are saved after this, in save_related.
        content_save_fields(item=obj, user=request.user)
        if changed:
            content_schedule(item=obj, moderator=request.user, **wanted)

    def save_related(self, request, form, formsets, change) -> None:
        item = form.instance
        if edits_go_to_a_draft(item):
            spec = revisions.spec_for(item)
            content_save_draft(
                item=item,
                user=request.user,
                tags=form.cleaned_data.get("tags") if "tags" in form.cleaned_data else None,
                relations={
                    name: sorted(related.pk for related in form.cleaned_data[name])
                    for name in spec.relations
                    if name in form.cleaned_data
                },
            )
            self.message_user(
                request,
                _(
                    "Your changes are saved as a draft. The public sees the published version until a "
                    "moderator publishes the draft: submit it for review when it is ready."
                ),
                messages.INFO,
            )
            for formset in formsets:  # read-only while the item is published: nothing of theirs is saved
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            return
        super().save_related(request, form, formsets, change)
        # Everything is written now: a revision, and the search index and alerts, once (the admin view's transaction).
        content_changed(item=item, user=request.user)
