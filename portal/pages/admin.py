from django.contrib import admin

from .models import EditorProfile, TagInfo


@admin.register(EditorProfile)
class EditorProfileAdmin(admin.ModelAdmin):
    list_display = ("name", "role", "credentials", "is_public")
    list_filter = ("is_public",)
    search_fields = ("name", "role", "credentials")
    prepopulated_fields = {"slug": ("name",)}
    list_select_related = ("user",)
    raw_id_fields = ("user",)


@admin.register(TagInfo)
class TagInfoAdmin(admin.ModelAdmin):
    list_display = ("tag", "description", "updated_at")
    search_fields = ("tag__name", "description")
    list_select_related = ("tag",)
    autocomplete_fields = ("tag",)
