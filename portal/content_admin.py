"""One admin base for every moderated content type (each app's admin subclasses `ContentAdmin`).

Status is read-only in every form: it changes only through the list actions below and the buttons
on each item's change page (`ContentAdmin.transition_view`), which call `portal.actions` (and so
check the moderator permission and the review gate, write the history and update the search index
and alerts). It lives above the core because it calls those actions.

The change page's buttons are a small template override (`admin/content/change_form.html`), each a
POST form of its own above the item's form, to one admin URL per model: no JavaScript, CSRF
protected, and the send-back comment is typed inline.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.actions.archive import content_archive
from portal.actions.delete import content_delete
from portal.actions.publish import content_publish
from portal.actions.restore import content_restore
from portal.actions.save import content_changed, content_save_fields
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.markdown import prerender_markdown
from portal.content.models import ModerationEvent, Status
from portal.content.moderation import can_edit, can_edit_fields, can_moderate, latest_send_back
from portal.content.review import medical_reviewer_ids, needs_medical_review, publish_refusals
from portal.content.tagging import BoundedTagField, check_tag_creation


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
    fields = ("created_at", "actor", "from_status", "to_status", "comment")
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


class ContentAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "tag_list", "author", "updated_at", "published_at", "last_reviewed")
    list_filter = (StatusListFilter, "tags", "last_reviewed")
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("status", "author", "created_at", "updated_at", "published_at", "preview_link")
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
            (None, {"fields": self.content_fields}),
            (
                _("Moderation"),
                {"fields": ("status", "preview_link", "author", "created_at", "updated_at", "published_at")},
            ),
        ]
        if needs_medical_review(self.model):
            fieldsets[0] = (None, {"fields": tuple(f for f in self.content_fields if f != "last_reviewed")})
            fieldsets.insert(1, (_("Medical review"), {
                "fields": self.medical_review_fields,
                "description": _(
                    "Needed to publish: who checked the medical content, and when. Readers see “Medically "
                    "reviewed by <name>, <credentials>, on <date>”."
                ),
            }))
        return fieldsets

    # The change page's moderation buttons

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/moderate/<slug:transition>/",
                self.admin_site.admin_view(self.transition_view),
                name=f"{opts.app_label}_{opts.model_name}_moderate",
            ),
            *super().get_urls(),
        ]

    def available_transitions(self, request: HttpRequest, obj) -> list[str]:
        """The buttons `request.user` gets on `obj`'s page in its current state (publish only when
        the review gate lets them; `changeform_view` shows the reasons otherwise)."""
        user = request.user
        names = []
        if can_edit(user, obj) and obj.status in TRANSITIONS["submit"][1]:
            names.append("submit")
        if can_moderate(user, obj):
            if obj.status in TRANSITIONS["publish"][1] and not publish_refusals(obj, user):
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
        if can_moderate(request.user, obj) and obj.status == Status.IN_REVIEW:
            refusals = publish_refusals(obj, request.user)
        return {
            "moderation_buttons": buttons,
            "publish_refusals": refusals,
            "send_back_form": SendBackForm(auto_id="id_send_back_%s"),
            "latest_send_back": latest_send_back(obj),
        }

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
        if "tags" not in form.base_fields:
            return form

        def clean_tags(self):
            names = self.cleaned_data["tags"]
            check_tag_creation(request.user, names)
            return names

        return type(form.__name__, (form,), {"clean_tags": clean_tags})

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

    def save_model(self, request, obj, form, change) -> None:
        # Fields only: the tags and inlines are saved after this, in save_related.
        content_save_fields(item=obj, user=request.user)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # Everything is written now: search index and alerts follow, once (the admin view's transaction).
        content_changed(item=form.instance)
