"""Who writes and reviews, and what each topic is about: public facts editors maintain in the admin."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class EditorProfileQuerySet(models.QuerySet):
    def public(self) -> EditorProfileQuerySet:
        return self.filter(is_public=True)


class EditorProfile(models.Model):
    """The public face of a staff account: shown as the byline and "reviewed by" on items."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editor_profile", verbose_name=_("account")
    )
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("The last part of the profile's address.")
    )
    name = models.CharField(
        _("public name"), max_length=120, help_text=_("As it appears in bylines, e.g. “Dr Ana Ruiz”.")
    )
    role = models.CharField(_("role"), max_length=120, help_text=_("e.g. “Health writer” or “Medical reviewer”."))
    credentials = models.CharField(
        _("credentials"),
        max_length=200,
        blank=True,
        help_text=_("Qualifications readers can check, e.g. “MD, neurologist”."),
    )
    bio = models.TextField(
        _("short bio"),
        max_length=800,
        blank=True,
        help_text=_("Two or three plain sentences: background and interests."),
    )
    conflicts = models.TextField(
        _("conflicts of interest"),
        max_length=800,
        blank=True,
        help_text=_("Any payments, grants or roles connected to treatments we write about. Leave empty if none."),
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Untick to show only the site's name instead of this person.")
    )

    objects = EditorProfileQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("editor profile")
        verbose_name_plural = _("editor profiles")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pages:person", kwargs={"slug": self.slug})


class TagInfo(models.Model):
    """An editor-written description of a topic, shown on its tag page and as the page description."""

    tag = models.OneToOneField("taggit.Tag", on_delete=models.CASCADE, related_name="info", verbose_name=_("tag"))
    description = models.TextField(
        _("description"),
        max_length=600,
        help_text=_("One to three plain-language sentences saying what the topic is and why it matters for MS."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["tag__name"]
        verbose_name = _("topic description")
        verbose_name_plural = _("topic descriptions")

    def __str__(self) -> str:
        return self.tag.name
