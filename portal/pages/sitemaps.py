"""sitemap.xml: published items with their last change, topic pages and the fixed public pages."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from articles.models import Article
from faq.models import Question
from portal.content.models import Status
from trials.models import Trial

from .models import EditorProfile


class ContentSitemap(Sitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk").only("pk", "slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ArticleSitemap(ContentSitemap):
    model = Article
    changefreq = "monthly"


class QuestionSitemap(ContentSitemap):
    model = Question
    changefreq = "monthly"


class TrialSitemap(ContentSitemap):
    model = Trial
    changefreq = "weekly"


class TagSitemap(Sitemap):
    """Topic pages that show at least one published item, dated by their newest item's change."""

    changefreq = "weekly"

    def items(self):
        rows: dict[str, object] = {}
        for model in (Article, Question, Trial):
            newest_by_tag = (
                model.objects.filter(status=Status.PUBLISHED, tags__isnull=False)
                .values_list("tags__slug")
                .annotate(newest=Max("updated_at"))
                .order_by()
            )
            for slug, newest in newest_by_tag:
                rows[slug] = max(filter(None, (rows.get(slug), newest)))
        return sorted(rows.items())

    def location(self, item) -> str:
        return reverse("tag", args=[item[0]])

    def lastmod(self, item):
        return item[1]


class StaticSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> list[str]:
        return ["home", "articles:list", "faq:list", "trials:list", "pages:about", "pages:editorial", "pages:contact"]

    def location(self, name: str) -> str:
        return reverse(name)


class PeopleSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return EditorProfile.objects.public().order_by("pk")


SITEMAPS = {
    "pages": StaticSitemap,
    "articles": ArticleSitemap,
    "questions": QuestionSitemap,
    "trials": TrialSitemap,
    "topics": TagSitemap,
    "people": PeopleSitemap,
}
