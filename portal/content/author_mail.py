"""Tell an item's author, by e-mail, that a moderator sent it back (with the comment) or published it.

The actions call these through `transaction.on_commit`, so nothing is sent for a change that was
rolled back. No mail when the author is the person who acted, or has no address. A failed send is
logged and does not undo the moderation (the comment stays on the item's page).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from .models import ContentBase
from .validators import header_safe

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser as User

logger = logging.getLogger(__name__)


def _recipient(item: ContentBase, actor: User | None) -> str:
    author = item.author
    if author is None or not author.email or (actor is not None and author.pk == actor.pk):
        return ""
    return author.email


def _send(item: ContentBase, *, actor: User | None, template: str, **context) -> bool:
    recipient = _recipient(item, actor)
    if not recipient:
        return False
    opts = item._meta
    context = {
        "item": item,
        "kind": opts.verbose_name,
        "change_url": settings.SITE_URL + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]),
        "SITE_NAME": settings.SITE_NAME,
        **context,
    }
    subject = header_safe(render_to_string(f"content/email/{template}_subject.txt", context))
    body = render_to_string(f"content/email/{template}_body.txt", context)
    try:
        send_mail(subject, body, None, [recipient])
    except Exception:
        logger.exception("Could not tell the author of %s %s", opts.label, item.pk)
        return False
    return True


def author_mail_sent_back(*, item: ContentBase, moderator: User | None, comment: str) -> bool:
    return _send(item, actor=moderator, template="sent_back", comment=comment, moderator=moderator)


def author_mail_published(*, item: ContentBase, moderator: User | None) -> bool:
    return _send(
        item, actor=moderator, template="published", public_url=settings.SITE_URL + item.get_absolute_url()
    )
