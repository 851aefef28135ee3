"""Reads that span the three content types."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Model

from .models import ContentBase

CONTENT_MODEL_LABELS = ("articles.Article", "faq.Question", "trials.Trial")


def content_models() -> list[type[ContentBase]]:
    return [apps.get_model(label) for label in CONTENT_MODEL_LABELS]


def is_content_model(model: type[Model]) -> bool:
    return model in content_models()


def home_sections() -> dict:
    """Latest articles, open trials and featured FAQs for the home page (one query each, plus tags)."""
    Article = apps.get_model("articles.Article")
    Question = apps.get_model("faq.Question")
    Trial = apps.get_model("trials.Trial")
    return {
        "latest_articles": list(Article.objects.published().for_listing().newest_first()[:3]),
        "open_trials": list(Trial.objects.published().open_to_new_participants().for_listing()[:4]),
        "featured_questions": list(Question.objects.published().filter(featured=True).for_listing()[:5]),
    }


def public_tag_or_404(slug: str):
    """The tag with this slug if at least one published item uses it (one query): a tag only drafts
    use does not exist for the public, since its name could give away unpublished work."""
    from django.db.models import Exists, OuterRef, Q
    from django.http import Http404
    from taggit.models import Tag, TaggedItem

    used_by_published = Q()
    for model in content_models():
        opts = model._meta
        used_by_published |= Q(
            Exists(
                TaggedItem.objects.filter(
                    tag=OuterRef("pk"),
                    content_type__app_label=opts.app_label,
                    content_type__model=opts.model_name,
                    object_id__in=model.objects.published().values("pk"),
                )
            )
        )
    tag = Tag.objects.filter(used_by_published, slug=slug).first()
    if tag is None:
        raise Http404("No such topic.")
    return tag


def tagged_items(slug: str) -> dict[str, list[ContentBase]]:
    """Published items of every type carrying the tag, keyed by the model's plural name."""
    return {
        model._meta.verbose_name_plural: list(model.objects.published().tagged(slug).for_listing().newest_first())
        for model in content_models()
    }
