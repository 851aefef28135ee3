from django.contrib import admin

from portal.content_admin import ContentAdmin, LabelledInlineFormSet
from trials.evidence_admin import EvidenceLinksAdmin, OutdatedListFilter

from .models import Article, Source


class SourceInline(admin.TabularInline):
    model = Source
    formset = LabelledInlineFormSet
    extra = 1
    fields = ("title", "url", "position")


@admin.register(Article)
class ArticleAdmin(EvidenceLinksAdmin, ContentAdmin):
    content_fields = (*ContentAdmin.content_fields, "review_interval_months", "related_trials", "evidence_notes")
    readonly_fields = (*ContentAdmin.readonly_fields, "evidence_notes")
    list_filter = (*ContentAdmin.list_filter, OutdatedListFilter)
    actions = [*ContentAdmin.actions, *EvidenceLinksAdmin.evidence_admin_actions]
    inlines = [SourceInline, *ContentAdmin.inlines]
