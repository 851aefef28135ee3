"""The security suite reuses the browser tests' launcher and fixtures (Debian's Chromium, never a download)."""

from tests.browser.conftest import browser, log_in  # noqa: F401
