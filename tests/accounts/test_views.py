from __future__ import annotations

import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import resolve, reverse

from portal.accounts.models import AlertFrequency, Bookmark, TagFollow
from portal.content.models import Status
from tests.accounts.conftest import make_member
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory, UserFactory
from trials.models import RecruitmentStatus, TrialFollow

pytestmark = pytest.mark.django_db


def save_url(content_types, item, name="accounts:save"):
    return reverse(name, args=[content_types[item._meta.model_name].pk, item.pk])


# --- Sign up, verify, sign in ------------------------------------------------------------------


def test_sign_up_verify_then_save(client, content_types):
    article = ArticleFactory()
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.org", "password1": "a long calm passphrase", "password2": "a long calm passphrase"},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/confirm-email/[^\s]+/)", mail.outbox[0].body).group(1)
    # Not signed in before the address is confirmed: saving sends you to sign in.
    assert client.post(save_url(content_types, article)).url.startswith(reverse("account_login"))

    assert client.post(link).status_code == 302
    response = client.post(save_url(content_types, article), {"next": article.get_absolute_url()})
    assert response.status_code == 302
    assert response.url == article.get_absolute_url()
    assert Bookmark.objects.filter(user__email="new@example.org", object_id=article.pk).exists()


def test_sign_in_form_keeps_the_email_and_explains_the_error(client, member):
    response = client.post(reverse("account_login"), {"login": member.email, "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{member.email}"' in html
    assert 'class="errorlist' in html


def test_failed_logins_are_rate_limited(client, member):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": member.email, "password": "wrong"})
    right = {"login": member.email, "password": "correct horse battery staple"}
    response = client.post(reverse("account_login"), right)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_to_save_saves_and_brings_the_member_back_to_the_item(client, member, content_types):
    trial = TrialFactory()
    html = client.get(trial.get_absolute_url()).content.decode()
    confirm = save_url(content_types, trial)
    assert f'href="{reverse("account_login")}?next={confirm}"' in html

    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "correct horse battery staple", "next": confirm}
    )
    # Signing in finishes the save (portal.accounts.intents) and returns to the trial.
    assert response.url == trial.get_absolute_url()
    assert Bookmark.objects.get(user=member).object_id == trial.pk
    Bookmark.objects.all().delete()
    # Visited directly by a signed-in member, the save address is a one-click confirmation.
    page = client.get(confirm)
    assert page.status_code == 200
    assert not Bookmark.objects.exists()  # a GET never saves
    response = client.post(confirm, {"next": trial.get_absolute_url()})
    assert response.url == trial.get_absolute_url()
    assert Bookmark.objects.get(user=member).object_id == trial.pk


def test_unverified_member_cannot_save(content_types):
    user = UserFactory()
    client = Client()
    client.force_login(user)
    response = client.post(save_url(content_types, ArticleFactory()))
    assert response.status_code == 200
    assert "verify" in response.content.decode().lower()
    assert not Bookmark.objects.exists()


# --- Saving ------------------------------------------------------------------------------------


def test_save_and_unsave_return_to_the_same_page(member_client, member, content_types):
    question = QuestionFactory()
    response = member_client.post(save_url(content_types, question), {"next": "/faq/"})
    assert response.url == "/faq/"
    assert Bookmark.objects.filter(user=member).count() == 1
    response = member_client.post(save_url(content_types, question, "accounts:unsave"), {"next": "/faq/"})
    assert response.url == "/faq/"
    assert not Bookmark.objects.filter(user=member).exists()


def test_double_save_keeps_one_bookmark(member_client, member, content_types):
    article = ArticleFactory()
    for _ in range(2):
        assert member_client.post(save_url(content_types, article)).status_code == 302
    assert Bookmark.objects.filter(user=member).count() == 1


def test_next_must_stay_on_this_site(member_client, content_types):
    article = ArticleFactory()
    response = member_client.post(save_url(content_types, article), {"next": "https://evil.example/"})
    assert response.url == article.get_absolute_url()


def test_save_answers_json_for_the_script(member_client, content_types):
    article = ArticleFactory()
    response = member_client.post(
        save_url(content_types, article), {"next": "/articles/"}, HTTP_ACCEPT="application/json"
    )
    data = response.json()
    assert data["active"] is True
    assert save_url(content_types, article, "accounts:unsave") in data["html"]
    assert "Remove from saved" in data["html"]


def test_card_shows_saved_state(member_client, member, content_types):
    saved, unsaved = ArticleFactory(), ArticleFactory()
    member_client.post(save_url(content_types, saved))
    html = member_client.get(reverse("articles:list")).content.decode()
    assert f'action="{save_url(content_types, saved, "accounts:unsave")}"' in html
    assert f'action="{save_url(content_types, unsaved)}"' in html


def test_unpublished_item_cannot_be_saved(member_client, content_types):
    draft = ArticleFactory(status=Status.DRAFT)
    assert member_client.post(save_url(content_types, draft)).status_code == 404
    assert not Bookmark.objects.exists()


def test_anonymous_post_redirects_to_login(client, content_types):
    article = ArticleFactory()
    response = client.post(save_url(content_types, article))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Bookmark.objects.exists()


def test_csrf_is_enforced(member, content_types):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(save_url(content_types, ArticleFactory()))
    assert response.status_code == 403
    assert not Bookmark.objects.exists()


# --- My saved items ----------------------------------------------------------------------------


def test_saved_items_newest_first_and_filtered_by_type(member_client, content_types):
    article, trial = ArticleFactory(title="Saved article"), TrialFactory(title="Saved trial")
    member_client.post(save_url(content_types, article))
    member_client.post(save_url(content_types, trial))
    html = member_client.get(reverse("accounts:bookmarks")).content.decode()
    assert html.index(">Saved trial</a>") < html.index(">Saved article</a>")
    html = member_client.get(reverse("accounts:bookmarks"), {"type": "article"}).content.decode()
    assert ">Saved article</a>" in html
    assert ">Saved trial</a>" not in html


def test_unpublished_item_shows_as_no_longer_available(member_client, moderator, content_types):
    from portal.actions.archive import content_archive

    article = ArticleFactory(title="Withdrawn explainer")
    member_client.post(save_url(content_types, article))
    content_archive(item=article, moderator=moderator)
    response = member_client.get(reverse("accounts:bookmarks"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "No longer available" in html
    assert f'href="{article.get_absolute_url()}"' not in html


def test_trial_status_change_since_saving_is_flagged(member_client, content_types):
    trial = TrialFactory(overall_status=RecruitmentStatus.RECRUITING)
    member_client.post(save_url(content_types, trial))
    trial.overall_status = RecruitmentStatus.COMPLETED
    trial.save(update_fields=["overall_status"])
    html = member_client.get(reverse("accounts:bookmarks")).content.decode()
    assert "Changed since you saved it (was: Recruiting)" in html
    assert "Completed" in html


def test_member_never_sees_another_members_saved_items(member_client, other_member, content_types):
    from portal.accounts.services import bookmark_create

    bookmark_create(user=other_member, item=ArticleFactory(title="Someone else's article"))
    html = member_client.get(reverse("accounts:bookmarks")).content.decode()
    assert "Someone else's article" not in html


def test_member_cannot_remove_another_members_bookmark(member_client, other_member):
    from portal.accounts.services import bookmark_create

    bookmark = bookmark_create(user=other_member, item=ArticleFactory())
    response = member_client.post(reverse("accounts:bookmark_delete", args=[bookmark.pk]))
    assert response.status_code == 404
    assert Bookmark.objects.filter(pk=bookmark.pk).exists()


def test_member_removes_own_bookmark_from_the_list(member_client, member):
    from portal.accounts.services import bookmark_create

    bookmark = bookmark_create(user=member, item=ArticleFactory())
    response = member_client.post(reverse("accounts:bookmark_delete", args=[bookmark.pk]))
    assert response.url == reverse("accounts:bookmarks")
    assert not Bookmark.objects.filter(pk=bookmark.pk).exists()


def test_anonymous_cannot_see_saved_items(client):
    response = client.get(reverse("accounts:bookmarks"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


# --- Following ---------------------------------------------------------------------------------


def test_follow_and_unfollow_trial(member_client, member):
    trial = TrialFactory()
    assert "Follow" in member_client.get(trial.get_absolute_url()).content.decode()
    member_client.post(reverse("accounts:follow_trial", args=[trial.pk]))
    assert TrialFollow.objects.filter(user=member, trial=trial).exists()
    html = member_client.get(reverse("accounts:profile")).content.decode()
    assert trial.title in html
    member_client.post(reverse("accounts:unfollow_trial", args=[trial.pk]))
    assert not TrialFollow.objects.filter(user=member).exists()


def test_follow_tag_from_the_tag_page(member_client, member):
    ArticleFactory(tags=["progressive-ms"])
    html = member_client.get(reverse("tag", args=["progressive-ms"])).content.decode()
    assert reverse("accounts:follow_tag", args=["progressive-ms"]) in html
    response = member_client.post(reverse("accounts:follow_tag", args=["progressive-ms"]))
    assert response.url == reverse("tag", args=["progressive-ms"])
    assert TagFollow.objects.get(user=member).tag.slug == "progressive-ms"


def test_member_cannot_remove_another_members_follow(member_client, other_member):
    follow = TrialFollow.objects.create(user=other_member, trial=TrialFactory())
    response = member_client.post(reverse("accounts:follow_delete", args=["trial", follow.pk]))
    assert response.status_code == 404
    assert TrialFollow.objects.filter(pk=follow.pk).exists()


def test_profile_never_lists_another_members_follows(member_client, other_member):
    TrialFollow.objects.create(user=other_member, trial=TrialFactory(title="Their trial"))
    assert "Their trial" not in member_client.get(reverse("accounts:profile")).content.decode()


# --- Profile, export, delete -------------------------------------------------------------------


def test_profile_updates_alert_preference(member_client, member):
    response = member_client.post(
        reverse("accounts:profile"), {"display_name": "Sam", "alert_frequency": AlertFrequency.WEEKLY}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.display_name, member.alert_frequency) == ("Sam", AlertFrequency.WEEKLY)


def test_profile_rejects_bad_choice_and_keeps_input(member_client, member):
    response = member_client.post(reverse("accounts:profile"), {"display_name": "Sam", "alert_frequency": "hourly"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Sam"' in html
    assert 'aria-invalid="true"' in html or "errorlist" in html
    member.refresh_from_db()
    assert member.display_name == ""


def test_export_contains_profile_saved_items_and_follows(member_client, member, content_types):
    article = ArticleFactory(title="Exported article")
    member_client.post(save_url(content_types, article))
    TrialFollow.objects.create(user=member, trial=TrialFactory(nct_id="NCT01234567"))
    response = member_client.get(reverse("accounts:export"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["email"] == member.email
    assert [item["title"] for item in data["saved_items"]] == ["Exported article"]
    assert data["following"]["trials"][0]["nct_id"] == "NCT01234567"


def test_delete_needs_the_right_password(member_client, member):
    response = member_client.post(reverse("accounts:delete"), {"password": "wrong"})
    assert response.status_code == 200
    assert "not right" in response.content.decode()
    assert type(member).objects.filter(pk=member.pk).exists()


def test_delete_removes_personal_data_and_signs_out(member_client, member, content_types):
    member_client.post(save_url(content_types, ArticleFactory()))
    TrialFollow.objects.create(user=member, trial=TrialFactory())
    response = member_client.post(reverse("accounts:delete"), {"password": "correct horse battery staple"})
    assert response.url == reverse("home")
    assert not type(member).objects.filter(pk=member.pk).exists()
    assert not Bookmark.objects.exists()
    assert not TrialFollow.objects.exists()
    assert member_client.get(reverse("accounts:profile")).status_code == 302


# --- URLs and header ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args", "path"),
    [
        ("accounts:profile", [], "/accounts/profile/"),
        ("accounts:bookmarks", [], "/accounts/saved/"),
        ("accounts:save", [3, 7], "/accounts/saved/3/7/"),
        ("accounts:follow_tag", ["bcma"], "/accounts/follow/tag/bcma/"),
    ],
)
def test_urls_reverse_and_resolve(name, args, path):
    assert reverse(name, args=args) == path
    assert resolve(path).view_name == name


def test_header_links_for_anonymous_and_member(client, member_client):
    assert reverse("account_signup") in client.get("/").content.decode()
    html = member_client.get("/").content.decode()
    assert reverse("accounts:bookmarks") in html
    assert reverse("account_logout") in html


def test_logout_is_a_post(member_client):
    assert member_client.post(reverse("account_logout")).status_code == 302
    assert member_client.get(reverse("accounts:profile")).status_code == 302


def test_another_member_signing_in_sees_their_own_list(content_types):
    first, second = make_member(), make_member()
    client = Client()
    client.force_login(first)
    client.post(save_url(content_types, ArticleFactory(title="First's pick")))
    client.force_login(second)
    assert "First's pick" not in client.get(reverse("accounts:bookmarks")).content.decode()


def test_deleted_item_shows_as_removed(member_client, member):
    from portal.accounts.services import bookmark_create

    article = ArticleFactory()
    bookmark_create(user=member, item=article)
    article.delete()
    html = member_client.get(reverse("accounts:bookmarks")).content.decode()
    assert "A removed item" in html
    assert "No longer available" in html


@pytest.mark.parametrize(
    "name", ["account_login", "account_signup", "account_reset_password", "account_email_verification_sent"]
)
def test_allauth_pages_use_the_site_layout(client, name):
    response = client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert 'class="site-footer"' in html


@pytest.mark.parametrize("name", ["account_email", "account_change_password"])
def test_allauth_member_pages_use_the_site_layout(member_client, name):
    html = member_client.get(reverse(name)).content.decode()
    assert 'class="wrap prose account-page"' in html
    assert 'class="site-header"' in html


def test_save_button_is_not_shown_in_previews(editor_client, content_types):
    draft = ArticleFactory(status=Status.DRAFT)
    url = reverse("preview", args=["articles", "article", draft.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert save_url(content_types, draft) not in response.content.decode()


def test_login_page_offers_the_password_reset_link_once(client):
    from django.urls import reverse

    html = client.get(reverse("account_login")).content.decode()
    assert html.count(reverse("account_reset_password")) == 1
