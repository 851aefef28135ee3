from __future__ import annotations

from django.db.models import QuerySet
from django.views.generic import DetailView, ListView

from portal.content.pagination import IdPaginator
from portal.content.params import StrictPageMixin
from portal.content.selectors import public_tag_or_404

from .models import Article


class ArticleListView(StrictPageMixin, ListView):
    paginate_by = 10
    paginator_class = IdPaginator

    def get_queryset(self) -> QuerySet[Article]:
        return Article.objects.published().for_listing().newest_first()


class ArticleTagView(ArticleListView):
    def get_queryset(self) -> QuerySet[Article]:
        self.tag = public_tag_or_404(self.kwargs["slug"])
        return super().get_queryset().tagged(self.tag.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArticleDetailView(DetailView):
    def get_queryset(self) -> QuerySet[Article]:
        return Article.objects.published().for_detail()
