"""A database that cannot be reached answers 503 with Retry-After, never a 500."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.test import Client


@pytest.mark.django_db
def test_a_database_outage_is_a_503_with_retry_after(monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("connection failed: the database system is starting up")

    monkeypatch.setattr("portal.content.selectors.home_sections", down)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Back in a moment" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_are_not_hidden(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("portal.content.selectors.home_sections", broken)
    assert Client(raise_request_exception=False).get("/").status_code == 500
