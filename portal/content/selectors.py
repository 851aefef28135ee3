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
        # MS first, then fresh before stale (the trials app's own order); other conditions are
        # labelled as such by the template (`is_ms`).
        "open_trials": list(Trial.objects.published().open_to_new_participants().ms_first().for_listing()[:4]),
        "featured_questions": list(Question.objects.published().filter(featured=True).for_listing()[:5]),
    }


def tagged_items(slug: str) -> dict[str, list[ContentBase]]:
    """Published items of every type carrying the tag, keyed by the model's plural name."""
    return {
        model._meta.verbose_name_plural: list(model.objects.published().tagged(slug).for_listing().newest_first())
        for model in content_models()
    }
