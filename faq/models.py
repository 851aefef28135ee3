from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from portal.content.models import ContentBase, ContentQuerySet, MedicallyReviewed, PeriodicReview
from portal.content.reversing import slug_url
from trials.evidence import LinksTrials, open_flags_prefetch
from trials.models import EvidenceFlag, Trial


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

    def for_detail(self) -> QuestionQuerySet:
        """Listing preloads, the published related trials and the open evidence flags."""
        return self.for_listing().prefetch_related(
            models.Prefetch("related_trials", queryset=Trial.objects.published().order_by("title")),
            open_flags_prefetch(),
        )

    def for_faq_page(self) -> QuestionQuerySet:
        """Published questions in page order: category, then position, then title."""
        return self.published().for_listing().order_by("category__position", "category__name", "position", "title")

    def in_category(self, category: Category) -> QuestionQuerySet:
        """Published questions of one category in page order, with the listing preloads."""
        return self.published().filter(category=category).for_listing().order_by("position", "title", "pk")


class Question(LinksTrials, MedicallyReviewed, PeriodicReview, ContentBase):
    """A frequently asked question: the title is the question, the body is the answer."""

    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="questions", verbose_name=_("category")
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order within its category; lower comes first.")
    )
    featured = models.BooleanField(_("featured"), default=False, help_text=_("Shown on the home page when published."))
    related_trials = models.ManyToManyField(
        "trials.Trial",
        blank=True,
        related_name="faqs",
        verbose_name=_("related trials"),
        help_text=_(
            "Trials the answer talks about; only published ones are shown to readers. When one's status, phase, "
            "size or completion date changes on the registry, the FAQ is flagged as possibly outdated."
        ),
    )
    evidence_flags = GenericRelation(EvidenceFlag)

    objects = QuestionQuerySet.as_manager()

    class Meta(ContentBase.Meta):
        ordering = ["category__position", "position", "title"]
        # A category's page and the top questions of each category on the FAQ page.
        indexes = [
            *ContentBase.Meta.indexes,
            # (Not led by `status`: lists of published FAQs in date order keep the newest-first index.)
            models.Index(fields=["category", "status", "position", "title"], name="faq_question_category"),
            # The home page's featured questions: the few featured rows, not a scan of every FAQ.
            # (A partial index: a plain one on `featured` is not used for Django's bare `WHERE "featured"`.)
            models.Index(
                fields=["status", "position"], condition=models.Q(featured=True), name="faq_question_featured"
            ),
        ]
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQs")

    def get_absolute_url(self) -> str:
        return slug_url("faq:detail", self.slug)


class SubmissionState(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    ANSWERED = "answered", _("Answered")
    MERGED = "merged", _("Answered in an existing FAQ")
    DECLINED = "declined", _("Declined")


class SubmissionKind(models.TextChoices):
    QUESTION = "question", _("Question for the FAQ")
    CONTACT = "contact", _("Message to the editors")


class SubmissionQuerySet(models.QuerySet):
    def for_asker(self, user) -> SubmissionQuerySet:
        """A member's own questions, newest first, with the FAQ that answers each (join)."""
        return self.filter(user=user).select_related("answer").order_by("-created_at", "-pk")

    def for_queue(self) -> SubmissionQuerySet:
        """The editors' queue: asker and answer (joins), the related item (one query per content type)."""
        return self.select_related("user", "answer").prefetch_related("about").order_by("-created_at", "-pk")


class Submission(models.Model):
    """A question a reader sent in. Editors review it; the answer becomes (or already is) a published FAQ.

    The asker's identity stays here: it is never copied into the FAQ. A visitor's e-mail address is
    kept only until the answer mail is sent or the question is declined.
    """

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    question = models.TextField(_("question"), max_length=2000, validators=[MinLengthValidator(10)])
    context = models.TextField(_("context"), max_length=2000, blank=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=SubmissionKind.choices,
        default=SubmissionKind.QUESTION,
        db_index=True,
        help_text=_("Questions may become FAQs; messages from “Contact the editors” (corrections, feedback) never do."),
    )
    email = models.EmailField(
        _("visitor's e-mail"),
        blank=True,
        help_text=_(
            "Only for visitors who asked to be told. Deleted once the answer mail is sent or the question is declined."
        ),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faq_submissions",
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=SubmissionState.choices,
        default=SubmissionState.RECEIVED,
        db_index=True,
        help_text=_("Changed only by the buttons on the question's page (start review, answer, merge, decline)."),
    )
    flagged_personal = models.BooleanField(
        _("looks personal"),
        default=False,
        help_text=_(
            "Set automatically when the question reads like a personal medical situation. Answer in general terms."
        ),
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("asked about (type)"), null=True, blank=True, on_delete=models.SET_NULL
    )
    object_id = models.PositiveBigIntegerField(_("asked about (id)"), null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    answer = models.ForeignKey(
        Question,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        help_text=_("The FAQ that answers this question: a new one, or an existing one it was merged into."),
    )
    decline_reason = models.TextField(
        _("reason for declining"),
        blank=True,
        help_text=_("The asker sees this on their “My questions” page and, if we have an address, in one kind e-mail."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    notified_at = models.DateTimeField(_("asker told"), null=True, blank=True, editable=False)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reader question")
        verbose_name_plural = _("reader questions")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        permissions = [
            ("review_submission", "Can start review, decline and merge reader questions"),
            ("answer_submission", "Can answer reader questions and publish the answer as an FAQ"),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {Truncator(self.question).chars(60)}"

    @property
    def is_open(self) -> bool:
        return self.state in {SubmissionState.RECEIVED, SubmissionState.IN_REVIEW}
