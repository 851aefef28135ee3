from __future__ import annotations

from django.apps import apps
from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from . import selectors
from .drafts import edits_go_to_a_draft, pending_draft_for, pending_draft_show
from .moderation import can_edit
from .pagination import IdPaginator


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**selectors.home_sections(), **kwargs)


class TagView(TemplateView):
    """The newest few items of each type with the tag; `?type=article` pages through one type."""

    template_name = "content/tag_detail.html"
    per_type = 6
    paginate_by = 20

    def get_context_data(self, **kwargs):
        # A tag only drafts use does not exist for the public (its name could give away unpublished
        # work): the lists read below tell, and only an empty list costs the full check.
        tag = selectors.tag_or_404(self.kwargs["slug"])
        model_name = self.request.GET.get("type", "")
        queryset = selectors.tagged_of_type(tag, model_name) if model_name else None
        if queryset is None:
            sections = selectors.tagged_sections(tag, self.per_type)
            if not any(section.items for section in sections):
                raise Http404("No such topic.")
            extra = {}
        else:
            paginator = IdPaginator(queryset, self.paginate_by)
            paginator.count = selectors.tagged_count(tag, queryset.model)
            if not paginator.count and not selectors.tag_is_public(tag):
                raise Http404("No such topic.")
            page = paginator.get_page(self.request.GET.get("page"))
            opts = queryset.model._meta
            sections = [selectors.TagSection(opts.model_name, str(opts.verbose_name_plural), list(page.object_list))]
            extra = {"page_obj": page, "querystring": f"type={opts.model_name}", "one_type": True}
        return super().get_context_data(
            tag=tag, sections=sections, total=sum(len(section.items) for section in sections), **extra, **kwargs
        )


class PreviewView(UserPassesTestMixin, TemplateView):
    """Any item, whatever its status, rendered with its public template: staff editors only. A
    published item with a pending draft is shown with the draft's text."""

    def test_func(self) -> bool:
        return self.request.user.is_authenticated and self.request.user.is_staff

    def get_object(self):
        try:
            model = apps.get_model(self.kwargs["app_label"], self.kwargs["model_name"])
        except LookupError as exc:
            raise Http404 from exc
        if not selectors.is_content_model(model) or not can_edit(self.request.user, model):
            raise Http404
        item = get_object_or_404(model.objects.for_detail(), pk=self.kwargs["pk"])
        # A published item with a draft of changes: the preview shows the draft (the public page does not).
        draft = pending_draft_for(item) if edits_go_to_a_draft(item) else None
        if draft is not None:
            pending_draft_show(item, draft)
        return item

    def get_template_names(self) -> list[str]:
        opts = self.object._meta
        return [f"{opts.app_label}/{opts.model_name}_detail.html"]

    def get_context_data(self, **kwargs):
        self.object = self.get_object()
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, preview=True)
        context[self.object._meta.model_name] = self.object
        return context

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        return self.render_to_response(context)
