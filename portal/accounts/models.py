from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The portal's user from the first migration, so member features can grow without a swap."""

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("Shown instead of the user name on anything the person writes."),
    )

    def __str__(self) -> str:
        return self.display_name or self.get_username()

    @property
    def public_name(self) -> str:
        return self.display_name or self.get_full_name() or self.get_username()
