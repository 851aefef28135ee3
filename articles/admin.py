from django.contrib import admin

from portal.content_admin import ContentAdmin, LabelledInlineFormSet

from .models import Article, Source


class SourceInline(admin.TabularInline):
    model = Source
    formset = LabelledInlineFormSet
    extra = 1
    fields = ("title", "url", "position")


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    content_fields = (*ContentAdmin.content_fields, "related_trials")
    filter_horizontal = ("related_trials",)
    inlines = [SourceInline, *ContentAdmin.inlines]
