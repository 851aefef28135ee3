"""The content types the core knows about: each content app registers one `ContentTypeSpec`.

The core never names an app. Everything it needs to know about a type (its model, its search
document, its card, its public label, what it puts on the home page) comes from the spec the app
registers once, in its `AppConfig.ready()`, the way contrib apps register their admin:

    class ArticlesConfig(AppConfig):
        def ready(self):
            registry.register(registry.ContentTypeSpec(model=Article, kind="article", ...))

The core then iterates `content_types()` (in registration order, i.e. INSTALLED_APPS order) or looks
one up with `spec_for(model_or_instance)` / `spec_for_kind(kind)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Model

from .search.document import SearchDocument, content_search_document
from .search.text import Identifier, register_identifier

if TYPE_CHECKING:
    from .models import ContentBase


@dataclass(frozen=True)
class ContentTypeSpec:
    """What the core needs to know about one content type."""

    model: type[ContentBase]
    # Stable key stored in the search index and used in `?type=` filters ("article", "faq", "trial").
    kind: str
    # Public names: the search "Type" filter shows `label`; sections and lists use `plural`.
    label: str
    plural: str
    # Template with the type's own lines on a card (facts, extra dates); `content/_card.html` includes it.
    card_template: str = ""
    # item -> SearchDocument; the default indexes title, summary, body and tags.
    search_document: Callable[[ContentBase], SearchDocument] = content_search_document
    # Values the search document puts in `state`, with their public labels, for the search filter.
    state_choices: tuple[tuple[str, str], ...] = ()
    # The label of the search filter over `state` (e.g. "Trial recruitment status").
    state_filter_label: str = ""
    # "My saved items" (portal/accounts): the template with the type's own lines for a saved item (it gets
    # `entry`, a SavedEntry), and the field whose value a bookmark remembers, to show "changed since you
    # saved it" (e.g. a trial's recruitment status); "" for neither.
    saved_item_template: str = ""
    saved_status_field: str = ""
    # Its items answer questions (FAQ): the search ranks them a little higher for a question-shaped query.
    answers_questions: bool = False
    # The home page: context name -> a callable returning the items shown under it.
    home_sections: dict[str, Callable[[], Iterable[ContentBase]]] = field(default_factory=dict)
    # Codes its items carry that readers search for (e.g. a registry number): one search token each, and a
    # query that is just one pins the item whose search document has it as `code`.
    identifiers: tuple[Identifier, ...] = ()

    def state_label(self, value: str) -> str:
        return str(dict(self.state_choices).get(value, ""))


_SPECS: dict[type[Model], ContentTypeSpec] = {}


def register(spec: ContentTypeSpec) -> ContentTypeSpec:
    """Declare a content type. Registering the same model again replaces its spec (reloads, tests)."""
    for other in _SPECS.values():
        if other.kind == spec.kind and other.model is not spec.model:
            raise ValueError(f"Content kind {spec.kind!r} is already registered for {other.model.__name__}.")
    _SPECS[spec.model] = spec
    for identifier in spec.identifiers:
        register_identifier(identifier)
    return spec


def unregister(model: type[Model]) -> None:
    _SPECS.pop(model, None)


def content_types() -> list[ContentTypeSpec]:
    """Every registered content type, in registration order."""
    return list(_SPECS.values())


def spec_for(model_or_instance: type[Model] | Model) -> ContentTypeSpec | None:
    """The spec of a model or instance (deferred-field subclasses included), or None if it is not content."""
    model = model_or_instance if isinstance(model_or_instance, type) else type(model_or_instance)
    return _SPECS.get(model._meta.concrete_model)


def spec_for_kind(kind: str) -> ContentTypeSpec | None:
    return next((spec for spec in _SPECS.values() if spec.kind == kind), None)
