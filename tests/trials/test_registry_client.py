"""Tests for trials.registry.client against httpx.MockTransport: no network, no real sleeping."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from trials.registry.client import (
    USER_AGENT,
    CtgovClient,
    RegistryResponseError,
    RegistryUnavailable,
    StudyNotFound,
)
from trials.registry.parse import parse_study

Handler = Callable[[httpx.Request], httpx.Response]


class FakeTime:
    """A clock that only moves when something sleeps, recording every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Recorder:
    """A MockTransport handler replaying canned responses and keeping the requests it saw."""

    def __init__(self, *responses: httpx.Response | Exception | Handler) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        if isinstance(response, Exception):
            raise response
        if callable(response):
            return response(request)
        return response


def study(nct_id: str) -> dict[str, Any]:
    return {"protocolSection": {"identificationModule": {"nctId": nct_id}}}


def make_client(recorder: Recorder, time: FakeTime, **options: Any) -> CtgovClient:
    options.setdefault("min_interval", 0.0)
    return CtgovClient(transport=httpx.MockTransport(recorder), sleep=time.sleep, clock=time.clock, **options)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def test_get_study_returns_the_record(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(200, json=study("NCT06451159")))
    with make_client(recorder, fake_time) as client:
        data = client.get_study("NCT06451159")
    assert parse_study(data).nct_id == "NCT06451159"
    (request,) = recorder.requests
    assert request.method == "GET"
    assert str(request.url) == "https://clinicaltrials.gov/api/v2/studies/NCT06451159"
    assert fake_time.sleeps == []


def test_user_agent_and_accept_headers_are_sent(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(200, json=study("NCT06451159")))
    with make_client(recorder, fake_time) as client:
        client.get_study("NCT06451159")
    headers = recorder.requests[0].headers
    assert headers["User-Agent"] == USER_AGENT == "MS-Research-Portal/1.0 (trial tracker; contact via site)"
    assert headers["Accept"] == "application/json"


def test_nct_id_is_validated_before_any_request(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(200, json=study("NCT06451159")))
    with make_client(recorder, fake_time) as client:
        for bad in ("NCT123", "06451159", "NCT06451159/../x", ""):
            with pytest.raises(ValueError, match="not a ClinicalTrials.gov number"):
                client.get_study(bad)
        assert recorder.requests == []
        client.get_study(" nct06451159 ")  # pasted by an editor
    assert recorder.requests[0].url.path == "/api/v2/studies/NCT06451159"


def test_iter_studies_follows_next_page_token_and_sends_query_params(fake_time: FakeTime) -> None:
    pages = {
        None: {"studies": [study("NCT00000001"), study("NCT00000002")], "nextPageToken": "tok2"},
        "tok2": {"studies": [study("NCT00000003"), study("NCT00000004")], "nextPageToken": "tok3"},
        "tok3": {"studies": [study("NCT00000005")]},
    }
    recorder = Recorder(lambda request: httpx.Response(200, json=pages[request.url.params.get("pageToken")]))
    with make_client(recorder, fake_time) as client:
        found = client.iter_studies(
            cond="multiple sclerosis",
            intr="CAR T",
            term="CD19",
            overall_status=["RECRUITING", "NOT_YET_RECRUITING"],
            page_size=2,
        )
        ids = [parse_study(item).nct_id for item in found]

    assert ids == [f"NCT0000000{n}" for n in range(1, 6)]
    assert [r.url.path for r in recorder.requests] == ["/api/v2/studies"] * 3
    first = dict(recorder.requests[0].url.params)
    assert first == {
        "pageSize": "2",
        "query.cond": "multiple sclerosis",
        "query.intr": "CAR T",
        "query.term": "CD19",
        "filter.overallStatus": "RECRUITING,NOT_YET_RECRUITING",
    }
    assert [r.url.params.get("pageToken") for r in recorder.requests] == [None, "tok2", "tok3"]
    assert all(dict(r.url.params, pageToken=None) == dict(first, pageToken=None) for r in recorder.requests)


def test_iter_studies_sends_only_the_filters_given(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(200, json={"studies": []}))
    with make_client(recorder, fake_time) as client:
        assert list(client.iter_studies()) == []
    assert dict(recorder.requests[0].url.params) == {"pageSize": "100"}


def test_iter_studies_stops_on_a_repeated_page_token(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(200, json={"studies": [study("NCT00000001")], "nextPageToken": "same"}))
    with make_client(recorder, fake_time) as client, pytest.raises(RegistryResponseError, match="repeated"):
        list(client.iter_studies())
    assert len(recorder.requests) == 2


@pytest.mark.parametrize("page_size", [0, 1001])
def test_iter_studies_rejects_page_size_outside_the_api_limits(fake_time: FakeTime, page_size: int) -> None:
    with make_client(Recorder(httpx.Response(200, json={})), fake_time) as client, pytest.raises(ValueError):
        client.iter_studies(page_size=page_size)  # checked at call time, before any request


def test_server_error_is_retried_with_backoff(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(500), httpx.Response(200, json=study("NCT06451159")))
    with make_client(recorder, fake_time, backoff=0.5) as client:
        data = client.get_study("NCT06451159")
    assert data == study("NCT06451159")
    assert len(recorder.requests) == 2
    assert fake_time.sleeps == [0.5]


def test_429_honours_retry_after_seconds(fake_time: FakeTime) -> None:
    recorder = Recorder(
        httpx.Response(429, headers={"Retry-After": "3"}),
        httpx.Response(200, json=study("NCT06451159")),
    )
    with make_client(recorder, fake_time) as client:
        client.get_study("NCT06451159")
    assert len(recorder.requests) == 2
    assert fake_time.sleeps == [3.0]


def test_retry_after_is_capped(fake_time: FakeTime) -> None:
    recorder = Recorder(
        httpx.Response(503, headers={"Retry-After": "86400"}),
        httpx.Response(200, json=study("NCT06451159")),
    )
    with make_client(recorder, fake_time) as client:
        client.get_study("NCT06451159")
    assert fake_time.sleeps == [60.0]


def test_timeout_every_time_raises_registry_unavailable(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.ReadTimeout("timed out"))
    with make_client(recorder, fake_time, retries=3, backoff=0.5) as client, pytest.raises(RegistryUnavailable) as exc:
        client.get_study("NCT06451159")
    message = str(exc.value)
    assert message.startswith("ClinicalTrials.gov could not be reached: the request timed out")
    assert "4 attempts" in message and "/studies/NCT06451159" in message
    assert message.endswith("nothing was changed")
    assert len(recorder.requests) == 4
    assert fake_time.sleeps == [0.5, 1.0, 2.0]


def test_connection_error_raises_registry_unavailable(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.ConnectError("Name or service not known"))
    with make_client(recorder, fake_time, retries=1) as client, pytest.raises(RegistryUnavailable) as exc:
        list(client.iter_studies(cond="multiple sclerosis"))
    assert "ConnectError: Name or service not known" in str(exc.value)
    assert len(recorder.requests) == 2


def test_repeated_5xx_raises_registry_unavailable(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(503))
    with make_client(recorder, fake_time, retries=2) as client, pytest.raises(RegistryUnavailable) as exc:
        client.get_study("NCT06451159")
    assert "could not be reached: HTTP 503 Service Unavailable (3 attempts" in str(exc.value)
    assert len(recorder.requests) == 3


def test_404_raises_study_not_found_without_retrying(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(404, json={"message": "not found"}))
    with make_client(recorder, fake_time) as client, pytest.raises(StudyNotFound) as exc:
        client.get_study("NCT09999999")
    assert not isinstance(exc.value, RegistryUnavailable)
    assert exc.value.nct_id == "NCT09999999"
    assert "NCT09999999 was not found on ClinicalTrials.gov" in str(exc.value)
    assert len(recorder.requests) == 1


def test_other_client_errors_are_reported_not_retried(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(400, text="filter.overallStatus: unknown value 'OPEN'"))
    with make_client(recorder, fake_time) as client, pytest.raises(RegistryResponseError) as exc:
        list(client.iter_studies(overall_status=["OPEN"]))
    assert "HTTP 400" in str(exc.value) and "unknown value 'OPEN'" in str(exc.value)
    assert len(recorder.requests) == 1


def test_non_json_body_is_reported(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(200, text="<html>maintenance</html>"))
    with make_client(recorder, fake_time) as client, pytest.raises(RegistryResponseError, match="not JSON"):
        client.get_study("NCT06451159")


def test_requests_are_throttled_with_the_injected_sleep(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(200, json=study("NCT06451159")))
    with make_client(recorder, fake_time, min_interval=0.35) as client:
        client.get_study("NCT06451159")  # first request: no wait
        client.get_study("NCT06451159")  # immediately after: waits the full interval
        fake_time.now += 1.0
        client.get_study("NCT06451159")  # long after: no wait
        fake_time.now += 0.25
        client.get_study("NCT06451159")  # 0.25 s after: waits the remainder
    assert fake_time.sleeps == pytest.approx([0.35, 0.10])
    assert len(recorder.requests) == 4


def test_throttle_applies_between_pages(fake_time: FakeTime) -> None:
    pages = [
        httpx.Response(200, json={"studies": [study("NCT00000001")], "nextPageToken": "b"}),
        httpx.Response(200, json={"studies": [study("NCT00000002")], "nextPageToken": "c"}),
        httpx.Response(200, json={"studies": [study("NCT00000003")]}),
    ]
    with make_client(Recorder(*pages), fake_time, min_interval=0.35) as client:
        assert len(list(client.iter_studies())) == 3
    assert fake_time.sleeps == pytest.approx([0.35, 0.35])


def test_client_is_closed_by_the_context_manager(fake_time: FakeTime) -> None:
    recorder = Recorder(httpx.Response(200, json=study("NCT06451159")))
    with make_client(recorder, fake_time) as client:
        pass
    with pytest.raises(RuntimeError, match="closed"):
        client.get_study("NCT06451159")
