"""Writes around the glossary: the version that invalidates every cached page rendering.

Term status changes and edits go through the shared moderation services (portal.content.services);
their after-change hook calls `glossary_item_changed`, which moves the glossary version on commit so
every cached auto-linked page is rendered again with the new definitions.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction

from .models import Term

VERSION_KEY = "glossary:version"


def glossary_version_bump() -> str:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    return version


def glossary_item_changed(item) -> None:
    """Moderation hook: any change to a term (published, edited, sent back, archived) moves the version."""
    if isinstance(item, Term):
        transaction.on_commit(glossary_version_bump)
