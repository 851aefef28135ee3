"""sitemap.xml, robots.txt, canonical links and sharing meta."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from portal.content.models import Status
from portal.pages.models import EditorProfile
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory, UserFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HIDDEN = [Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED]


def sitemap(client) -> dict[str, str | None]:
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.findall(f"{SITEMAP}url")}


@pytest.mark.parametrize("status", HIDDEN)
def test_sitemap_lists_published_items_with_lastmod_and_never_unpublished_ones(client, status):
    shown = [ArticleFactory(tags=["cd19"]), QuestionFactory(), TrialFactory()]
    hidden = [
        ArticleFactory(status=status, tags=["secret-topic"]),
        QuestionFactory(status=status),
        TrialFactory(status=status),
    ]
    urls = sitemap(client)
    paths = {re.sub(r"^https?://[^/]+", "", loc): lastmod for loc, lastmod in urls.items()}
    for item in shown:
        assert paths[item.get_absolute_url()] == item.updated_at.date().isoformat()
    for item in hidden:
        assert item.get_absolute_url() not in paths
    assert reverse("tag", args=["cd19"]) in paths
    assert reverse("tag", args=["secret-topic"]) not in paths
    assert {reverse("home"), reverse("pages:about"), reverse("pages:editorial")} <= set(paths)
    assert not any(path.startswith(("/accounts/", "/search/", "/preview/", "/admin/")) for path in paths)


def test_sitemap_never_contains_a_drafts_title_or_slug(client):
    ArticleFactory(status=Status.DRAFT, title="Secret", slug="secret-draft-slug")
    assert b"secret-draft-slug" not in client.get(reverse("sitemap")).content


def test_robots_txt_keeps_crawlers_out_of_private_and_search_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    for path in ("/admin/", "/accounts/", "/preview/", "/search/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def head(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode().split("</head>")[0]


def meta(html: str, attr: str, name: str) -> str:
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)">', html)
    assert match, f"no {name}"
    return match.group(1)


PUBLIC_PAGES = [
    lambda s: reverse("home"),
    lambda s: reverse("articles:list"),
    lambda s: s["article"].get_absolute_url(),
    lambda s: reverse("articles:tag", args=["cd19"]),
    lambda s: reverse("faq:list"),
    lambda s: s["question"].get_absolute_url(),
    lambda s: reverse("faq:ask"),
    lambda s: reverse("trials:list"),
    lambda s: s["trial"].get_absolute_url(),
    lambda s: reverse("tag", args=["cd19"]),
    lambda s: reverse("search:results") + "?q=car",
    lambda s: reverse("pages:about"),
    lambda s: reverse("pages:editorial"),
    lambda s: reverse("pages:contact"),
    lambda s: s["person"].get_absolute_url(),
    lambda s: reverse("account_login"),
    lambda s: reverse("account_signup"),
]


@pytest.fixture
def site(db):
    return {
        "article": ArticleFactory(tags=["cd19"], title="Article & <title>", summary="Its summary."),
        "question": QuestionFactory(),
        "trial": TrialFactory(),
        "person": EditorProfile.objects.create(user=UserFactory(), slug="p", name="Pat Example", role="Health writer"),
    }


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_has_canonical_open_graph_and_twitter_meta(client, site, url):
    path = url(site)
    html = head(client, path)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical == "http://127.0.0.1:8000" + path.split("?")[0]
    assert meta(html, "property", "og:url") == canonical
    assert meta(html, "property", "og:title")
    assert meta(html, "property", "og:description")
    assert meta(html, "property", "og:site_name") == "MS Research Portal"
    assert meta(html, "name", "twitter:card") == "summary"
    title = re.search(r"<title>(.*?) · MS Research Portal</title>", html).group(1)
    assert meta(html, "property", "og:title") == title == meta(html, "name", "twitter:title")


def test_detail_pages_share_as_articles_with_their_own_title_and_summary(client, site):
    html = head(client, site["article"].get_absolute_url())
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:title") == "Article &amp; &lt;title&gt;"
    assert meta(html, "property", "og:description") == "Its summary."
    assert meta(html, "property", "og:title") == meta(html, "name", "twitter:title")


def test_canonical_keeps_the_page_number_and_drops_other_parameters(client):
    ArticleFactory.create_batch(11)
    html = head(client, reverse("articles:list") + "?page=2&utm_source=x")
    assert '<link rel="canonical" href="http://127.0.0.1:8000/articles/?page=2">' in html
    html = head(client, reverse("trials:list") + "?status=all&phase=PHASE1")
    assert '<link rel="canonical" href="http://127.0.0.1:8000/trials/">' in html


def test_preview_is_never_indexed(editor_client):
    article = ArticleFactory(status=Status.DRAFT)
    opts = article._meta
    html = editor_client.get(reverse("preview", args=[opts.app_label, opts.model_name, article.pk])).content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_sitemap_lists_public_editor_profiles_only(client):
    shown = EditorProfile.objects.create(user=UserFactory(), slug="shown", name="Shown", role="Writer")
    EditorProfile.objects.create(user=UserFactory(), slug="hidden", name="Hidden", role="Writer", is_public=False)
    paths = {re.sub(r"^https?://[^/]+", "", loc) for loc in sitemap(client)}
    assert shown.get_absolute_url() in paths
    assert "/about/people/hidden/" not in paths
