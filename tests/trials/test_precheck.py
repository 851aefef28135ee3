"""Could this trial fit me? Each rule, "can't tell" when the listing lacks a criterion, and privacy."""

from __future__ import annotations

import decimal
import logging

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import TrialFactory
from trials.models import Trial
from trials.precheck import CANT_TELL, MAY_FIT, PROBABLY_NOT, PrecheckForm, assess


def trial(**fields) -> Trial:
    defaults = {
        "overall_status": "RECRUITING",
        "minimum_age": "18 Years",
        "maximum_age": "65 Years",
        "sex": "ALL",
        "condition_groups": ["ms_relapsing"],
    }
    return Trial(**{**defaults, **fields})


def test_age_outside_the_range_is_probably_not_in_plain_words() -> None:
    verdict = assess(trial(), {"age": 70})
    assert verdict.label == PROBABLY_NOT
    assert verdict.text == "Probably not: this trial is for people aged 18 to 65 years"
    assert assess(trial(), {"age": 40}).label == MAY_FIT


def test_no_age_range_in_the_listing_is_cant_tell() -> None:
    verdict = assess(trial(minimum_age="", maximum_age=""), {"age": 40})
    assert verdict.label == CANT_TELL and verdict.text == "We can't tell from the listing"


def test_sex() -> None:
    assert assess(trial(sex="FEMALE"), {"sex": "male"}).reasons == ["this trial is for women only"]
    assert assess(trial(sex="ALL"), {"sex": "male"}).label == MAY_FIT


def test_ms_type_from_condition_groups_and_from_editors() -> None:
    assert assess(trial(condition_groups=["ms_progressive"]), {"ms_type": "relapsing"}).label == PROBABLY_NOT
    assert assess(trial(condition_groups=["ms_progressive"]), {"ms_type": "ppms"}).label == MAY_FIT
    assert assess(trial(condition_groups=["ms"]), {"ms_type": "ppms"}).label == CANT_TELL
    assert assess(trial(condition_groups=["lupus"]), {"ms_type": "ppms"}).reasons == [
        "this trial is not for people with MS"
    ]
    editors = trial(condition_groups=["ms"], ms_types=["spms"], ms_types_source="Diagnosis of SPMS.")
    verdict = assess(editors, {"ms_type": "ppms"})
    assert verdict.reasons == ["this trial is for people with secondary progressive MS"]
    assert verdict.sources == ["Diagnosis of SPMS."]
    assert assess(trial(), {"ms_type": "unsure"}).label == CANT_TELL


def test_edss_range() -> None:
    edss = trial(edss_min=decimal.Decimal("3.0"), edss_max=decimal.Decimal("6.5"), edss_source="EDSS 3.0 to 6.5.")
    verdict = assess(edss, {"edss": "7.0"})
    assert verdict.reasons == ["this trial is for people with an EDSS from 3.0 to 6.5"]
    assert verdict.sources == ["EDSS 3.0 to 6.5."]
    assert assess(edss, {"edss": "4.5"}).label == MAY_FIT
    assert assess(edss, {"edss": "unknown"}).label == CANT_TELL
    assert assess(trial(), {"edss": "4.5"}).label == CANT_TELL  # no EDSS criterion entered


def test_treatments_required_and_excluded() -> None:
    excluded = trial(excluded_treatments=["alemtuzumab"], excluded_treatments_source="No prior alemtuzumab.")
    verdict = assess(excluded, {"treatments": ["alemtuzumab", "ocrelizumab"]})
    assert verdict.reasons == ["people who have had Alemtuzumab (Lemtrada) cannot take part"]
    assert verdict.sources == ["No prior alemtuzumab."]
    assert assess(excluded, {"treatments": ["ocrelizumab"]}).label == MAY_FIT
    required = trial(required_treatments=["ocrelizumab", "ofatumumab"])
    assert assess(required, {"treatments": ["fingolimod"]}).label == PROBABLY_NOT
    assert assess(required, {"treatments": ["ofatumumab"]}).label == MAY_FIT
    assert assess(trial(), {"treatments": ["fingolimod"]}).label == CANT_TELL


def test_relapse_window() -> None:
    excluded = trial(relapse_rule="excluded", relapse_months=12)
    assert assess(excluded, {"relapse": "yes"}).reasons == [
        "people with a relapse in the last 12 months cannot take part"
    ]
    assert assess(excluded, {"relapse": "no"}).label == MAY_FIT
    required = trial(relapse_rule="required", relapse_months=12)
    assert assess(required, {"relapse": "no"}).label == PROBABLY_NOT
    assert assess(trial(relapse_rule="required", relapse_months=24), {"relapse": "no"}).label == CANT_TELL
    assert assess(trial(relapse_rule="excluded", relapse_months=3), {"relapse": "yes"}).label == CANT_TELL
    assert assess(trial(), {"relapse": "yes"}).label == CANT_TELL


def test_a_closed_trial_is_probably_not() -> None:
    assert "this trial is not taking new participants" in assess(trial(overall_status="COMPLETED"), {}).reasons


def test_no_answers_is_cant_tell() -> None:
    assert assess(trial(), {}).label == CANT_TELL


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"fit-age": "300"}, "age", "Enter an age between 0 and 120."),
        ({"fit-age": "-1"}, "age", "Enter an age between 0 and 120."),
        ({"fit-age": "old"}, "age", "Enter your age in whole years"),
        ({"fit-edss": "12"}, "edss", "EDSS goes from 0 to 9.5 in steps of 0.5"),
        ({"fit-edss": "4.25"}, "edss", "EDSS goes from 0 to 9.5"),
        ({"fit-treatments": "snake_oil"}, "treatments", "Choose treatments from the list."),
    ],
)
def test_impossible_values_get_a_message_and_the_other_answers_are_kept(data, field, message) -> None:
    query = QueryDict(mutable=True)
    query.update({**data, "fit-sex": "female", "fit-ms_type": "ppms"})
    form = PrecheckForm(query)
    answers = form.answers()
    assert message in " ".join(form.errors[field])
    assert answers == {"sex": "female", "ms_type": "ppms"}


# ---------------------------------------------------------------------------------------------
# On the pages, privately

ANSWERS = {"fit-age": "47", "fit-sex": "female", "fit-ms_type": "spms", "fit-edss": "6.5", "fit-relapse": "no"}


@pytest.mark.django_db
def test_trial_page_precheck_shows_the_result_and_not_medical_advice(client) -> None:
    item = TrialFactory(minimum_age="18 Years", maximum_age="40 Years", condition_groups=["ms_progressive"])
    html = client.post(item.get_absolute_url(), ANSWERS).content.decode()
    assert "Probably not: this trial is for people aged 18 to 40 years" in html
    assert "Not medical advice." in html
    assert 'value="47"' in html  # the answers are kept in the form, for the reader only


@pytest.mark.django_db
def test_impossible_age_on_the_page_keeps_the_other_answers(client) -> None:
    item = TrialFactory(minimum_age="18 Years", maximum_age="65 Years", condition_groups=["ms_relapsing"])
    html = client.post(item.get_absolute_url(), {**ANSWERS, "fit-age": "300"}).content.decode()
    assert "Enter an age between 0 and 120." in html
    assert "Probably not: this trial is for people with relapsing MS" in html  # spms answer still used


@pytest.mark.django_db
def test_finder_precheck_labels_every_trial(client) -> None:
    TrialFactory(title="Young only", maximum_age="40 Years", condition_groups=["ms_progressive"])
    TrialFactory(title="Progressive", condition_groups=["ms_progressive"], minimum_age="18 Years")
    response = client.post(reverse("trials:list"), ANSWERS)
    fits = {trial.title: trial.fit.label for trial in response.context["object_list"]}
    assert fits == {"Young only": PROBABLY_NOT, "Progressive": CANT_TELL}  # no EDSS criterion entered


@pytest.mark.django_db(transaction=True)
def test_answers_are_never_written_or_logged(client, caplog) -> None:
    item = TrialFactory(condition_groups=["ms"])
    client.get(item.get_absolute_url())  # session, CSRF cookie
    caplog.set_level(logging.DEBUG)
    marker = {**ANSWERS, "fit-age": "83"}
    with CaptureQueriesContext(connection) as queries:
        client.post(item.get_absolute_url(), marker)
        client.post(reverse("trials:list"), marker)
        client.post(item.get_absolute_url(), {**marker, "fit-edss": "12"})
    statements = [query["sql"].lstrip().split()[0].upper() for query in queries.captured_queries]
    assert set(statements) <= {"SELECT", "SAVEPOINT", "RELEASE"}, statements
    logged = " ".join(record.getMessage() + repr(record.__dict__.get("request", "")) for record in caplog.records)
    assert "83" not in logged and "spms" not in logged
