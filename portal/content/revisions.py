"""Revisions of content items, kept with django-reversion: who saved what, when, and why.

Each content app names the fields an editor changes (its "revision fields") once, in its
`AppConfig.ready()`:

    revisions.register(Article, fields=("title", "slug", ...), relations=("related_trials",))

Revisions are recorded explicitly by the write actions in `portal/actions/` (`revision_record`), never
by reversion's save signals: every revision is opened with `manage_manually=True`. A revision holds one
reversion `Version` (the revision fields as JSON) plus a `RevisionInfo` row with what reversion does not
keep of our items: the tag names, the many-to-many primary keys, the status and whether it was a draft
of a published item (`pending`).

The same field list is what a pending draft of a published item holds (`portal/content/drafts.py`),
so a revision, a draft and the item's row can be copied into each other with `field_values` /
`apply_values`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, QuerySet
from reversion.models import Revision, Version

from .models import RevisionInfo

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser as User

    from .models import ContentBase


@dataclass(frozen=True)
class RevisionSpec:
    fields: tuple[str, ...]
    relations: tuple[str, ...] = ()


_SPECS: dict[type[Model], RevisionSpec] = {}


def register(model: type[Model], *, fields: tuple[str, ...], relations: tuple[str, ...] = ()) -> None:
    """Keep revisions of `model`: `fields` are the concrete fields an editor changes, `relations` its
    many-to-many fields (tags are always kept). Registering again replaces the spec (reloads, tests)."""
    _SPECS[model] = RevisionSpec(fields=tuple(fields), relations=tuple(relations))
    if not reversion.is_registered(model):
        reversion.register(model, fields=tuple(fields))


def spec_for(model_or_instance: type[Model] | Model) -> RevisionSpec | None:
    model = model_or_instance if isinstance(model_or_instance, type) else type(model_or_instance)
    return _SPECS.get(model._meta.concrete_model)


def is_registered(model_or_instance: type[Model] | Model) -> bool:
    return spec_for(model_or_instance) is not None


def field_values(item: ContentBase) -> dict[str, Any]:
    """The item's revision fields as JSON-ready values (foreign keys by primary key), as in memory."""
    spec = spec_for(item)
    values = {}
    for name in spec.fields:
        field = item._meta.get_field(name)
        values[field.attname] = field.value_from_object(item)
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def apply_values(item: ContentBase, values: dict[str, Any]) -> None:
    """Set the item's revision fields (in memory) from `field_values` output or a Version's field_dict;
    fields a value set does not name keep their current value."""
    for name in spec_for(item).fields:
        field = item._meta.get_field(name)
        if field.attname in values:
            setattr(item, field.attname, field.to_python(values[field.attname]))


def current_tags(item: ContentBase) -> list[str]:
    return sorted(item.tags.names()) if item.pk else []


def current_relations(item: ContentBase) -> dict[str, list[int]]:
    return {
        name: sorted(getattr(item, name).values_list("pk", flat=True)) for name in spec_for(item).relations
    }


def revision_record(
    *,
    item: ContentBase,
    user: User | None,
    comment: str,
    tags: list[str] | None = None,
    relations: dict[str, list[int]] | None = None,
    pending: bool = False,
) -> None:
    """Record one revision of the item as it is in memory (call inside the write's transaction).

    `tags` and `relations` default to what the database holds for the item; a pending draft passes
    its own. Types that keep no revisions are skipped.
    """
    if item.pk is None or not is_registered(item):
        return
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(item)
        if user is not None and user.pk is not None:
            reversion.set_user(user)
        reversion.set_comment(comment)
        reversion.add_meta(
            RevisionInfo,
            status=item.status,
            pending=pending,
            tags=sorted(tags) if tags is not None else current_tags(item),
            relations=relations if relations is not None else current_relations(item),
        )


def item_versions(item: ContentBase) -> QuerySet[Version]:
    """The item's revisions, newest first (versions are only ever added, so by primary key), with
    their author and RevisionInfo: one query."""
    return (
        Version.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=str(item.pk))
        .select_related("revision", "revision__user", "revision__info")
        .order_by("-pk")
    )


def previous_version(item: ContentBase, version: Version) -> Version | None:
    """The revision saved just before `version`, or None for the first one."""
    return item_versions(item).filter(pk__lt=version.pk).first()


def revisions_delete(item: ContentBase) -> None:
    """Drop the item's revisions (the item is being deleted for good)."""
    Revision.objects.filter(pk__in=item_versions(item).values("revision_id")).delete()


def version_values(version: Version) -> dict[str, Any]:
    """The field values a version recorded (by attname), or {} if it no longer fits the model."""
    try:
        return version.field_dict
    except Exception:  # noqa: BLE001 - reversion raises RevertError / DeserializationError for stale data
        return {}


def version_tags(version: Version) -> list[str]:
    info = getattr(version.revision, "info", None)
    return list(info.tags) if info is not None else []


def version_relations(version: Version) -> dict[str, list[int]]:
    info = getattr(version.revision, "info", None)
    return dict(info.relations) if info is not None else {}
