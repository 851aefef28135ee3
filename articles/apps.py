from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from portal.content import registry, revisions

        from .models import Article

        revisions.register(
            Article,
            fields=("title", "slug", "summary", "body", "last_reviewed", "review_interval_months"),
            relations=("related_trials",),
        )
        registry.register(
            registry.ContentTypeSpec(
                model=Article,
                kind="article",
                label=_("Article"),
                plural=Article._meta.verbose_name_plural,
                home_sections={
                    "latest_articles": lambda: Article.objects.published().for_listing().newest_first()[:3]
                },
            )
        )
