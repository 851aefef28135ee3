"""Bad input on the finder: a normal page with a clear message, the other filters kept, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import TrialFactory

pytestmark = pytest.mark.django_db

KEPT = {"phase": "PHASE1"}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "BOGUS"}, "Select a valid choice"),
        ({"phase": "PHASE9"}, "Select a valid choice"),
        ({"target": "cd99"}, "Select a valid choice"),
        ({"condition": "flu"}, "Select a valid choice"),
        ({"sponsor": "pharma"}, "Select a valid choice"),
        ({"country": "x" * 500}, "at most 120 characters"),
        ({"sort": "random"}, "We don&#x27;t know that order"),
        ({"place": "Xyzzyville"}, "We could not find a place called “Xyzzyville”"),
        ({"place": "y" * 300}, "at most 100 characters"),
        ({"place": "Berlin", "distance": "-5"}, "Choose a distance of 50, 100, 300 or 1,000."),
        ({"place": "Berlin", "distance": "1000000000"}, "Choose a distance of 50, 100, 300 or 1,000."),
        ({"place": "Berlin", "distance": "abc"}, "Choose a distance of 50, 100, 300 or 1,000."),
        ({"place": "Berlin", "unit": "parsec"}, "Choose km or miles."),
        ({"lat": "abc", "lon": "13"}, "Enter a number"),
        ({"lat": "200", "lon": "13"}, "less than or equal to 90"),
        ({"lat": "52.5"}, "Your location was incomplete"),
        ({"page": "abc"}, "is not a page number, so this is the first page"),
        ({"page": "0"}, "Page numbers start at 1"),
        ({"page": "999"}, "There are only 1 pages, so this is the last one"),
        ({"page": "-3"}, "Page numbers start at 1"),
        ({"page": "9" * 40}, "There are only 1 pages"),
    ],
)
def test_every_bad_parameter_gives_a_normal_page_with_a_message(client, params, message) -> None:
    TrialFactory(title="Kept", phases=["PHASE1"], condition_groups=["ms"])
    TrialFactory(title="Filtered out", phases=["PHASE2"], condition_groups=["ms"])
    response = client.get(reverse("trials:list"), {**KEPT, **params})
    assert response.status_code == 200
    assert message in response.content.decode()
    shown = [trial.title for trial in response.context["object_list"]]
    if "phase" in params:  # the bad filter itself is dropped
        assert sorted(shown) == ["Filtered out", "Kept"]
    elif params.get("place") == "Berlin":  # the place still applies (100 km); neither trial has a site
        assert shown == [] and response.context["near"]["distance"] == 100
    else:
        assert shown == ["Kept"]  # the other filter is kept


def test_repeated_parameters_use_the_last_value_and_say_so(client) -> None:
    TrialFactory(title="Completed", overall_status="COMPLETED")
    response = client.get(reverse("trials:list") + "?status=open&status=all&phase=PHASE1&phase=PHASE1")
    assert response.status_code == 200
    assert "These were given more than once, so the last value was used: status, phase." in response.content.decode()
    assert [trial.title for trial in response.context["object_list"]] == ["Completed"]


def test_unknown_parameters_are_ignored(client) -> None:
    TrialFactory(title="Shown")
    response = client.get(reverse("trials:list"), {"utm_source": "x", "foo": "<script>"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
