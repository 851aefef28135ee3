from django.contrib import admin
from django.db import transaction

from portal.content.cache import bump_content_generation

from .models import EditorProfile, TagInfo


class PublicPagesAdmin(admin.ModelAdmin):
    """Profiles and topic descriptions show on public pages: a change starts a new cache generation."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        transaction.on_commit(bump_content_generation)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(bump_content_generation)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        transaction.on_commit(bump_content_generation)


@admin.register(EditorProfile)
class EditorProfileAdmin(PublicPagesAdmin):
    list_display = ("name", "role", "credentials", "is_public")
    list_filter = ("is_public",)
    search_fields = ("name", "role", "credentials")
    prepopulated_fields = {"slug": ("name",)}
    list_select_related = ("user",)
    raw_id_fields = ("user",)


@admin.register(TagInfo)
class TagInfoAdmin(PublicPagesAdmin):
    list_display = ("tag", "description", "updated_at")
    search_fields = ("tag__name", "description")
    list_select_related = ("tag",)
    autocomplete_fields = ("tag",)
