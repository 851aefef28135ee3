"""`make screenshots`: PNGs of the main pages, desktop and phone, light and dark, in screenshots/.

Runs Django's live-server thread on a scratch SQLite database (never your dev or PostgreSQL data),
filled by `load_demo_content` when that command exists, otherwise by the browser tests' sample site.
`--docs` also refreshes the two small README images in docs/.

    python -m tests.browser.screenshots [--out screenshots] [--docs]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS_IMAGES = {
    "home-mobile-light.png": ("home", "mobile-light"),
    "home-desktop-dark.png": ("home", "desktop-dark"),
}


def main_pages() -> dict[str, str]:
    """Name -> path of each main page, from whatever content the database holds."""
    from django.urls import reverse
    from taggit.models import Tag

    from articles.models import Article
    from faq.models import Question
    from trials.models import Trial

    pages = {"home": reverse("home"), "articles": reverse("articles:list"), "faq": reverse("faq:list")}
    pages["trials"] = reverse("trials:list")
    for name, model in (("article", Article), ("question", Question), ("trial", Trial)):
        item = model.objects.published().order_by("-published_at", "-pk").first()
        if item:
            pages[name] = item.get_absolute_url()
    tag = Tag.objects.order_by("name").first()
    if tag:
        pages["tag"] = reverse("tag", kwargs={"slug": tag.slug})
    pages["search"] = reverse("search:results") + "?q=CAR+T"
    pages["search-none"] = reverse("search:results") + "?q=zzqxv"
    pages["ask"] = reverse("faq:ask")
    pages["sign-up"] = reverse("account_signup")
    pages["404"] = "/no-such-page/"
    return pages


def fill_database() -> None:
    from django.core.management import call_command, get_commands

    call_command("migrate", verbosity=0, interactive=False)
    if "load_demo_content" in get_commands():
        call_command("load_demo_content", verbosity=0)
    else:
        from tests.browser.data import build_site_content

        build_site_content()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--docs", action="store_true", help="also write the README images into docs/")
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="portal-screenshots-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'screenshots.sqlite3'}"
    os.environ.setdefault("DJANGO_DEBUG", "1")  # only for the local secret key; pages render as in production
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread
    from django.test.utils import override_settings
    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import DESKTOP, MOBILE, Variant, launch_chromium

    # As in production (our 404 page, not the debug one), with unhashed static files like the tests.
    override_settings(
        DEBUG=False,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ).enable()
    fill_database()
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base_url = f"http://127.0.0.1:{server.port}"

    variants = {
        "desktop-light": DESKTOP,
        "desktop-dark": Variant("desktop-dark", color_scheme="dark"),
        "mobile-light": MOBILE,
        "mobile-dark": Variant("mobile-dark", viewport=MOBILE.viewport, color_scheme="dark", is_mobile=True),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    pages = main_pages()
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for variant_name, variant in variants.items():
            context = browser.new_context(base_url=base_url, **variant.context_options())
            page = context.new_page()
            for page_name, path in pages.items():
                page.goto(path)
                page.screenshot(path=args.out / f"{page_name}-{variant_name}.png", full_page=True)
            context.close()
        if args.docs:
            docs = ROOT / "docs"
            docs.mkdir(exist_ok=True)
            for filename, (page_name, variant_name) in DOCS_IMAGES.items():
                # One viewport, at 1x: small enough to commit (< 150 KB each).
                options = {**variants[variant_name].context_options(), "device_scale_factor": 1}
                context = browser.new_context(base_url=base_url, **options)
                page = context.new_page()
                page.goto(pages[page_name])
                page.screenshot(path=docs / filename)
                context.close()
        browser.close()
    server.terminate()
    print(f"Saved {len(pages) * len(variants)} screenshots of {len(pages)} pages in {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
