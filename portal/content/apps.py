from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "portal.content"
    label = "content"
    verbose_name = "Moderation"

    def ready(self) -> None:
        from .search.indexing import search_index_update
        from .services import register_after_change

        register_after_change(search_index_update)
