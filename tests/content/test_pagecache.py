"""The anonymous page cache: served without rendering, invalidated by every change, never personal."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.accounts.services import bookmark_create
from portal.actions.archive import content_archive
from portal.actions.publish import content_publish
from portal.content import selectors
from portal.content.cache import bump_content_generation
from portal.content.models import Status
from portal.content.pagecache import ANONYMOUS_CACHE_CONTROL, MEMBER_CACHE_CONTROL, storable
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def member_client() -> Client:
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def public_urls() -> list[str]:
    article = ArticleFactory(tags=["car-t"])
    question = QuestionFactory(tags=["car-t"])
    trial = TrialFactory(tags=["car-t"], overall_status="RECRUITING")
    return [
        reverse("home"),
        reverse("articles:list"),
        reverse("articles:tag", args=["car-t"]),
        article.get_absolute_url(),
        reverse("faq:list"),
        question.get_absolute_url(),
        reverse("trials:list"),
        trial.get_absolute_url(),
        reverse("tag", args=["car-t"]),
        reverse("search:results") + "?q=car",
    ]


def test_every_public_page_is_served_from_the_cache_without_a_database_query(client, django_assert_num_queries):
    for url in public_urls():
        first = client.get(url)
        assert first.status_code == 200, url
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.content == first.content, url
        assert again["ETag"] == first["ETag"], url
        assert again["Cache-Control"] == ANONYMOUS_CACHE_CONTROL


def test_cached_page_keeps_the_security_headers(client):
    url = reverse("articles:list")
    client.get(url)
    again = client.get(url)
    assert "script-src 'self'" in again["Content-Security-Policy"]
    assert again["X-Frame-Options"] == "DENY"
    assert again["Content-Type"].startswith("text/html")
    assert "Cookie" in again["Vary"]


def test_query_parameters_in_another_order_share_one_entry(client, django_assert_num_queries):
    TrialFactory(overall_status="RECRUITING", car_t_target="cd19")
    client.get(reverse("trials:list") + "?target=cd19&status=open")
    with django_assert_num_queries(0):
        client.get(reverse("trials:list") + "?status=open&target=cd19")


def test_if_none_match_gets_304_without_rendering(client, django_assert_num_queries):
    url = reverse("articles:list")
    etag = client.get(url)["ETag"]
    assert etag.startswith('"')  # strong
    with django_assert_num_queries(0):
        response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_if_modified_since_gets_304(client):
    url = reverse("faq:list")
    modified = client.get(url)["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304


def test_a_fresh_render_also_answers_304(client):
    url = reverse("articles:list")
    etag = client.get(url)["ETag"]
    bump_content_generation()  # the entry is gone; the page renders again, to the same bytes
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_head_is_served_from_the_cache_without_a_body(client, django_assert_num_queries):
    url = reverse("home")
    length = len(client.get(url).content)
    with django_assert_num_queries(0):
        response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""
    assert int(response["Content-Length"]) == length


def test_publish_invalidates_at_once(client, moderator, django_capture_on_commit_callbacks):
    url = reverse("articles:list")
    client.get(url)
    draft = ArticleFactory(status=Status.IN_REVIEW, title="Just published explainer")
    assert "Just published explainer" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        content_publish(item=draft, moderator=moderator)
    assert "Just published explainer" in client.get(url).content.decode()


def test_archive_invalidates_the_detail_page(client, moderator, django_capture_on_commit_callbacks):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url()).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        content_archive(item=article, moderator=moderator)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_page_rendered_during_a_change_is_stored_under_the_old_generation(client, monkeypatch):
    """A change committed while a page renders must not leave that page behind under the new number."""
    ArticleFactory(tags=["a"])
    real = selectors.home_sections

    def change_commits_mid_render():
        sections = real()  # read the old data ...
        bump_content_generation()  # ... then a writer commits and bumps
        return sections

    monkeypatch.setattr(selectors, "home_sections", change_commits_mid_render)
    client.get(reverse("home"))
    monkeypatch.setattr(selectors, "home_sections", real)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("home"))
    assert len(queries) > 0  # rendered again: the page above is not served under the new number


def test_member_pages_are_private_and_never_stored(client, django_assert_num_queries):
    url = reverse("articles:list")
    ArticleFactory()
    member = member_client()
    response = member.get(url)
    assert response["Cache-Control"] == MEMBER_CACHE_CONTROL
    assert "ETag" not in response
    assert client.get(url)["Cache-Control"] == ANONYMOUS_CACHE_CONTROL  # a miss: the member's page was not stored


def test_a_members_saved_state_never_reaches_anyone_else(client):
    article = ArticleFactory(title="Saved by one member")
    url = reverse("articles:list")
    owner = member_client()
    bookmark_create(user=owner.user, item=article)
    assert "Remove from saved" in owner.get(url).content.decode()
    assert "Remove from saved" in owner.get(article.get_absolute_url()).content.decode()
    for reader in (client, member_client(), client):
        for page in (url, article.get_absolute_url()):
            html = reader.get(page).content.decode()
            assert "Remove from saved" not in html
            assert owner.user.email not in html


def test_a_session_cookie_bypasses_the_cache(client, django_assert_num_queries):
    url = reverse("articles:list")
    client.get(url)
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get(url)
    assert response["Cache-Control"] == MEMBER_CACHE_CONTROL


def test_pages_with_a_csrf_token_are_not_stored(client):
    url = reverse("faq:ask")  # not a public page at all; and its form carries a token
    assert "ETag" not in client.get(url)


def test_404_is_not_stored(client):
    response = client.get(reverse("articles:detail", args=["nothing-here"]))
    assert response.status_code == 404
    assert "ETag" not in response


@pytest.mark.parametrize(
    "change",
    [
        lambda r: setattr(r, "status_code", 302),
        lambda r: r.set_cookie("x", "y"),
        lambda r: r.__setitem__("Vary", "Cookie, Accept-Language"),
        lambda r: r.__setitem__("Cache-Control", "private"),
    ],
    ids=["not-200", "sets-cookie", "varies-on-language", "private"],
)
def test_storable_refuses(change):
    request = RequestFactory().get("/")
    response = HttpResponse("page")
    assert storable(request, response)
    change(response)
    assert not storable(request, response)


def test_storable_refuses_a_used_csrf_token():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not storable(request, HttpResponse("page"))


def test_cache_off_renders_every_time(client, settings, django_assert_num_queries):
    settings.PAGE_CACHE = False
    ArticleFactory(tags=["a"])
    url = reverse("articles:list")
    client.get(url)
    with django_assert_num_queries(4):  # count, page ids, rows, tags: rendered again
        response = client.get(url)
    assert "ETag" not in response


def test_head_on_a_miss_has_no_body(client):
    response = client.head(reverse("articles:list"))
    assert response.status_code == 200
    assert response.content == b""
    assert int(response["Content-Length"]) > 0


def test_pages_are_rendered_when_the_shared_cache_is_down(client, monkeypatch):
    def unreachable(*keys):
        raise ConnectionError("cache down")

    monkeypatch.setattr("portal.content.pagecache.content_generation", unreachable)
    ArticleFactory(title="Still readable")
    response = client.get(reverse("articles:list"))
    assert response.status_code == 200
    assert "Still readable" in response.content.decode()


def test_an_entry_from_an_older_generation_is_never_served(client):
    url = reverse("articles:list")
    client.get(url)
    bump_content_generation()
    response = client.get(url)  # the stored entry is replaced, not served
    assert response["Cache-Control"] == ANONYMOUS_CACHE_CONTROL
    from django.core.cache import cache

    from portal.content.cache import content_generation
    from portal.content.pagecache import page_key

    request = RequestFactory().get(url)
    assert cache.get(page_key(request))["generation"] == content_generation()[0]


def test_a_process_keeps_its_pages_but_only_for_the_current_generation(client):
    from django.core.cache import cache

    from portal.content.pagecache import page_key

    url = reverse("articles:list")
    ArticleFactory(title="First version")
    client.get(url)
    cache.delete(page_key(RequestFactory().get(url)))  # only this process's copy is left
    ArticleFactory(title="Second article")  # (no generation bump yet: a render would show it)
    kept = client.get(url)
    assert "First version" in kept.content.decode() and "Second article" not in kept.content.decode()
    bump_content_generation()  # what every publish does after its commit
    fresh = client.get(url)
    assert "Second article" in fresh.content.decode()


def test_local_pages_are_bounded_by_the_bytes_they_hold():
    from portal.content.pagecache import LocalPages

    pages = LocalPages(max_bytes=100)
    for n in range(5):
        pages.put(f"k{n}", {"body": b"x" * 40, "generation": 1})
    assert pages.size <= 100 and list(pages.entries) == ["k3", "k4"]
    pages.get("k3")  # used: the other goes first
    pages.put("k5", {"body": b"x" * 40, "generation": 1})
    assert list(pages.entries) == ["k3", "k5"]
    pages.put("big", {"body": b"x" * 101, "generation": 1})  # larger than the whole budget: not kept
    assert "big" not in pages.entries
