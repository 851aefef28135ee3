"""Load the demo content in data.py through the same services editors use.

Idempotent by design: accounts are found by username, categories and articles/FAQs by slug and
trials by NCT number. Anything already there is left exactly as it is (an editor may have changed
it), so a second run creates nothing and changes nothing.

Every item goes through the actions editors use (`content_save`, `content_submit`,
`content_publish` in `portal/actions/`), so the moderation history, the search index and the alerts
are the same as for real content. Published items are published at their fixed demo date.
"""

from __future__ import annotations

import datetime
import inspect
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from articles.models import Article, Source
from faq.models import Category, Question
from portal.actions.publish import content_publish
from portal.actions.save import content_save
from portal.actions.submit import content_submit
from portal.content.models import ContentBase
from trials.choices import sponsor_type_for
from trials.imports import trials_import_files
from trials.models import Location, Trial
from trials.registry.classify import guess_condition_groups
from trials.registry.parse import normalise_key

from . import data

# Saved registry records (see its SOURCES.md): demo trials found here are created by the importer.
RECORDS_DIR = Path(__file__).resolve().parents[2] / "trials" / "fixtures" / "ctgov"

# Demo dates are calendar days; publish them at a fixed time of day so pages show the same date everywhere.
PUBLISH_TIME = datetime.time(9, 0, tzinfo=datetime.UTC)


class DemoContentError(Exception):
    """The database is not ready for the demo content (message says what to do)."""


@dataclass
class AccountResult:
    username: str
    group: str
    password: str | None  # Only set when the account was created in this run.


@dataclass
class LoadReport:
    accounts: list[AccountResult] = field(default_factory=list)
    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)


def demo_content_load() -> LoadReport:
    """Create whatever demo accounts and content are missing, in one transaction."""
    report = LoadReport()
    with transaction.atomic():
        users = {account["username"]: _account_ensure(account, report) for account in data.ACCOUNTS}
        editor, moderator = users["editor"], users["moderator"]
        categories = _categories_ensure(report)
        for spec in data.TRIALS:
            _trial_ensure(spec, editor=editor, moderator=moderator, report=report)
        for spec in data.ARTICLES:
            _article_ensure(spec, editor=editor, moderator=moderator, report=report)
        for spec in data.QUESTIONS:
            _question_ensure(spec, categories=categories, editor=editor, moderator=moderator, report=report)
    return report


# ---------------------------------------------------------------------------------------------
# Accounts and categories


def _account_ensure(spec: dict[str, str], report: LoadReport):
    User = get_user_model()
    username, group_name = spec["username"], spec["group"]
    user = User.objects.filter(username=username).first()
    if user is not None:
        report.accounts.append(AccountResult(username, group_name, None))
        report.existing["accounts"] += 1
        return user
    names = [group_name, *spec.get("also", [])]
    groups = list(Group.objects.filter(name__in=names))
    if len(groups) != len(names):
        missing = ", ".join(repr(name) for name in sorted(set(names) - {group.name for group in groups}))
        raise DemoContentError(f"Missing group(s): {missing}. Run `python manage.py migrate` first.")
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(
        username=username, password=password, is_staff=True, display_name=spec["display_name"]
    )
    user.groups.add(*groups)
    report.accounts.append(AccountResult(username, group_name, password))
    report.created["accounts"] += 1
    return user


def _categories_ensure(report: LoadReport) -> dict[str, Category]:
    categories = {}
    for spec in data.CATEGORIES:
        category, created = Category.objects.get_or_create(
            slug=spec["slug"],
            defaults={"name": spec["name"], "description": spec["description"], "position": spec["position"]},
        )
        (report.created if created else report.existing)["categories"] += 1
        categories[category.slug] = category
    return categories


# ---------------------------------------------------------------------------------------------
# Content


def _text(value: str) -> str:
    """Data-file text without the indentation it has in data.py."""
    return inspect.cleandoc(value)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _medical_reviewer(spec: dict[str, Any], moderator):
    """Demo articles and FAQs with a review date were reviewed by the demo moderator, a member of the
    "Medical reviewers" group (a fictional person); the ones still in review have no review yet."""
    return moderator if spec["last_reviewed"] else None


def _walk_workflow(item: ContentBase, spec: dict[str, Any], *, editor, moderator) -> None:
    """Move a saved draft to the spec's workflow state; published items get the fixed demo date
    (they pass the review gate: submitted by the editor, reviewed and published by the moderator)."""
    if spec["workflow"] in (data.IN_REVIEW, data.PUBLISHED):
        content_submit(item=item, user=editor)
    if spec["workflow"] == data.PUBLISHED:
        published_at = datetime.datetime.combine(_date(spec["published_on"]), PUBLISH_TIME)
        content_publish(item=item, moderator=moderator, comment="Demo content.", published_at=published_at)


def _trial_ensure(spec: dict[str, Any], *, editor, moderator, report: LoadReport) -> None:
    if Trial.objects.filter(nct_id=spec["nct_id"]).exists():
        report.existing["trials"] += 1
        return
    record = RECORDS_DIR / f"{spec['nct_id']}.json"
    if record.is_file():
        _trial_from_record(spec, record, editor=editor, moderator=moderator, report=report)
        return
    # No saved record: the facts below are typed in, and shown as "entered by our editors".
    trial = Trial(
        nct_id=spec["nct_id"],
        slug=spec["slug"],
        summary=spec["summary"],
        body=_text(spec["body"]),
        what_it_means=_text(spec["what_it_means"]),
        car_t_target=spec["car_t_target"],
        last_reviewed=_date(spec["last_reviewed"]),
    )
    for name, value in spec["registry"].items():
        if name in ("first_posted", "last_update_posted"):
            setattr(trial, name, _date(value))
        else:
            setattr(trial, name, value)
    # The finder's derived fields, worked out the same way as a registry import does.
    trial.condition_groups = list(guess_condition_groups(trial.conditions, [trial.title, trial.official_title]))
    trial.sponsor_type = sponsor_type_for(trial.sponsor_class)
    if spec["registry_checked_at"]:
        trial.last_checked_at = datetime.datetime.fromisoformat(spec["registry_checked_at"])
    content_save(item=trial, user=editor, tags=spec["tags"])
    for location in spec["locations"]:
        site = Location(trial=trial, key=normalise_key(location["facility"], location["city"], location["country"]),
                        **location)
        site.full_clean()
        site.save()
    _walk_workflow(trial, spec, editor=editor, moderator=moderator)
    report.created["trials"] += 1


def _trial_from_record(spec: dict[str, Any], record: Path, *, editor, moderator, report: LoadReport) -> None:
    """Create the trial with the real importer from its saved registry record, then add the editors' text.

    Its facts, sites and dates are exactly the record's; the page says "Registry facts as of" the
    record's version date. The text is the trial's first text, not an edit, so "Updated" stays
    the publication date.
    """
    result = trials_import_files(paths=[record])
    if not result.ok:
        raise DemoContentError("; ".join(f"{failure.label}: {failure.error}" for failure in result.failures))
    trial = Trial.objects.get(nct_id=spec["nct_id"])
    trial.slug = spec["slug"]
    trial.summary = spec["summary"]
    trial.body = _text(spec["body"])
    trial.what_it_means = _text(spec["what_it_means"])
    trial.car_t_target = spec["car_t_target"]
    trial.last_reviewed = _date(spec["last_reviewed"])
    trial.text_hash = trial.reader_text_hash()
    content_save(item=trial, user=editor, tags=spec["tags"])
    _walk_workflow(trial, spec, editor=editor, moderator=moderator)
    report.created["trials"] += 1


def _article_ensure(spec: dict[str, Any], *, editor, moderator, report: LoadReport) -> None:
    if Article.objects.filter(slug=spec["slug"]).exists():
        report.existing["articles"] += 1
        return
    article = Article(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        body=_text(spec["body"]),
        last_reviewed=_date(spec["last_reviewed"]),
        reviewed_by=_medical_reviewer(spec, moderator),
    )
    content_save(item=article, user=editor, tags=spec["tags"])
    for position, source_spec in enumerate(spec["sources"]):
        source = Source(article=article, position=position, **source_spec)
        source.full_clean()
        source.save()
    trials = list(Trial.objects.filter(nct_id__in=spec["related_trials"]))
    missing = set(spec["related_trials"]) - {trial.nct_id for trial in trials}
    if missing:
        raise DemoContentError(f"Article {spec['slug']!r} links to unknown trials: {', '.join(sorted(missing))}")
    article.related_trials.set(trials)
    _walk_workflow(article, spec, editor=editor, moderator=moderator)
    report.created["articles"] += 1


def _question_ensure(spec: dict[str, Any], *, categories, editor, moderator, report: LoadReport) -> None:
    if Question.objects.filter(slug=spec["slug"]).exists():
        report.existing["faqs"] += 1
        return
    question = Question(
        slug=spec["slug"],
        title=spec["title"],
        category=categories[spec["category"]],
        position=spec["position"],
        featured=spec["featured"],
        summary=spec["summary"],
        body=_text(spec["body"]),
        last_reviewed=_date(spec["last_reviewed"]),
        reviewed_by=_medical_reviewer(spec, moderator),
    )
    content_save(item=question, user=editor, tags=spec["tags"])
    _walk_workflow(question, spec, editor=editor, moderator=moderator)
    report.created["faqs"] += 1
