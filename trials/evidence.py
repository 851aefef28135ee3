"""Evidence links: articles and FAQs that know when a trial they discuss changed on the registry.

A content item links trials through a many-to-many field to `Trial` (articles' and FAQs'
`related_trials`). Trials do not know those apps: `evidence_links()` finds every such field from
Trial's reverse relations, kept to the content types the core's registry knows. When a refresh
(`trials.sync`) records a change of status, phase, enrollment or a completion date,
`evidence_flags_record` flags every linked item that is not archived, in the import's transaction.
The item's public page shows a dated note beside the trial (`linked_trials`) until an editor marks
the evidence checked or records a new medical review (`evidence_flags_resolve`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.content.cache import bump_content_generation
from portal.content.models import ContentBase, Status
from portal.content.moderation import can_edit
from portal.content.registry import spec_for

from .choices import ChangeField
from .models import EvidenceFlag, Trial, TrialChange

if TYPE_CHECKING:
    from portal.accounts.models import User

# The facts an article's statements about a trial rest on.
EVIDENCE_FIELDS = {
    ChangeField.OVERALL_STATUS,
    ChangeField.PHASES,
    ChangeField.ENROLLMENT,
    ChangeField.PRIMARY_COMPLETION_DATE,
    ChangeField.COMPLETION_DATE,
}


def evidence_links() -> list[tuple[type[ContentBase], str]]:
    """(content model, name of its many-to-many field to Trial) for every registered content type that links trials."""
    return [
        (rel.related_model, rel.field.name)
        for rel in Trial._meta.related_objects
        if rel.many_to_many and spec_for(rel.related_model) is not None
    ]


def evidence_flags_record(*, trial: Trial, changes: Iterable[TrialChange]) -> list[EvidenceFlag]:
    """Flag every non-archived item linking `trial` once per evidence-relevant change (saved changes,
    inside the import's transaction). Recording the same change again adds nothing."""
    relevant = [change for change in changes if change.field in EVIDENCE_FIELDS]
    if not relevant:
        return []
    flags, public = [], False
    for model, name in evidence_links():
        content_type = ContentType.objects.get_for_model(model)
        linked = model.objects.filter(**{name: trial}).exclude(status=Status.ARCHIVED).values_list("pk", "status")
        for pk, status in linked:
            public |= status == Status.PUBLISHED
            flags += [
                EvidenceFlag(content_type=content_type, object_id=pk, change=change, created_at=change.changed_at)
                for change in relevant
            ]
    EvidenceFlag.objects.bulk_create(flags, ignore_conflicts=True)
    if public:
        transaction.on_commit(bump_content_generation)  # the items' public pages get a note
    return flags


def open_flags_for(item: ContentBase) -> models.QuerySet[EvidenceFlag]:
    return EvidenceFlag.objects.open().filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    )


def evidence_flags_resolve(
    *,
    item: ContentBase,
    user: User | None,
    reviewed_on: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> int:
    """An editor checked the linked trials, or re-reviewed the item on `reviewed_on` (then only flags
    raised up to that day): its open flags are resolved and the public notes go. Returns how many."""
    if not can_edit(user, item):
        raise PermissionDenied(_("You cannot edit this item."))
    flags = open_flags_for(item)
    if reviewed_on is not None:
        flags = flags.filter(created_at__date__lte=reviewed_on)
    with transaction.atomic():
        count = flags.update(resolved_at=now or timezone.now(), resolved_by=user)
        if count and item.is_published:
            transaction.on_commit(bump_content_generation)
    return count


@dataclass
class LinkedTrial:
    """A published trial an item links, with the registry changes since the item was last checked."""

    trial: Trial
    notes: list[EvidenceFlag] = field(default_factory=list)


def linked_trials(trials: Iterable[Trial], flags: Iterable[EvidenceFlag]) -> list[LinkedTrial]:
    """Pair an item's (prefetched) published trials with its (prefetched) open flags, newest first. No queries."""
    by_trial: dict[int, list[EvidenceFlag]] = {}
    for flag in flags:
        by_trial.setdefault(flag.change.trial_id, []).append(flag)
    return [LinkedTrial(trial=trial, notes=by_trial.get(trial.pk, [])) for trial in trials]


class LinksTrials:
    """Mixin for a content model with `related_trials` and `evidence_flags` (a GenericRelation to
    EvidenceFlag): `linked_trials` for its public page, from the prefetches of `for_detail()`."""

    @property
    def linked_trials(self) -> list[LinkedTrial]:
        return linked_trials(self.related_trials.all(), self.evidence_flags.all())


def open_flags_prefetch() -> models.Prefetch:
    """For an item queryset's `prefetch_related`: its open flags with their changes (one query)."""
    return models.Prefetch(
        "evidence_flags", queryset=EvidenceFlag.objects.open().select_related("change").order_by("-created_at", "-pk")
    )


def outdated_items(limit: int = 50) -> list[EvidenceFlag]:
    """For the dashboard: open evidence flags, newest first, each with `.item` (the article or FAQ),
    `.change` and `.change.trial` loaded and `.text` ("May be outdated: ..."). One query for the flags
    plus one per content type of the flagged items, however many there are."""
    return list(
        EvidenceFlag.objects.open()
        .select_related("change__trial", "content_type")
        .prefetch_related("item")
        .order_by("-created_at", "-pk")[:limit]
    )
