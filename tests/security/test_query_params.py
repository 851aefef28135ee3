"""One parser for numbers and ids from the query string, and a fuzz pass over every public URL's
query parameters: whatever is sent, the answer is never a 500."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from portal.content.params import parse_id, parse_int, parse_label_and_id
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory, UserFactory


@pytest.mark.parametrize(
    "value", ["", "²", "٣", "１", "-1", "+1", " 1", "1 ", "1.0", "0x1", "1e3", "9" * 19, "1\x00", None, 7]
)
def test_parse_int_refuses_anything_but_ascii_digits(value):
    assert parse_int(value) is None


@pytest.mark.parametrize(("value", "expected"), [("0", 0), ("7", 7), ("0042", 42), (str(2**63 - 1), None)])
def test_parse_int_accepts_ascii_digits_in_range(value, expected):
    # 2**63-1 has 19 digits: more than anything we store, so refused
    assert parse_int(value) == expected


def test_parse_id_and_label():
    assert parse_id("0") is None and parse_id("12") == 12
    assert parse_label_and_id("articles.article:12") == ("articles.article", 12)
    for bad in ["articles.article:%C2%B2", "articles.article:²", "articles.article:", "articles.article", ":1",
                "artícles.article:1", "articles.article:-1"]:
        assert parse_label_and_id(bad) is None, bad


# --- the fuzz pass ------------------------------------------------------------------------------

NASTY = [
    "", "0", "-1", "99999999999999999999999999", str(2**63), "1.5", "1e9", "²", "٣", "１２", "%C2%B2",
    "\x00", "a\x00b", "<script>", "' OR 1=1 --", "../../etc/passwd", "x" * 5000, "🙂", "\u202e", "last",
    "articles.article:²", "articles.article:99999999999999999999", "faq.question:1", "auth.user:1",
    "trials.trial:-5", "contenttypes.contenttype:1", ":", "::", "null", "[]", "{}",
]


@pytest.fixture
def public_urls(db):
    cache.clear()
    article = ArticleFactory(tags=["car-t"])
    question = QuestionFactory()
    trial = TrialFactory()
    return {
        "/": ["q"],
        "/articles/": ["page"],
        f"/articles/{article.slug}/": ["page"],
        "/articles/tag/car-t/": ["page"],
        "/faq/": ["page", "category"],
        f"/faq/{question.slug}/": [],
        "/faq/ask/": ["about", "started"],
        "/faq/ask/similar/": ["q"],
        "/trials/": ["page", "status", "phase", "target", "condition", "country", "sponsor"],
        f"/trials/{trial.slug}/": [],
        "/tags/car-t/": ["page"],
        "/search/": ["q", "type", "tag", "status", "page"],
        "/accounts/login/": ["next"],
        "/accounts/signup/": ["next"],
        "/accounts/password/reset/": [],
    }


def _cases(params):
    """Every nasty value in every parameter at once (and again beside a valid search), then repeats."""
    params = params or ["x"]
    for value in NASTY:
        yield {name: value for name in params}
        if "q" in params:
            yield {**{name: value for name in params}, "q": "car t"}
    yield {name: ["1", "2", "²"] for name in params}
    yield {**{name: ["1", "last"] for name in params}, "q": "car t"}


def test_no_query_string_makes_a_public_page_fail(client, public_urls):
    failures = []
    for url, params in public_urls.items():
        for query in _cases(params):
            response = client.get(url, query)
            if response.status_code >= 500:
                failures.append((url, query, response.status_code))
    assert not failures, failures[:20]


def test_no_query_string_makes_a_member_page_fail(client, db):
    cache.clear()
    client.force_login(UserFactory())
    failures = []
    for url, params in {"/accounts/saved/": ["type"], "/faq/my-questions/": ["page"],
                        "/accounts/profile/": []}.items():
        for query in _cases(params):
            response = client.get(url, query)
            if response.status_code >= 500:
                failures.append((url, query, response.status_code))
    assert not failures, failures[:20]


@pytest.mark.parametrize(
    "path",
    [
        "/preview/articles/article/99999999999999999999999/",
        "/accounts/saved/99999999999999999999/1/",
        "/accounts/saved/1/99999999999999999999/",
        "/accounts/follow/trial/99999999999999999999/",
        "/accounts/following/trial/99999999999999999999/delete/",
    ],
)
def test_huge_ids_in_paths_are_not_found(client, user, path):
    client.force_login(user)
    assert client.get(path).status_code < 500


def test_the_reported_500_is_gone(client, db):
    article = ArticleFactory()
    for digit in ["²", "٣", "１", "%C2%B2"]:
        assert client.get("/faq/ask/", {"about": f"articles.article:{digit}"}).status_code == 200
    html = client.get("/faq/ask/", {"about": f"articles.article:{article.pk}"}).content.decode()
    assert article.title in html


def test_page_with_unicode_digits_is_a_404(client, db):
    ArticleFactory()
    assert client.get("/articles/", {"page": "١"}).status_code == 404
    assert client.get("/articles/", {"page": "1"}).status_code == 200
