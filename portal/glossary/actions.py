"""Write paths for glossary terms: the shared actions, then the glossary's own follow-up, by name.

A term's publish, edit, send-back or archive goes through the shared action (status, history, page
cache) and then `glossary_item_changed`, which, once committed, moves the glossary version (every
cached auto-linked rendering is made again) and rewrites the term's search expansions. The term admin
(`admin.TermAdmin.after_action`, `save_related`, `delete_model`) and `load_glossary` call these.
"""

from __future__ import annotations

from django.db import transaction

from portal.actions.publish import content_publish
from portal.actions.save import content_changed

from .models import Term
from .services import glossary_item_changed


def term_publish(*, item: Term, moderator, comment: str = "") -> Term:
    with transaction.atomic():
        content_publish(item=item, moderator=moderator, comment=comment)
        glossary_item_changed(item)
    return item


def term_changed(*, item: Term) -> None:
    """A saved term's fields or variants changed (any status)."""
    with transaction.atomic():
        content_changed(item=item)
        glossary_item_changed(item)
