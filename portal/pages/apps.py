from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Trust and discovery: about and editorial pages, contact, people, topic descriptions, sitemap,
    robots.txt, canonical links, sharing meta and structured data. Reads the content apps; nothing reads it."""

    name = "portal.pages"
    label = "pages"
    verbose_name = "About pages, people and topics"
