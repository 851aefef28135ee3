"""Access probes for every detail, preview, member and admin URL as anonymous, member, other member,
editor and moderator; every state-changing endpoint refuses GET and a missing CSRF token; next= stays
on the site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from portal.accounts.models import Bookmark, TagFollow
from portal.accounts.services import bookmark_create, tag_follow
from portal.content.models import Status
from tests.accounts.conftest import make_member
from tests.factories import ArticleFactory, QuestionFactory, SubmissionFactory, TrialFactory
from trials.follows import trial_follow
from trials.models import TrialFollow

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "other", "editor", "moderator"]


@pytest.fixture
def world(editor, moderator):
    cache.clear()
    member, other = make_member(), make_member()
    published = {"article": ArticleFactory(tags=["car-t"]), "question": QuestionFactory(), "trial": TrialFactory()}
    drafts = {
        "article": ArticleFactory(status=Status.DRAFT, published_at=None, title="Secret draft article"),
        "question": QuestionFactory(status=Status.IN_REVIEW, published_at=None, title="Secret review question"),
        "trial": TrialFactory(status=Status.ARCHIVED, title="Secret archived trial"),
    }
    bookmark = bookmark_create(user=member, item=published["article"])
    follow = trial_follow(user=member, trial=published["trial"])
    tfollow = tag_follow(user=member, tag=published["article"].tags.first())
    submission = SubmissionFactory(user=member, question="A private question from the member about CAR T")
    clients = {"anonymous": Client()}
    for name, user in {"member": member, "other": other, "editor": editor, "moderator": moderator}.items():
        clients[name] = Client()
        clients[name].force_login(user)
    return {"clients": clients, "published": published, "drafts": drafts, "bookmark": bookmark, "follow": follow,
            "tag_follow": tfollow, "submission": submission, "member": member}


def _preview(item) -> str:
    opts = item._meta
    return reverse("preview", kwargs={"app_label": opts.app_label, "model_name": opts.model_name, "pk": item.pk})


def test_unpublished_items_have_no_public_page_for_anyone(world):
    for item in world["drafts"].values():
        for role in ROLES:
            response = world["clients"][role].get(item.get_absolute_url())
            assert response.status_code == 404, (role, item)


def test_published_detail_pages_are_public(world):
    for item in world["published"].values():
        for role in ROLES:
            assert world["clients"][role].get(item.get_absolute_url()).status_code == 200, (role, item)


def test_previews_are_for_staff_editors_only(world):
    expected = {"anonymous": 302, "member": 403, "other": 403, "editor": 200, "moderator": 200}
    for item in world["drafts"].values():
        for role, status in expected.items():
            response = world["clients"][role].get(_preview(item))
            assert response.status_code == status, (role, item)
            if status != 200:
                assert item.title not in response.content.decode()


MEMBER_PAGES = ["accounts:profile", "accounts:export", "accounts:delete", "accounts:bookmarks", "faq:my_questions"]


def test_member_pages_need_a_login_and_show_only_ones_own_rows(world):
    for name in MEMBER_PAGES:
        response = world["clients"]["anonymous"].get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
        for role in ["other", "editor", "moderator"]:
            html = world["clients"][role].get(reverse(name)).content.decode()
            assert "A private question from the member" not in html, (role, name)
            assert world["member"].email not in html, (role, name)
    mine = world["clients"]["member"].get(reverse("faq:my_questions")).content.decode()
    assert "A private question from the member" in mine


def test_nobody_can_delete_another_members_rows(world):
    bookmark, follow, tag_follow_row = world["bookmark"], world["follow"], world["tag_follow"]
    urls = [reverse("accounts:bookmark_delete", args=[bookmark.pk]),
            reverse("accounts:follow_delete", args=["trial", follow.pk]),
            reverse("accounts:follow_delete", args=["tag", tag_follow_row.pk])]
    for role in ["other", "editor", "moderator"]:
        for url in urls:
            assert world["clients"][role].post(url).status_code == 404, (role, url)
    for url in urls:
        assert world["clients"]["anonymous"].post(url).status_code == 302
    assert Bookmark.objects.filter(pk=bookmark.pk).exists()
    assert TrialFollow.objects.filter(pk=follow.pk).exists() and TagFollow.objects.filter(pk=tag_follow_row.pk).exists()


def _admin_urls(world) -> dict[str, str]:
    submission = world["submission"]
    urls = {"index": reverse("admin:index"), "submissions": reverse("admin:faq_submission_changelist"),
            "submission": reverse("admin:faq_submission_change", args=[submission.pk]),
            "users": reverse("admin:accounts_user_changelist"),
            "user": reverse("admin:accounts_user_change", args=[world["member"].pk]),
            "groups": reverse("admin:auth_group_changelist"), "categories": reverse("admin:faq_category_changelist")}
    for kind, item in world["drafts"].items():
        opts = item._meta
        urls[f"{kind} list"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        urls[f"{kind} change"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
        urls[f"{kind} add"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    return urls


def test_admin_pages_are_staff_only_and_users_are_for_superusers(world):
    urls = _admin_urls(world)
    for role in ["anonymous", "member", "other"]:
        for name, url in urls.items():
            response = world["clients"][role].get(url)
            assert response.status_code == 302 and "/admin/login/" in response["Location"], (role, name)
    for role in ["editor", "moderator"]:
        client = world["clients"][role]
        for name in ["users", "user", "groups"]:
            assert client.get(urls[name]).status_code == 403, (role, name)
        for name in ["index", "article list", "article change", "question list", "trial list"]:
            assert client.get(urls[name]).status_code == 200, (role, name)
    assert world["clients"]["moderator"].get(urls["submission"]).status_code == 200


# --- state-changing endpoints: POST only, CSRF required -----------------------------------------


def _state_changing(world) -> list[str]:
    article, trial = world["published"]["article"], world["published"]["trial"]
    ct = ContentType.objects.get_for_model(article).pk
    tag = article.tags.first().slug
    return [
        reverse("faq:ask"),
        reverse("accounts:save", args=[ct, article.pk]),
        reverse("accounts:unsave", args=[ct, article.pk]),
        reverse("accounts:bookmark_delete", args=[world["bookmark"].pk]),
        reverse("accounts:follow_trial", args=[trial.pk]),
        reverse("accounts:unfollow_trial", args=[trial.pk]),
        reverse("accounts:follow_tag", args=[tag]),
        reverse("accounts:unfollow_tag", args=[tag]),
        reverse("accounts:follow_delete", args=["trial", world["follow"].pk]),
        reverse("accounts:profile"),
        reverse("accounts:delete"),
        reverse("account_logout"),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("account_reset_password"),
        reverse("admin:login"),
        reverse("admin:logout"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[world["drafts"]["article"].pk]),
        reverse("admin:articles_article_add"),
    ]


def test_every_state_changing_endpoint_refuses_a_post_without_csrf(world, moderator):
    member = world["member"]
    for who in [None, member, moderator]:
        client = Client(enforce_csrf_checks=True)
        if who is not None:
            client.force_login(who)
        for url in _state_changing(world):
            response = client.post(url, {"confirm": "1", "title": "x"})
            assert response.status_code == 403, (who, url, response.status_code)
    assert Bookmark.objects.filter(user=member).count() == 1
    assert TrialFollow.objects.filter(user=member).count() == 1


def test_gets_change_nothing(world):
    member = world["member"]
    client = world["clients"]["member"]
    before = (Bookmark.objects.count(), TrialFollow.objects.count(), TagFollow.objects.count())
    for url in _state_changing(world):
        response = client.get(url)
        assert response.status_code < 500, url
    # Unsave/unfollow/delete answer 405 to a GET; save and follow show a confirmation page.
    article = world["published"]["article"]
    ct = ContentType.objects.get_for_model(article).pk
    for url in [reverse("accounts:unsave", args=[ct, article.pk]),
                reverse("accounts:bookmark_delete", args=[world["bookmark"].pk]),
                reverse("accounts:unfollow_trial", args=[world["published"]["trial"].pk]),
                reverse("accounts:follow_delete", args=["trial", world["follow"].pk])]:
        assert client.get(url).status_code == 405, url
    assert (Bookmark.objects.count(), TrialFollow.objects.count(), TagFollow.objects.count()) == before
    assert client.get(reverse("accounts:profile")).status_code == 200  # still logged in after GET logout
    assert member.pk == int(client.session["_auth_user_id"])


# --- next= stays on the site ---------------------------------------------------------------------

HOSTILE_NEXT = [
    "https://evil.example/", "http://evil.example", "//evil.example", "///evil.example", "/\\evil.example",
    "\\\\evil.example", "https:evil.example", "https:/evil.example", " https://evil.example", "\thttps://evil.example",
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "/%2F%2Fevil.example", "https://testserver@evil.example",
    "https://evil.example/?testserver", "http://127.0.0.1.evil.example/", "evil.example",
]


def _on_site(location: str) -> bool:
    parts = urlsplit(location)
    return not parts.scheme and not parts.netloc and not location.startswith(("//", "/\\", "\\"))


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_next_redirects_stay_on_the_site(world, target):
    client = world["clients"]["member"]
    article = world["published"]["article"]
    ct = ContentType.objects.get_for_model(article).pk
    response = client.post(reverse("accounts:save", args=[ct, article.pk]), {"next": target})
    assert response.status_code == 302 and _on_site(response["Location"]), response["Location"]
    response = client.post(reverse("accounts:bookmark_delete", args=[world["bookmark"].pk]) + f"?next={target}")
    assert response.status_code == 302 and _on_site(response["Location"]), response["Location"]
    anonymous = Client()
    user = make_member(email=f"n{abs(hash(target))}@example.org", username=f"n{abs(hash(target))}")
    credentials = {"login": user.email, "password": "correct horse battery staple", "next": target}
    response = anonymous.post(reverse("account_login"), credentials)
    assert response.status_code == 302 and _on_site(response["Location"]), response["Location"]
