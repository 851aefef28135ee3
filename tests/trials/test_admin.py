"""Admin: "Refresh from ClinicalTrials.gov" and "Add trial by NCT number", with a fake registry."""

from __future__ import annotations

import httpx
import pytest
from django.urls import reverse

from portal.content.models import Status
from tests.factories import TrialFactory
from tests.trials.helpers import fake_client, registry, study
from trials import imports, sync
from trials.models import Trial, TrialChange
from trials.registry.parse import parse_study

pytestmark = pytest.mark.django_db

ADD_URL = "admin:trials_trial_add_by_nct"


@pytest.fixture
def use_registry(monkeypatch):
    def install(handler):
        monkeypatch.setattr(imports, "ctgov_client", lambda: fake_client(handler))

    return install


def network_down(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("Name or service not known", request=request)


def test_changelist_links_to_add_by_nct(editor_client) -> None:
    response = editor_client.get(reverse("admin:trials_trial_changelist"))
    assert reverse(ADD_URL) in response.content.decode()


def test_changelist_query_count_is_fixed(moderator_client, django_assert_max_num_queries) -> None:
    TrialFactory.create_batch(3, tags=["a"])
    with django_assert_max_num_queries(12) as few:
        moderator_client.get(reverse("admin:trials_trial_changelist"))
    TrialFactory.create_batch(27, tags=["a"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        moderator_client.get(reverse("admin:trials_trial_changelist"))


def test_add_by_nct_shows_what_will_be_created_then_creates_a_draft(editor_client, editor, use_registry) -> None:
    use_registry(registry({"NCT01234567": study(status="RECRUITING")}))

    preview = editor_client.post(reverse(ADD_URL), {"nct_id": " nct01234567 ", "fetch": "1"})
    assert preview.status_code == 200
    assert "CD19 CAR T cells, study NCT01234567" in preview.content.decode()
    assert "Germany (1)" in preview.content.decode()
    assert "<dd>Phase 1</dd>" in preview.content.decode()
    assert not Trial.objects.exists()

    done = editor_client.post(reverse(ADD_URL), {"nct_id": "NCT01234567", "confirm": "1"})

    trial = Trial.objects.get()
    assert done.status_code == 302 and done.url == reverse("admin:trials_trial_change", args=[trial.pk])
    assert (trial.status, trial.author, trial.overall_status) == (Status.DRAFT, editor, "RECRUITING")


def test_add_by_nct_when_the_network_is_down_says_so_and_keeps_the_input(editor_client, use_registry) -> None:
    use_registry(network_down)
    response = editor_client.post(reverse(ADD_URL), {"nct_id": "NCT01234567", "confirm": "1"})
    html = response.content.decode()
    assert "ClinicalTrials.gov cannot be reached" in html
    assert 'value="NCT01234567"' in html
    assert not Trial.objects.exists()


def test_add_by_nct_rejects_bad_and_known_numbers(editor_client, use_registry) -> None:
    use_registry(registry({}))
    bad = editor_client.post(reverse(ADD_URL), {"nct_id": "NCT123"})
    assert "NCT followed by 8 digits" in bad.content.decode()
    assert 'aria-invalid="true"' in bad.content.decode()
    TrialFactory(nct_id="NCT01234567", title="Known trial")
    known = editor_client.post(reverse(ADD_URL), {"nct_id": "NCT01234567"})
    assert "already on the portal" in known.content.decode()
    missing = editor_client.post(reverse(ADD_URL), {"nct_id": "NCT07654321"})
    assert "not found on ClinicalTrials.gov" in missing.content.decode()


def test_add_by_nct_needs_add_permission(client, user) -> None:
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get(reverse(ADD_URL)).status_code == 403


def refresh(client, trial):
    return client.post(
        reverse("admin:trials_trial_changelist"),
        {"action": "refresh_from_registry", "_selected_action": [trial.pk]},
        follow=True,
    )


def test_refresh_action_updates_registry_facts_and_reports_changes(editor_client, use_registry) -> None:
    sync.trial_import(parsed=parse_study(study()))
    trial = Trial.objects.get()
    use_registry(registry({"NCT01234567": study(status="RECRUITING", last_update="2024-03-01")}))

    response = refresh(editor_client, trial)

    messages = [str(message) for message in response.context["messages"]]
    assert any("1 updated" in message for message in messages)
    assert any("Started recruiting Mar 2024" in message for message in messages)
    assert TrialChange.objects.count() == 1


def test_refresh_action_when_the_network_is_down_changes_nothing(editor_client, use_registry) -> None:
    sync.trial_import(parsed=parse_study(study()))
    trial = Trial.objects.get()
    use_registry(network_down)

    response = refresh(editor_client, trial)

    messages = [str(message) for message in response.context["messages"]]
    assert any("could not be reached" in message and "nothing changed" in message for message in messages)
    assert Trial.objects.get().overall_status == "NOT_YET_RECRUITING"


def test_registry_facts_are_read_only_in_the_change_form(editor_client) -> None:
    trial = TrialFactory(status="draft")  # editors change published items only after a send-back
    response = editor_client.get(reverse("admin:trials_trial_change", args=[trial.pk]))
    form_fields = response.context["adminform"].form.fields
    assert "overall_status" not in form_fields
    assert "what_it_means" in form_fields
