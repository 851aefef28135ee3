"""Admin for the core's own models (found by Django's admin autodiscovery): editors' picks and failed searches."""

from .search import admin as search_admin  # noqa: F401
