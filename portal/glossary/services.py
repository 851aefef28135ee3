"""Writes around the glossary: the version that invalidates every cached page rendering.

Term status changes and edits go through the shared actions and then `glossary_item_changed`
(portal/glossary/actions.py and the term admin call it by name), which moves the glossary version on commit so
every cached auto-linked page is rendered again with the new definitions.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction

from portal.content.models import Status
from portal.content.search.document import plain_text
from portal.content.search.expansion import expansion_group_delete, expansion_group_replace

from .models import Term

VERSION_KEY = "glossary:version"


def glossary_version_bump() -> str:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    return version


def search_group(term: Term) -> str:
    return f"glossary:{term.pk}"


def term_search_expansions_update(term: Term) -> None:
    """A published term's names expand each other in search; any other status removes them."""
    term = Term.objects.filter(pk=term.pk).prefetch_related("variants").first()
    if term is None:
        return
    if term.status != Status.PUBLISHED:
        expansion_group_delete(search_group(term))
        return
    expansion_group_replace(
        search_group(term),
        texts=term.names(),
        title=term.title,
        url=term.get_absolute_url(),
        summary=plain_text(term.body_html, term.body),
    )


def glossary_search_expansions_rebuild() -> int:
    """Every published term's search expansions again (load_glossary ends with it). Returns the number of terms."""
    terms = list(Term.objects.published().prefetch_related("variants"))
    for term in terms:
        term_search_expansions_update(term)
    return len(terms)


def glossary_item_changed(item) -> None:
    """Moderation hook: any change to a term (published, edited, sent back, archived) moves the version
    and, once the change (with its inline variants) is committed, updates the term's search expansions."""
    if isinstance(item, Term):
        transaction.on_commit(glossary_version_bump)
        transaction.on_commit(lambda: term_search_expansions_update(item))
