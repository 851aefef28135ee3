"""Install the seed glossary (seed/terms.py) through the moderation services, without undoing editors' work.

Each seed entry has a stable key. A term installed from it remembers two fingerprints: `seed_hash`
(the entry as it was installed) and `seed_state` (the term, its status and variants as the loader
left them). On the next run:

- no term with that key: it is created, its variants added and it is published with `content_publish`
  (so the moderation history, search index and glossary version follow as for any content);
- the term no longer matches `seed_state`: an editor changed it (text, variants or status), so it is
  left exactly as it is;
- the term is untouched but the entry changed: the term is updated to the new entry;
- otherwise nothing happens. A second run with the same seed changes nothing.

A preferred name already used by a term an editor made (without a key) is skipped, as is a variant
another term already has; the report lists both.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from portal.actions.save import content_save
from portal.content.drafts import pending_draft_for
from portal.content.models import Status
from portal.content.moderation import can_moderate

from ..actions import term_changed, term_publish
from ..models import Term, Variant
from ..text import normalise
from . import terms as seed_data

SEED_COMMENT = "Installed from the seed glossary (load_glossary)."


class GlossaryLoadError(Exception):
    """The glossary cannot be loaded (message says what to do)."""


@dataclass
class LoadReport:
    counts: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)


def _fingerprint(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def entry_hash(entry: dict) -> str:
    return _fingerprint(entry)


def term_state(term: Term) -> str:
    """Everything an editor can change about a term, as one fingerprint."""
    variants = sorted((v.normalised, v.text, v.kind, v.match_case) for v in Variant.objects.filter(term=term))
    return _fingerprint(
        [term.title, term.slug, term.category, term.body, term.status, str(term.last_reviewed or ""), variants]
    )


def _entry_variants(entry: dict) -> list[tuple[str, str, bool]]:
    """(text, kind, match_case) for every name in the entry, without repeats of the same normal form."""
    seen = {normalise(entry["title"])}
    out = []
    for kind, names in entry["variants"].items():
        for text in names:
            key = normalise(text)
            if key in seen:
                continue
            seen.add(key)
            match_case = kind == "case"
            out.append((text, "abbreviation" if match_case else kind, match_case))
    return out


def default_moderator():
    User = get_user_model()
    candidates = User.objects.filter(is_active=True).filter(
        Q(username="moderator") | Q(is_superuser=True) | Q(groups__name="Moderators")
    )
    for user in candidates.distinct().order_by("-is_superuser", "pk"):
        if can_moderate(user, Term):
            return user
    return None


def glossary_load(*, moderator, entries: list[dict] | None = None) -> LoadReport:
    """Install or update the seed terms (published), in one transaction. See the module docstring."""
    if not can_moderate(moderator, Term):
        raise GlossaryLoadError("The account given cannot publish glossary terms (it needs the Moderators group).")
    entries = seed_data.TERMS if entries is None else entries
    report = LoadReport()
    with transaction.atomic():
        for entry in entries:
            _entry_ensure(entry, moderator=moderator, report=report)
    return report


def _entry_ensure(entry: dict, *, moderator, report: LoadReport) -> None:
    term = Term.objects.filter(seed_key=entry["key"]).first()
    wanted = entry_hash(entry)
    if term is None:
        other = Term.objects.filter(Q(normalised=normalise(entry["title"])) | Q(slug=entry["key"])).first()
        if other is not None:
            report.counts["kept_editor"] += 1
            report.skipped.append(f"{entry['title']}: an editor's term “{other.title}” already has this name.")
            return
        term = Term(seed_key=entry["key"], slug=entry["key"])
        _apply(term, entry, moderator=moderator, report=report, new=True)
        report.counts["created"] += 1
    elif term_state(term) != term.seed_state or pending_draft_for(term) is not None:
        # An editor changed it (or has a draft of changes waiting): the seed never overwrites that.
        report.counts["kept_editor"] += 1
    elif term.seed_hash == wanted:
        report.counts["unchanged"] += 1
    else:
        _apply(term, entry, moderator=moderator, report=report, new=False)
        report.counts["updated"] += 1


def _apply(term: Term, entry: dict, *, moderator, report: LoadReport, new: bool) -> None:
    term.title = entry["title"]
    term.category = entry["category"]
    term.body = entry["definition"]
    content_save(item=term, user=moderator, live=True)  # vetted seed text, not an editor's edit
    if not new:
        term.variants.all().delete()
    for text, kind, match_case in _entry_variants(entry):
        variant = Variant(term=term, text=text, kind=kind, match_case=match_case)
        try:
            variant.full_clean()
        except ValidationError as exc:
            report.skipped.append(f"{entry['title']}: variant “{text}” skipped: {' '.join(exc.messages)}")
            continue
        variant.save()
    if term.status == Status.PUBLISHED:
        term_changed(item=term)
    else:
        term_publish(item=term, moderator=moderator, comment=SEED_COMMENT)
    term.refresh_from_db()
    Term.objects.filter(pk=term.pk).update(seed_hash=entry_hash(entry), seed_state=term_state(term))
