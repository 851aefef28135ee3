from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from portal.content import registry

        from .models import Article

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
