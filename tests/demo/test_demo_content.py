"""Tests for `load_demo_content` (portal/demo/): idempotence, accounts, data quality.

The data checks at the top need no database. The registry check compares the demo's stored facts
with the real records in trials/fixtures/ctgov (see its SOURCES.md). The demo is loaded once for the
module (`demo`), inside a transaction every test rolls back to and the module rolls back at the end;
loading into an empty database is tested in test_demo_content_empty.py.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils.html import escape

from articles.models import Article, Source
from faq.models import Category, Question
from portal.content.models import ModerationEvent, Status
from portal.demo import data
from tests.conftest import FAST_PASSWORD_HASHERS
from trials.models import CarTTarget, Location, Trial
from trials.registry.files import load_path
from trials.registry.parse import is_nct_id, parse_study

CONTENT_MODELS = (Article, Question, Trial)
PASSWORD_LINE = re.compile(r"Created staff account '(?P<username>\w+)' \(\w+\) with password: (?P<password>\S+)")


def load() -> str:
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The demo, loaded once for this module; its output (with the passwords printed once).

    Each `django_db` test runs in a savepoint inside this transaction, so it sees the demo as loaded
    and undoes its own changes; the whole load is rolled back after the module."""
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS), django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def printed_passwords(output: str) -> dict[str, str]:
    return {match["username"]: match["password"] for match in PASSWORD_LINE.finditer(output)}


# ---------------------------------------------------------------------------------------------
# The data itself (no database)

# "Cure" may only appear in these careful phrases; anything else reads as a promise.
ALLOWED_CURE_PHRASES = ("is not a cure", "no cure")
CURE_WORD = re.compile(r"\bcur(?:e|es|ed|ing)\b", re.IGNORECASE)


def cure_promises(text: str) -> list[str]:
    for phrase in ALLOWED_CURE_PHRASES:
        text = re.sub(re.escape(phrase), "", text, flags=re.IGNORECASE)
    return CURE_WORD.findall(text)


def demo_texts() -> list[tuple[str, str]]:
    texts = []
    for spec in (*data.ARTICLES, *data.QUESTIONS, *data.TRIALS):
        name = spec.get("slug")
        title = spec.get("title") or spec["registry"]["title"]
        texts.append((f"{name}.title", title))
        texts += [(f"{name}.{f}", spec.get(f, "")) for f in ("summary", "body", "what_it_means")]
    return texts


def test_cure_check_catches_a_promise_and_allows_careful_phrases() -> None:
    assert cure_promises("A single infusion cures MS.") == ["cures"]
    assert cure_promises("Patients were cured.") == ["cured"]
    assert cure_promises("CAR T is not a cure. There is no cure for MS yet.") == []


@pytest.mark.parametrize(("where", "text"), demo_texts(), ids=[where for where, _ in demo_texts()])
def test_no_demo_text_promises_a_cure(where: str, text: str) -> None:
    assert cure_promises(text) == [], f"{where} uses 'cure' as a promise"


def test_published_demo_items_are_dated_within_the_demo_years() -> None:
    for spec in (*data.ARTICLES, *data.QUESTIONS, *data.TRIALS):
        if spec["workflow"] == data.PUBLISHED:
            assert datetime.date.fromisoformat(spec["published_on"]).year in (2025, 2026), spec["slug"]
            assert datetime.date.fromisoformat(spec["last_reviewed"]).year == 2026, spec["slug"]


DATA_DIR = Path(__file__).resolve().parents[2] / "trials" / "fixtures" / "ctgov"
RECORDED_TRIALS = [spec for spec in data.TRIALS if spec["registry_checked_at"]]


@pytest.mark.parametrize("spec", RECORDED_TRIALS, ids=[spec["nct_id"] for spec in RECORDED_TRIALS])
def test_stored_registry_facts_match_the_real_record(spec) -> None:
    path = DATA_DIR / f"{spec['nct_id']}.json"
    if not path.is_file():
        pytest.fail(f"real ClinicalTrials.gov record {path} is missing (see trials/fixtures/ctgov/SOURCES.md)")
    (study,) = load_path(path)
    parsed = parse_study(study)
    for name, value in spec["registry"].items():
        expected = getattr(parsed, name)
        assert (list(expected) if isinstance(expected, tuple) else expected) == value, name
    assert spec["car_t_target"] == parsed.car_t_target
    real_sites = {(site.facility, site.city, site.state, site.country, site.status) for site in parsed.locations}
    for site in spec["locations"]:
        assert (site["facility"], site["city"], site["state"], site["country"], site["status"]) in real_sites


# ---------------------------------------------------------------------------------------------
# Loading


def content_counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in CONTENT_MODELS}
    counts.update(
        users=get_user_model().objects.count(),
        categories=Category.objects.count(),
        sources=Source.objects.count(),
        locations=Location.objects.count(),
        events=ModerationEvent.objects.count(),
        related=Article.related_trials.through.objects.count(),
    )
    return counts


@pytest.mark.django_db
def test_loading_twice_creates_nothing_new(demo) -> None:
    first = content_counts()
    output = load()

    assert content_counts() == first
    for model in CONTENT_MODELS:
        assert model.objects.values("slug").distinct().count() == model.objects.count()
    assert "Articles: 0 created, 7 already there" in output
    assert "Trials: 0 created, 9 already there" in output


@pytest.mark.django_db
def test_loading_twice_leaves_existing_items_unchanged(demo) -> None:
    article = Article.objects.get(slug=data.ARTICLES[0]["slug"])
    Article.objects.filter(pk=article.pk).update(title="Changed by an editor")
    load()
    assert Article.objects.get(pk=article.pk).title == "Changed by an editor"


@pytest.mark.django_db
def test_minimum_counts_per_type_and_status(demo) -> None:
    assert Article.objects.count() >= 6
    assert Question.objects.count() >= 12
    assert Trial.objects.count() >= 8
    assert Category.objects.filter(questions__status=Status.PUBLISHED).distinct().count() >= 3
    assert Article.objects.filter(status=Status.DRAFT).exists()
    assert Article.objects.filter(status=Status.IN_REVIEW).exists()
    assert Question.objects.filter(status=Status.IN_REVIEW).exists()
    assert Trial.objects.filter(status=Status.DRAFT).exists()
    assert Article.objects.published().count() >= 4
    assert Trial.objects.published().count() >= 6
    assert 4 <= Question.objects.published().filter(featured=True).count() <= 6


@pytest.mark.django_db
def test_every_published_item_has_tags_dates_and_moderation_history(demo) -> None:
    users = get_user_model().objects
    editor, moderator = users.get(username="editor"), users.get(username="moderator")
    for model in CONTENT_MODELS:
        for item in model.objects.published().prefetch_related("tags"):
            assert list(item.tags.all()), item.slug
            assert item.published_at.year in (2025, 2026), item.slug
            assert item.published_at.date() < datetime.date(2026, 11, 1), item.slug
            assert item.last_reviewed.year == 2026, item.slug
            events = {
                (e.from_status, e.to_status, e.actor_id)
                for e in ModerationEvent.objects.filter(content_type__model=model._meta.model_name, object_id=item.pk)
            }
            assert events == {
                (Status.DRAFT, Status.IN_REVIEW, editor.pk),
                (Status.IN_REVIEW, Status.PUBLISHED, moderator.pk),
            }, item.slug


@pytest.mark.django_db
def test_published_dates_are_the_fixed_demo_dates(demo) -> None:
    spec = data.ARTICLES[0]
    article = Article.objects.get(slug=spec["slug"])
    assert article.published_at.date().isoformat() == spec["published_on"]


@pytest.mark.django_db
def test_trials_have_valid_nct_numbers_and_a_car_t_target(demo) -> None:
    for trial in Trial.objects.all():
        assert is_nct_id(trial.nct_id), trial.nct_id
        assert trial.car_t_target in (CarTTarget.CD19, CarTTarget.BCMA), trial.nct_id
        assert trial.summary and trial.body and trial.what_it_means, trial.nct_id
        trial.full_clean()
    assert Trial.objects.filter(car_t_target=CarTTarget.BCMA).exists()


@pytest.mark.django_db
def test_published_articles_have_two_to_four_sources_and_related_trials(demo) -> None:
    for article in Article.objects.published().prefetch_related("sources", "related_trials"):
        sources = list(article.sources.all())
        assert 2 <= len(sources) <= 4, article.slug
        assert all(source.url.startswith("https://") for source in sources), article.slug
        assert list(article.related_trials.all()), article.slug


@pytest.mark.django_db
def test_trial_locations_are_stored_with_their_key(demo) -> None:
    site = Location.objects.get(trial__nct_id="NCT06193889", city="São Paulo")
    assert site.key == "hospital israelita albert einstein|são paulo|brazil"
    assert site.is_recruiting


# ---------------------------------------------------------------------------------------------
# Accounts


@pytest.mark.django_db
def test_new_accounts_get_a_working_password_printed_once(demo) -> None:
    first = demo
    passwords = printed_passwords(first)
    assert set(passwords) == {"moderator", "editor"}
    for username, password in passwords.items():
        assert get_user_model().objects.get(username=username).check_password(password)

    second = load()
    assert printed_passwords(second) == {}
    assert all(password not in second for password in passwords.values())
    assert ".venv/bin/python manage.py changepassword moderator" in second  # as the README shows it


@pytest.mark.django_db
def test_each_fresh_account_gets_a_different_random_password(demo) -> None:
    first = printed_passwords(demo)
    get_user_model().objects.filter(username__in=["moderator", "editor"]).delete()
    second = printed_passwords(load())
    assert first["moderator"] != second["moderator"]
    assert first["moderator"] != first["editor"]
    assert len(second["moderator"]) >= 16


@pytest.mark.django_db
def test_accounts_are_staff_in_their_groups_without_superuser(demo) -> None:
    moderator = get_user_model().objects.get(username="moderator")
    editor = get_user_model().objects.get(username="editor")
    assert moderator.is_staff and not moderator.is_superuser
    assert editor.is_staff and not editor.is_superuser
    assert set(moderator.groups.values_list("name", flat=True)) == {"Moderators", "Medical reviewers"}
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]


@pytest.mark.django_db
def test_published_demo_articles_and_faqs_name_their_medical_review(client, demo) -> None:
    moderator = get_user_model().objects.get(username="moderator")
    for model in (Article, Question):
        for item in model.objects.published():
            assert item.reviewed_by == moderator and item.last_reviewed is not None, item.slug
    article = Article.objects.published().first()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Medically reviewed by Demo moderator" in html
    assert f'datetime="{article.last_reviewed:%Y-%m-%d}"' in html


# ---------------------------------------------------------------------------------------------
# Pages


@pytest.mark.django_db
def test_home_page_shows_the_demo_content(client, demo) -> None:
    newest_article = Article.objects.published().newest_first().first()
    featured = Question.objects.published().filter(featured=True).first()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert escape(newest_article.title) in html
    assert escape(featured.title) in html


@pytest.mark.django_db
def test_demo_article_page_shows_the_advice_note_and_sources(client, demo) -> None:
    article = Article.objects.get(slug="car-t-and-ms-the-basics")

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Not medical advice" in html
    assert "https://clinicaltrials.gov/study/NCT06451159" in html
