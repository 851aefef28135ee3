from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.content.models import ContentBase, ContentQuerySet


class Category(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first on the FAQ page.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class QuestionQuerySet(ContentQuerySet):
    def for_listing(self) -> QuestionQuerySet:
        """Author and category (joins) and tags (one extra query)."""
        return super().for_listing().select_related("category")

    def for_faq_page(self) -> QuestionQuerySet:
        """Published questions in page order: category, then position, then title."""
        return self.published().for_listing().order_by("category__position", "category__name", "position", "title")


class Question(ContentBase):
    """A frequently asked question: the title is the question, the body is the answer."""

    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="questions", verbose_name=_("category")
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order within its category; lower comes first.")
    )
    featured = models.BooleanField(_("featured"), default=False, help_text=_("Shown on the home page when published."))

    objects = QuestionQuerySet.as_manager()

    class Meta(ContentBase.Meta):
        ordering = ["category__position", "position", "title"]
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQs")

    def get_absolute_url(self) -> str:
        return reverse("faq:detail", kwargs={"slug": self.slug})
