"""A database that cannot be reached (a restart, a fail-over) answers 503 with Retry-After, not a 500.

Django keeps connections health-checked (CONN_MAX_AGE + CONN_HEALTH_CHECKS), so the next request after
the database is back reconnects by itself; until then readers get a short, honest page.
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 10


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s", exception)
        try:
            html = render_to_string("503.html")
        except Exception:  # noqa: BLE001 - the page must not need anything that is down
            html = "<!doctype html><title>Back in a moment</title><h1>Back in a moment</h1>"
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
