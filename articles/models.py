from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.content.models import ContentBase, ContentQuerySet, MedicallyReviewed, PeriodicReview
from portal.content.reversing import slug_url
from trials.evidence import LinksTrials, open_flags_prefetch
from trials.models import EvidenceFlag, Trial


class ArticleQuerySet(ContentQuerySet):
    def for_detail(self) -> ArticleQuerySet:
        """Author, tags, sources, the published related trials and the open evidence flags."""
        return self.for_listing().prefetch_related(
            "sources",
            models.Prefetch("related_trials", queryset=Trial.objects.published().order_by("title")),
            open_flags_prefetch(),
        )


class Article(LinksTrials, MedicallyReviewed, PeriodicReview, ContentBase):
    """An explainer or a piece of research news."""

    related_trials = models.ManyToManyField(
        "trials.Trial",
        blank=True,
        related_name="articles",
        verbose_name=_("related trials"),
        help_text=_(
            "Trials the article talks about; only published ones are shown to readers. When one's status, phase, "
            "size or completion date changes on the registry, the article is flagged as possibly outdated."
        ),
    )
    evidence_flags = GenericRelation(EvidenceFlag)

    objects = ArticleQuerySet.as_manager()

    class Meta(ContentBase.Meta):
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def get_absolute_url(self) -> str:
        return slug_url("articles:detail", self.slug)


class Source(models.Model):
    """A study, registry record or organisation page an article relies on."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("source")

    def __str__(self) -> str:
        return self.title
