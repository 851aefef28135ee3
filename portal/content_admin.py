"""One admin base for every moderated content type (each app's admin subclasses `ContentAdmin`).

Status is read-only in every form: it changes only through the admin actions below, which call
`portal.actions` (and so check the moderator permission, write the history and update the search
index and alerts). It lives above the core because it calls those actions.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.actions.archive import content_archive
from portal.actions.delete import content_delete
from portal.actions.publish import content_publish
from portal.actions.save import content_changed, content_save_fields
from portal.actions.schedule import content_schedule
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.markdown import prerender_markdown
from portal.content.models import ModerationEvent, Status
from portal.content.moderation import can_edit_fields, can_moderate
from portal.content.scheduling import SCHEDULE_FIELDS, own_item_error, schedule_errors, scheduled_q
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


def _apply(modeladmin, request, queryset, service, done_message: str, **kwargs) -> None:
    done, failed = 0, []
    for item in queryset:
        try:
            service(item=item, **kwargs)
            modeladmin.after_action(item)
            done += 1
        except (PermissionDenied, ValidationError) as exc:
            failed.append(f"{item}: {' '.join(getattr(exc, 'messages', [str(exc)]))}")
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


@admin.action(description=gettext_lazy("Publish"), permissions=["moderate"])
def publish(modeladmin, request, queryset):
    _apply(
        modeladmin,
        request,
        queryset,
        content_publish,
        _("%(count)d item(s) published."),
        moderator=request.user,
    )


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
        help_text=gettext_lazy("The author sees this in the item's moderation history."),
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
    list_filter = (StatusListFilter, ScheduledListFilter, "tags", "last_reviewed")
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("status", "author", "created_at", "updated_at", "published_at", "preview_link", "scheduled_by")
    list_select_related = ("author",)
    date_hierarchy = None
    actions = [submit_for_review, publish, send_back, archive]
    inlines = [ModerationHistoryInline]
    content_fields = ("title", "slug", "summary", "body", "tags", "last_reviewed")
    save_on_top = True

    def after_action(self, item) -> None:
        """Called after each item a list action (submit, publish, send back, archive) changed; a type
        with its own follow-up (the glossary) overrides it."""

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": self.content_fields}),
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
        return super().changeform_view(request, object_id, form_url, extra_context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            kwargs["form_class"] = BoundedTagField
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)

        class ContentForm(form):
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
                refusal = own_item_error(request.user, item, approving)
                if refusal and "publish_at" not in errors:
                    errors["publish_at"] = refusal
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
        # Fields only: the tags and inlines are saved after this, in save_related. A changed schedule
        # is an approval and goes through its own action (permission, two-person rule, who set it).
        changed = [name for name in SCHEDULE_FIELDS if name in form.fields and name in form.changed_data]
        wanted = {name: getattr(obj, name) for name in SCHEDULE_FIELDS}
        for name in changed:
            setattr(obj, name, form.initial.get(name))
        content_save_fields(item=obj, user=request.user)
        if changed:
            content_schedule(item=obj, moderator=request.user, **wanted)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # Everything is written now: search index and alerts follow, once (the admin view's transaction).
        content_changed(item=form.instance)
