"""`load_demo_pages`: fictional people with profiles, tag names instead of slugs, topic descriptions."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from taggit.models import Tag

from articles.models import Article
from portal.content.search.models import SearchEntry
from portal.pages.demo import FICTIONAL, TOPICS
from portal.pages.models import EditorProfile, TagInfo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=StringIO())
    call_command("load_demo_pages", stdout=StringIO())


def test_every_demo_tag_has_a_name_and_a_description(demo):
    tags = list(Tag.objects.all())
    assert tags
    for tag in tags:
        assert tag.name != tag.slug, tag.slug
        assert TagInfo.objects.get(tag=tag).description == TOPICS[tag.slug][1]


def test_search_index_carries_the_tag_names(demo):
    assert any(["progressive-ms", "Progressive MS"] in entry.tag_list for entry in SearchEntry.objects.all())


def test_demo_items_are_credited_to_fictional_people(demo, client):
    assert set(EditorProfile.objects.values_list("name", flat=True)) == {
        "Maren Lindqvist",
        "Dr Tomás Okafor",
        "Priya Castellano",
    }
    assert all(profile.bio.startswith(FICTIONAL) for profile in EditorProfile.objects.all())
    authors = set(Article.objects.published().values_list("author__editor_profile__name", flat=True))
    assert authors == {"Maren Lindqvist", "Priya Castellano"}
    html = client.get(Article.objects.published().first().get_absolute_url()).content.decode()
    assert "Demo editor" not in html
    assert "Medically reviewed by" in html and "Dr Tomás Okafor" in html and "MD, consultant neurologist" in html


def test_loading_again_changes_nothing_and_keeps_editors_changes(demo):
    Tag.objects.filter(slug="car-t").update(name="CAR-T therapy")
    TagInfo.objects.filter(tag__slug="car-t").update(description="Edited.")
    before = list(Article.objects.order_by("pk").values_list("author_id", flat=True))
    out = StringIO()
    call_command("load_demo_pages", stdout=out)
    assert "Profiles: 0" in out.getvalue() and "Tags renamed: 0" in out.getvalue()
    assert Tag.objects.get(slug="car-t").name == "CAR-T therapy"
    assert TagInfo.objects.get(tag__slug="car-t").description == "Edited."
    assert list(Article.objects.order_by("pk").values_list("author_id", flat=True)) == before
