"""The editorial glossary: one `Term` per concept, with its other names as `Variant` rows.

A term is moderated content like an article (draft, in review, published, archived); only published
terms reach public pages, auto-linked definitions and (later) search.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.content.models import ContentBase, ContentQuerySet

from .text import MIN_LENGTH, normalise, stop_word_reason

DEFINITION_MAX_LENGTH = 700


class Category(models.TextChoices):
    MS_TYPES = "ms_types", _("Types of MS")
    SYMPTOMS = "symptoms", _("Symptoms")
    TESTS = "tests", _("Tests and scores")
    MS_DRUGS = "ms_drugs", _("MS drugs")
    CELL_THERAPY = "cell_therapy", _("CAR T and cell therapy")
    SIDE_EFFECTS = "side_effects", _("Side effects and safety")
    RELATED_DISEASES = "related_diseases", _("Related autoimmune diseases")
    LIVING_WITH_MS = "living_with_ms", _("Living with MS")
    BIOLOGY = "biology", _("Immune system and biology")
    TRIALS = "trials", _("Trial vocabulary")


class VariantKind(models.TextChoices):
    BRAND = "brand", _("Brand name")
    GENERIC = "generic", _("Generic name")
    ABBREVIATION = "abbreviation", _("Abbreviation")
    CODE = "code", _("Product code")
    LAY = "lay", _("Lay phrase")
    SPELLING = "spelling", _("Other spelling")
    SYNONYM = "synonym", _("Synonym")


class TermQuerySet(ContentQuerySet):
    def for_listing(self) -> TermQuerySet:
        """Variants (one extra query) for the A-Z page; terms have no author or tags on public pages."""
        return self.prefetch_related("variants")

    def for_detail(self) -> TermQuerySet:
        """Variants (prefetch) and the author (join) for the dates line."""
        return self.select_related("author").prefetch_related("variants")

    def alphabetical(self) -> TermQuerySet:
        return self.order_by("normalised", "pk")


def _other_term_message(text: str, term: Term) -> str:
    return _("“%(text)s” already belongs to the glossary term “%(term)s”: a variant can belong to one term only.") % {
        "text": text,
        "term": term.title,
    }


def _check_variant_text(text: str) -> str | None:
    """The reason a variant or preferred term is refused, or None."""
    key = normalise(text)
    if len(key.replace(" ", "")) < MIN_LENGTH:
        return _("A glossary name needs at least %(n)d letters or digits.") % {"n": MIN_LENGTH}
    reason = stop_word_reason(text)
    if reason:
        return _("“%(text)s” cannot be a glossary name: %(reason)s, so it would link and match everywhere.") % {
            "text": text,
            "reason": reason,
        }
    return None


class Term(ContentBase):
    """A medical or trial word explained in plain language. `title` is the preferred term, `body` the definition."""

    category = models.CharField(_("category"), max_length=30, choices=Category.choices, db_index=True)
    normalised = models.CharField(max_length=255, editable=False, db_index=True)
    seed_key = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("Set for terms installed by load_glossary: the key of the seed entry."),
    )
    seed_hash = models.CharField(
        max_length=64, blank=True, editable=False, help_text=_("Fingerprint of the seed entry last installed.")
    )
    seed_state = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Fingerprint of the term as load_glossary left it; an editor's change makes it differ."),
    )

    objects = TermQuerySet.as_manager()

    class Meta(ContentBase.Meta):
        ordering = ["normalised", "pk"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def save(self, *args, **kwargs) -> None:
        self.normalised = normalise(self.title)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "normalised"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        problem = _check_variant_text(self.title)
        if problem:
            errors["title"] = problem
        else:
            key = normalise(self.title)
            other = Term.objects.filter(normalised=key).exclude(pk=self.pk).first()
            if other is None:
                variant = Variant.objects.filter(normalised=key).exclude(term_id=self.pk).select_related("term").first()
                other = variant.term if variant else None
            if other is not None:
                errors["title"] = _other_term_message(self.title, other)
        if not self.body.strip():
            errors["body"] = _("Write a plain-language definition (one to three sentences).")
        elif len(self.body) > DEFINITION_MAX_LENGTH:
            errors["body"] = _("Keep the definition to one to three sentences (at most %(n)d characters).") % {
                "n": DEFINITION_MAX_LENGTH
            }
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self) -> str:
        return reverse("glossary:detail", kwargs={"slug": self.slug})

    @property
    def anchor(self) -> str:
        return f"def-{self.slug}"

    @property
    def letter(self) -> str:
        first = (self.normalised or normalise(self.title))[:1].upper()
        return first if first.isalpha() else "#"

    def names(self) -> list[str]:
        """The preferred term and every variant (uses the prefetched variants)."""
        return [self.title, *(variant.text for variant in self.variants.all())]


class Variant(models.Model):
    """Another name for a term: brand or generic name, abbreviation, lay phrase or spelling."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="variants", verbose_name=_("term"))
    text = models.CharField(_("variant"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=VariantKind.choices, default=VariantKind.SYNONYM)
    match_case = models.BooleanField(
        _("match capitals exactly"),
        default=False,
        help_text=_("For abbreviations that are also ordinary words or units (e.g. MG, not mg)."),
    )
    normalised = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        ordering = ["text", "pk"]
        verbose_name = _("variant")
        verbose_name_plural = _("variants")

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs) -> None:
        self.normalised = normalise(self.text)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.text = " ".join((self.text or "").split())
        problem = _check_variant_text(self.text)
        if problem:
            raise ValidationError({"text": problem})
        key = normalise(self.text)
        other = Variant.objects.filter(normalised=key).exclude(pk=self.pk).select_related("term").first()
        if other is not None and other.term_id != self.term_id:
            raise ValidationError({"text": _other_term_message(self.text, other.term)})
        if other is not None:
            raise ValidationError({"text": _("“%(text)s” is already a variant of this term.") % {"text": self.text}})
        owner = Term.objects.filter(normalised=key).first()
        if owner is not None and owner.pk != self.term_id:
            raise ValidationError({"text": _other_term_message(self.text, owner)})
        if owner is not None:
            raise ValidationError({"text": _("“%(text)s” is already the preferred term.") % {"text": self.text}})

    def validate_unique(self, exclude=None) -> None:
        # `normalised` is checked (with a clearer message naming the other term) in clean().
        super().validate_unique(exclude={*(exclude or ()), "normalised"})
