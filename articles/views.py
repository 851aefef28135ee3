from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from portal.content.params import StrictPageMixin

from .models import Article


class ArticleListView(StrictPageMixin, ListView):
    paginate_by = 10

    def get_queryset(self) -> QuerySet[Article]:
        return Article.objects.published().for_listing().newest_first()


class ArticleTagView(ArticleListView):
    def get_queryset(self) -> QuerySet[Article]:
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().tagged(self.tag.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArticleDetailView(DetailView):
    def get_queryset(self) -> QuerySet[Article]:
        return Article.objects.published().for_detail()
