"""Reads that span the three content types."""

from __future__ import annotations

from dataclasses import dataclass

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


def tagged_items(slug: str) -> dict[str, list[ContentBase]]:
    """Published items of every type carrying the tag, keyed by the model's plural name."""
    return {
        model._meta.verbose_name_plural: list(model.objects.published().tagged(slug).for_listing().newest_first())
        for model in content_models()
    }


@dataclass
class TagSection:
    """One content type's items on a tag page; `more` when the type has more than are shown."""

    model_name: str
    heading: str
    items: list[ContentBase]
    more: bool = False


def tagged_sections(slug: str, per_type: int) -> list[TagSection]:
    """Up to `per_type` newest published items of each type carrying the tag (two queries per type)."""
    sections = []
    for model in content_models():
        items = list(model.objects.published().tagged(slug).for_listing().newest_first()[: per_type + 1])
        opts = model._meta
        heading = str(opts.verbose_name_plural)
        sections.append(TagSection(opts.model_name, heading, items[:per_type], more=len(items) > per_type))
    return sections


def tagged_of_type(slug: str, model_name: str):
    """Published items of one type (by model name) carrying the tag, newest first; None for an unknown type."""
    for model in content_models():
        if model._meta.model_name == model_name:
            return model.objects.published().tagged(slug).for_listing().newest_first()
    return None
