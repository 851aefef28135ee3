"""A small, polite HTTP client for the ClinicalTrials.gov API v2.

It returns the registry's JSON untouched (the parser reads it), and turns the network's many ways
of failing into three exceptions an importer can act on:

* RegistryUnavailable - the registry could not be reached or kept failing (timeouts, connection
  errors, 429/5xx after retries). Nothing should be changed locally; try again later.
* StudyNotFound - the registry answered 404 for an NCT number.
* RegistryResponseError - the registry answered, but not with what the API documents (another
  4xx, or a body that is not JSON). Retrying will not help; the request or the API changed.

The registry asks clients to stay at a few requests per second and returns 429 when they do not,
so requests are spaced by `min_interval` and 429/5xx are retried with exponential back-off,
honouring Retry-After. Sleeping and the clock are injectable so tests never wait.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

import httpx

from . import API_BASE_URL
from .parse import is_nct_id

__all__ = [
    "USER_AGENT",
    "CtgovClient",
    "CtgovError",
    "RegistryResponseError",
    "RegistryUnavailable",
    "StudyNotFound",
]

USER_AGENT = "MS-Research-Portal/1.0 (trial tracker; contact via site)"
# Statuses that say "not now" rather than "never": worth another try after a pause.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Upper bound on one Retry-After wait, so a misconfigured header cannot stall an import for hours.
MAX_RETRY_AFTER = 60.0
MAX_PAGE_SIZE = 1000  # The API's documented maximum for pageSize.


class CtgovError(Exception):
    """Base class for everything this client raises about the registry."""


class RegistryUnavailable(CtgovError):
    """ClinicalTrials.gov could not be reached, or kept failing after the retries."""


class StudyNotFound(CtgovError):
    """The registry has no study with this NCT number (HTTP 404)."""

    def __init__(self, nct_id: str) -> None:
        super().__init__(f"{nct_id} was not found on ClinicalTrials.gov; check the NCT number")
        self.nct_id = nct_id


class RegistryResponseError(CtgovError):
    """The registry answered with something the API does not document (other 4xx, non-JSON body)."""


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP date), capped; None if absent."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _describe_failure(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "the request timed out"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class CtgovClient:
    """Fetch studies from the API v2. Use as a context manager, or call close().

    `retries` is the number of extra attempts after the first (so 3 means up to 4 requests);
    the n-th retry waits `backoff * 2**(n-1)` seconds unless the registry sends Retry-After.
    """

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        base_url: str = API_BASE_URL,
        timeout: float = 10.0,
        retries: int = 3,
        backoff: float = 0.5,
        min_interval: float = 0.35,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if retries < 0:
            raise ValueError("retries must be 0 or more")
        self._retries = retries
        self._backoff = backoff
        self._min_interval = min_interval
        self._sleep = sleep
        self._clock = clock
        self._last_request_at: float | None = None
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            # Merged or renamed records may answer with a redirect to their current address.
            follow_redirects=True,
        )

    # -- public API ---------------------------------------------------------------------------

    def get_study(self, nct_id: str) -> dict[str, Any]:
        """The full v2 study object for one NCT number (`GET /studies/{nct_id}`).

        The number is checked before any request so a typo never costs a round trip; surrounding
        spaces and lower case (as pasted by editors) are accepted.
        """
        nct_id = nct_id.strip().upper()
        if not is_nct_id(nct_id):
            raise ValueError(f"{nct_id!r} is not a ClinicalTrials.gov number (NCT followed by 8 digits)")
        response = self._request(f"/studies/{nct_id}")
        if response.status_code == 404:
            raise StudyNotFound(nct_id)
        return self._json_object(response)

    def iter_studies(
        self,
        *,
        cond: str | None = None,
        intr: str | None = None,
        term: str | None = None,
        overall_status: list[str] | None = None,
        page_size: int = 100,
    ) -> Iterator[dict[str, Any]]:
        """Every study matching the search, following `nextPageToken` until the last page.

        Arguments are checked at once; pages are fetched lazily, so stopping early saves requests.
        A failure part-way raises, but earlier pages have already been yielded: callers that must
        be all-or-nothing should collect into a list first.
        """
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        params: dict[str, str | int] = {"pageSize": page_size}
        for name, value in (("query.cond", cond), ("query.intr", intr), ("query.term", term)):
            if value:
                params[name] = value
        if overall_status:
            params["filter.overallStatus"] = ",".join(overall_status)
        return self._iter_pages(params)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals ----------------------------------------------------------------------------

    def _iter_pages(self, params: dict[str, str | int]) -> Iterator[dict[str, Any]]:
        """Yield the studies of each page, then request the next one while a token is given."""
        seen_tokens: set[str] = set()
        while True:
            page = self._json_object(self._request("/studies", params))
            studies = page.get("studies", [])
            if not isinstance(studies, list):
                raise RegistryResponseError("ClinicalTrials.gov list page has no 'studies' list")
            yield from studies
            token = page.get("nextPageToken")
            if not token:
                return
            if token in seen_tokens:  # A repeated token would otherwise loop forever.
                raise RegistryResponseError(f"ClinicalTrials.gov repeated page token {token!r}")
            seen_tokens.add(token)
            params["pageToken"] = token

    def _throttle(self) -> None:
        """Wait so that requests start at least `min_interval` seconds apart."""
        if self._last_request_at is not None:
            wait = self._min_interval - (self._clock() - self._last_request_at)
            if wait > 0:
                self._sleep(wait)
        self._last_request_at = self._clock()

    def _request(self, path: str, params: Mapping[str, str | int] | None = None) -> httpx.Response:
        """GET with throttling and retries; returns the first non-retryable response.

        Raises RegistryUnavailable when every attempt failed at the network level or with a
        retryable status.
        """
        attempts = self._retries + 1
        delay, problem = 0.0, ""
        for attempt in range(attempts):
            if attempt:
                self._sleep(delay)
            self._throttle()
            try:
                response = self._http.get(path, params=params)
            except httpx.TransportError as exc:  # Includes every timeout.
                problem = _describe_failure(exc)
                delay = self._backoff * 2**attempt
                continue
            if response.status_code not in RETRY_STATUSES:
                return response
            problem = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
            retry_after = _retry_after(response)
            delay = self._backoff * 2**attempt if retry_after is None else retry_after
        raise RegistryUnavailable(
            f"ClinicalTrials.gov could not be reached: {problem} "
            f"({attempts} attempt{'s' if attempts > 1 else ''}, GET {path}); nothing was changed"
        )

    @staticmethod
    def _json_object(response: httpx.Response) -> dict[str, Any]:
        """The response's JSON object, or RegistryResponseError for any other answer."""
        where = f"GET {response.request.url.path}"
        if not response.is_success:
            detail = response.text[:200].strip()
            raise RegistryResponseError(
                f"ClinicalTrials.gov answered HTTP {response.status_code} to {where}"
                + (f": {detail}" if detail else "")
            )
        try:
            data = response.json()
        except ValueError as exc:
            raise RegistryResponseError(f"ClinicalTrials.gov sent a body that is not JSON for {where}") from exc
        if not isinstance(data, dict):
            raise RegistryResponseError(f"ClinicalTrials.gov sent JSON that is not an object for {where}")
        return data
