from django.apps import AppConfig


class FeedsConfig(AppConfig):
    """Atom feeds and the public research-news digest: ways to follow the research without an account."""

    name = "portal.feeds"
    label = "feeds"
    verbose_name = "Feeds and research news digest"
