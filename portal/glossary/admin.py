from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.content.search.expansion import expansion_group_delete
from portal.content_admin import ContentAdmin

from .models import Term, Variant
from .services import glossary_item_changed, glossary_version_bump, search_group
from .text import normalise


class VariantFormSet(forms.BaseInlineFormSet):
    """Catches a name typed twice in one save, or a variant that repeats the preferred term."""

    def clean(self) -> None:
        super().clean()
        seen: dict[str, str] = {}
        title_key = normalise(self.instance.title)
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            text = form.cleaned_data.get("text") or ""
            key = normalise(text)
            if not key:
                continue
            if key == title_key:
                form.add_error("text", _("“%(text)s” is already the preferred term.") % {"text": text})
            elif key in seen:
                message = _("“%(text)s” is listed twice (as “%(other)s”).") % {"text": text, "other": seen[key]}
                form.add_error("text", message)
            seen[key] = text


class VariantInline(admin.TabularInline):
    model = Variant
    formset = VariantFormSet
    fields = ("text", "kind", "match_case")
    extra = 3


@admin.register(Term)
class TermAdmin(ContentAdmin):
    list_display = ("title", "category", "variant_list", "status", "updated_at", "last_reviewed")
    list_filter = (*ContentAdmin.list_filter[:2], "category", "last_reviewed")
    search_fields = ("title", "body", "variants__text")
    list_select_related = ()
    content_fields = ("title", "slug", "category", "body", "last_reviewed")
    readonly_fields = tuple(f for f in ContentAdmin.readonly_fields if f != "preview_link") + ("public_link",)
    inlines = [VariantInline, *ContentAdmin.inlines]

    def after_action(self, item) -> None:
        glossary_item_changed(item)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        glossary_item_changed(form.instance)

    def delete_model(self, request, obj):
        expansion_group_delete(search_group(obj))
        super().delete_model(request, obj)
        glossary_version_bump()

    def delete_queryset(self, request, queryset):
        for term in queryset:
            expansion_group_delete(search_group(term))
        super().delete_queryset(request, queryset)
        glossary_version_bump()

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": self.content_fields, "description": self.draft_note(obj)}),
            (
                _("Moderation"),
                {"fields": ("status", "public_link", "author", "created_at", "updated_at", "published_at")},
            ),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "title" in form.base_fields:
            form.base_fields["title"].label = _("Preferred term")
        if "body" in form.base_fields:
            form.base_fields["body"].label = _("Definition")
            form.base_fields["body"].help_text = _(
                "Markdown. One to three plain-language sentences in our own words; no promises of a cure."
            )
        return form

    def get_queryset(self, request):
        return super(ContentAdmin, self).get_queryset(request).prefetch_related("variants")

    @admin.display(description=gettext_lazy("variants"))
    def variant_list(self, obj: Term) -> str:
        return ", ".join(variant.text for variant in obj.variants.all())

    @admin.display(description=gettext_lazy("public page"))
    def public_link(self, obj: Term) -> str:
        if obj is None or obj.pk is None or not obj.is_published:
            return _("Shown on the glossary once published.")
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Open the public page"))
