"""The follow table (portal/accounts/follows.py): trials and topics come from their registrations."""

from __future__ import annotations

import pytest
from django.urls import reverse
from taggit.models import Tag

from portal.accounts import follows
from portal.accounts.models import TagFollow
from tests.factories import ArticleFactory, TrialFactory
from trials.models import TrialFollow

pytestmark = pytest.mark.django_db


def test_trials_and_topics_are_registered_in_order():
    kinds = follows.follow_kinds()
    assert [k.kind for k in kinds] == ["trial", "tag"]
    assert follows.follow_kind("trial").follow_model is TrialFollow
    assert follows.follow_kind("tag").follow_model is TagFollow
    assert follows.follow_kind("article") is None


def test_follow_urls_come_from_the_registrations():
    assert reverse("accounts:follow_trial", kwargs={"pk": 7}) == "/accounts/follow/trial/7/"
    assert reverse("accounts:unfollow_tag", kwargs={"slug": "fatigue"}) == "/accounts/follow/tag/fatigue/remove/"


def test_follow_button_uses_the_kinds_name_and_hint(member_client):
    trial = TrialFactory(acronym="STARLIGHT")
    html = member_client.get(trial.get_absolute_url()).content.decode()
    assert "Follow STARLIGHT" in html
    assert "E-mail me when its status, sites or dates change." in html
    assert reverse("accounts:follow_trial", args=[trial.pk]) in html


def test_profile_lists_each_kind_with_its_own_template(member, member_client):
    trial = TrialFactory(nct_id="NCT07654321", title="A followed trial")
    TrialFollow.objects.create(user=member, trial=trial)
    tag = Tag.objects.create(name="Fatigue", slug="fatigue")
    TagFollow.objects.create(user=member, tag=tag)
    html = member_client.get(reverse("accounts:profile")).content.decode()
    assert html.index("<h3>Trials</h3>") < html.index("A followed trial") < html.index("<h3>Topics</h3>")
    assert "NCT07654321" in html
    assert reverse("accounts:follow_delete", args=["tag", TagFollow.objects.get().pk]) in html
    assert reverse("accounts:follow_delete", args=["trial", TrialFollow.objects.get().pk]) in html


def test_saved_trial_shows_its_registry_number_through_its_own_template(member, member_client, content_types):
    trial = TrialFactory(nct_id="NCT01112223")
    article = ArticleFactory()
    for item in (trial, article):
        member_client.post(reverse("accounts:save", args=[content_types[item._meta.model_name].pk, item.pk]))
    html = member_client.get(reverse("accounts:bookmarks")).content.decode()
    assert html.count("NCT01112223") == 1
    assert html.count('class="card__facts"') == 1  # the article has no type-specific lines
