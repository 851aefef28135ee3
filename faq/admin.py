from django.contrib import admin

from portal.content.admin import ContentAdmin

from .models import Category, Question


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "position")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    list_display = (*ContentAdmin.list_display[:2], "category", "featured", *ContentAdmin.list_display[2:])
    list_filter = (*ContentAdmin.list_filter, "category", "featured")
    list_select_related = ("author", "category")
    content_fields = ("category", "position", "featured", *ContentAdmin.content_fields)
