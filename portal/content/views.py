from __future__ import annotations

from django.apps import apps
from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from taggit.models import Tag

from . import selectors
from .moderation import can_edit


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**selectors.home_sections(), **kwargs)


class TagView(TemplateView):
    template_name = "content/tag_detail.html"

    def get_context_data(self, **kwargs):
        tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        sections = selectors.tagged_items(tag.slug)
        if not any(sections.values()):
            raise Http404("No such topic.")  # only drafts use it: its name stays unpublished
        return super().get_context_data(
            tag=tag, sections=sections, total=sum(len(items) for items in sections.values()), **kwargs
        )


class PreviewView(UserPassesTestMixin, TemplateView):
    """Any item, whatever its status, rendered with its public template: staff editors only."""

    def test_func(self) -> bool:
        return self.request.user.is_authenticated and self.request.user.is_staff

    def get_object(self):
        try:
            model = apps.get_model(self.kwargs["app_label"], self.kwargs["model_name"])
        except LookupError as exc:
            raise Http404 from exc
        if not selectors.is_content_model(model) or not can_edit(self.request.user, model):
            raise Http404
        return get_object_or_404(model.objects.for_detail(), pk=self.kwargs["pk"])

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
