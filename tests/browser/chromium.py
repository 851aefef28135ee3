"""Debian's Chromium, launched the one way the tests and `make screenshots` share."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Playwright

CHROMIUM = Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class ChromiumMissing(RuntimeError):
    pass


def launch_chromium(playwright: Playwright) -> Browser:
    """Never a downloaded browser: without Debian's package this says how to get it."""
    if not CHROMIUM.exists():
        raise ChromiumMissing(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium package. Run `make browser` "
            "(apt-get install chromium). Playwright's downloaded browsers are never used."
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass(frozen=True)
class Variant:
    """How a person sees the site: window size, colour scheme, phone or not."""

    name: str
    viewport: dict = field(default_factory=lambda: {"width": 1280, "height": 800})
    color_scheme: str = "light"
    is_mobile: bool = False

    def context_options(self) -> dict:
        options = {"viewport": self.viewport, "color_scheme": self.color_scheme}
        if self.is_mobile:
            options.update(is_mobile=True, has_touch=True, device_scale_factor=2)
        return options


DESKTOP = Variant("desktop")
MOBILE = Variant("mobile-360", viewport={"width": 360, "height": 740}, is_mobile=True)
DARK = Variant("desktop-dark", color_scheme="dark")
