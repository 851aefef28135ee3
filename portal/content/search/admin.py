"""Search in the admin: editors' picks, and the queries that found nothing (last 30 days) with next steps."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .models import FailedSearch, SearchPromotion, SearchPromotionItem
from .selectors import FAILED_DAYS, top_failed_searches


class SearchPromotionItemInline(admin.TabularInline):
    model = SearchPromotionItem
    extra = 1
    max_num = 3
    fields = ("position", "content_type", "object_id")


@admin.register(SearchPromotion)
class SearchPromotionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "note", "updated_at")
    search_fields = ("queries", "note")
    inlines = [SearchPromotionItemInline]

    def get_changeform_initial_data(self, request):
        return {"queries": request.GET.get("queries", "")}


def _link(name: str, **params) -> str:
    """An admin add page (of whichever app provides it) prefilled with `params`, or "" if there is none."""
    try:
        return reverse(name) + "?" + urlencode(params)
    except NoReverseMatch:
        return ""


@admin.register(FailedSearch)
class FailedSearchAdmin(admin.ModelAdmin):
    """The changelist is replaced by the top failed queries of the last 30 days, with next steps."""

    change_list_template = "admin/content/failedsearch/change_list.html"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        rows = top_failed_searches(days=FAILED_DAYS)
        for row in rows:
            row["pick_url"] = _link("admin:content_searchpromotion_add", queries=row["query"])
            row["term_url"] = _link("admin:glossary_term_add", title=row["query"])
            row["faq_url"] = _link("admin:faq_question_add", title=row["query"])
        context = {**self.admin_site.each_context(request), "title": _("Searches that found nothing"),
                   "rows": rows, "days": FAILED_DAYS, "opts": self.model._meta}
        return TemplateResponse(request, self.change_list_template, {**context, **(extra_context or {})})
