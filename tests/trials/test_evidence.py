"""Evidence links: an article or FAQ that links a trial is flagged when the registry changes the trial.

End to end with the importer: a real ClinicalTrials.gov record, then a changed copy of it.
"""

from __future__ import annotations

import ast
import datetime
import json
from pathlib import Path

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.content.models import Status
from tests.content.forms import article_form_data
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory, publish
from tests.trials.helpers import DATA_DIR
from trials.evidence import evidence_flags_record, evidence_flags_resolve, evidence_links, outdated_items
from trials.imports import trials_import_files
from trials.models import EvidenceFlag, Trial, TrialChange
from trials.sync import Outcome

pytestmark = pytest.mark.django_db

RECORD = DATA_DIR / "NCT06451159.json"  # KYV-101 in progressive MS: ACTIVE_NOT_RECRUITING, last update 2026-08-10
NOTE = (
    'Registry update on <time datetime="2026-11-20">20 November 2026</time>: Recruitment status changed from '
    "Active, not recruiting to Completed. This page has not been re-reviewed since."
)


def changed_copy(tmp_path: Path, **status_fields) -> Path:
    """The real record with its status module changed, as the registry would serve it after an update."""
    document = json.loads(RECORD.read_bytes().decode("utf-8-sig"))
    document["protocolSection"]["statusModule"].update(status_fields)
    path = tmp_path / RECORD.name
    path.write_text(json.dumps(document))
    return path


@pytest.fixture
def imported_trial() -> Trial:
    report = trials_import_files(paths=[RECORD])
    assert [result.outcome for result in report.results] == [Outcome.CREATED]
    return publish(Trial.objects.get(nct_id="NCT06451159"), summary="A first CAR T trial in progressive MS.")


def test_a_registry_status_change_flags_the_linked_article_and_faq_until_an_editor_checks(
    client, editor_client, editor, imported_trial, tmp_path, page_cache, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="CAR T in progressive MS")
    article.related_trials.add(imported_trial)
    faq = QuestionFactory(title="Can I join a CAR T trial?")
    faq.related_trials.add(imported_trial)
    archived = ArticleFactory(status=Status.ARCHIVED)
    archived.related_trials.add(imported_trial)
    page = client.get(article.get_absolute_url()).content.decode()
    assert imported_trial.title in page and "Registry update" not in page  # now in the page cache

    with django_capture_on_commit_callbacks(execute=True):
        report = trials_import_files(
            paths=[
                changed_copy(
                    tmp_path,
                    overallStatus="COMPLETED",
                    lastUpdatePostDateStruct={"date": "2026-11-20", "type": "ACTUAL"},
                )
            ]
        )
    assert [result.outcome for result in report.results] == [Outcome.UPDATED]
    assert [change.field for change in report.results[0].changes] == ["overall_status"]

    flags = EvidenceFlag.objects.open()
    assert {flag.item for flag in flags} == {article, faq}  # not the archived article
    assert flags[0].text == (
        f"May be outdated: {imported_trial.title}: recruitment status changed from Active, not recruiting to "
        "Completed on 20 November 2026"
    )
    for item in (article, faq):
        assert NOTE in client.get(item.get_absolute_url()).content.decode()  # the cached page was replaced

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "mark_evidence_checked", ACTION_CHECKBOX_NAME: [article.pk]},
            follow=True,
        )
    assert "1 registry change note(s) resolved." in response.content.decode()
    assert "Registry update" not in client.get(article.get_absolute_url()).content.decode()
    assert NOTE in client.get(faq.get_absolute_url()).content.decode()  # still open until checked
    resolved = EvidenceFlag.objects.get(object_id=article.pk, content_type__model="article")
    assert resolved.resolved_by == editor and resolved.resolved_at is not None


def test_a_new_medical_review_in_the_admin_resolves_the_flags_raised_up_to_that_day(
    moderator_client, imported_trial, tmp_path
):
    article = ArticleFactory(last_reviewed=datetime.date(2026, 1, 5))
    article.related_trials.add(imported_trial)
    trials_import_files(paths=[changed_copy(tmp_path, overallStatus="COMPLETED")])
    assert EvidenceFlag.objects.open().count() == 1
    data = article_form_data(article, last_reviewed=datetime.date.today().isoformat())
    response = moderator_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert EvidenceFlag.objects.open().count() == 0


def test_a_review_dated_before_the_change_does_not_resolve_it(editor, imported_trial, tmp_path):
    article = ArticleFactory()
    article.related_trials.add(imported_trial)
    trials_import_files(paths=[changed_copy(tmp_path, overallStatus="COMPLETED")])
    assert evidence_flags_resolve(item=article, user=editor, reviewed_on=datetime.date(2026, 1, 1)) == 0
    assert evidence_flags_resolve(item=article, user=editor) == 1


def test_site_changes_alone_flag_nothing(imported_trial, tmp_path):
    article = ArticleFactory()
    article.related_trials.add(imported_trial)
    document = json.loads(RECORD.read_bytes().decode("utf-8-sig"))
    document["protocolSection"]["contactsLocationsModule"]["locations"] = []
    path = tmp_path / RECORD.name
    path.write_text(json.dumps(document))
    report = trials_import_files(paths=[path])
    assert [change.field for change in report.results[0].changes] == ["sites_removed"]
    assert not EvidenceFlag.objects.exists()


def test_phase_enrollment_and_completion_changes_are_flagged_with_plain_sentences(imported_trial, tmp_path):
    faq = QuestionFactory()
    faq.related_trials.add(imported_trial)
    document = json.loads(RECORD.read_bytes().decode("utf-8-sig"))
    document["protocolSection"]["designModule"]["phases"] = ["PHASE1", "PHASE2"]
    document["protocolSection"]["designModule"]["enrollmentInfo"]["count"] = 24
    document["protocolSection"]["statusModule"]["completionDateStruct"] = {"date": "2028-06", "type": "ESTIMATED"}
    path = tmp_path / RECORD.name
    path.write_text(json.dumps(document))
    trials_import_files(paths=[path])
    sentences = sorted(flag.sentence for flag in EvidenceFlag.objects.open())
    assert sentences == [
        "completion date changed from Feb 2027 (estimated) to Jun 2028 (estimated)",
        "number of participants changed from 10 to 24",
        "phase changed from Phase 1 to Phase 1/2",
    ]


def test_the_same_change_recorded_twice_flags_once(imported_trial):
    article = ArticleFactory()
    article.related_trials.add(imported_trial)
    change = TrialChange.objects.create(
        trial=imported_trial, field="overall_status", old_value="RECRUITING", new_value="COMPLETED"
    )
    evidence_flags_record(trial=imported_trial, changes=[change])
    evidence_flags_record(trial=imported_trial, changes=[change])
    assert EvidenceFlag.objects.count() == 1


def test_linked_content_is_found_from_the_registry_not_by_name():
    assert {(model._meta.label, name) for model, name in evidence_links()} == {
        ("articles.Article", "related_trials"),
        ("faq.Question", "related_trials"),
    }


def test_trials_never_imports_articles_or_faq():
    root = Path(__file__).resolve().parents[2] / "trials"
    offenders = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            offenders += [f"{path.name}: {name}" for name in names if name.split(".")[0] in ("articles", "faq")]
    assert offenders == []


@pytest.mark.parametrize("name", ["articles_article", "faq_question"])
def test_both_admins_pick_trials(moderator_client, name):
    factory = ArticleFactory if name == "articles_article" else QuestionFactory
    item = factory()
    TrialFactory(title="Pick me")
    page = moderator_client.get(reverse(f"admin:{name}_change", args=[item.pk])).content.decode()
    assert 'name="related_trials"' in page and "selectfilter" in page and "Pick me" in page
    assert "registry changes since last checked" in page.lower()


def test_outdated_items_has_a_constant_query_count(django_assert_num_queries):
    def make(count: int) -> None:
        for _ in range(count):
            trial = TrialFactory()
            change = TrialChange.objects.create(
                trial=trial, field="overall_status", old_value="RECRUITING", new_value="ACTIVE_NOT_RECRUITING"
            )
            ArticleFactory().related_trials.add(trial)
            QuestionFactory().related_trials.add(trial)
            evidence_flags_record(trial=trial, changes=[change])

    make(3)
    with CaptureQueriesContext(connection) as baseline:
        assert len([(flag.item.title, flag.text) for flag in outdated_items()]) == 6
    make(12)
    with django_assert_num_queries(len(baseline.captured_queries)):
        rows = [(flag.item.title, flag.text) for flag in outdated_items(limit=100)]
    assert len(rows) == 30
    assert "changed from Recruiting to Active, not recruiting" in rows[0][1]
