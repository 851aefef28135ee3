"""Editors steer search: picks shown first as "Recommended", and counts of searches that found nothing."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.content.models import Status
from portal.content.search.models import FailedSearch, SearchPromotion, SearchPromotionItem
from portal.content.search.selectors import search
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def rebuild() -> None:
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))


def pick(queries: str, *items) -> SearchPromotion:
    promotion = SearchPromotion.objects.create(queries=queries)
    for position, item in enumerate(items, 1):
        SearchPromotionItem.objects.create(
            promotion=promotion, content_type=ContentType.objects.get_for_model(item), object_id=item.pk,
            position=position,
        )
    return promotion


def test_picks_come_first_for_any_variant_of_the_query_and_only_when_published(client):
    guide = ArticleFactory(title="Travel guide", summary="Planning a trip.")
    ArticleFactory(title="Walrus walking", summary="Walking with MS.")
    draft = ArticleFactory(title="Draft walking tips", summary="Walking.", status=Status.DRAFT)
    rebuild()
    pick("walking\nWalk aids", guide, draft)
    results = search("Walking!")
    assert [hit.title for hit in results.recommended] == ["Travel guide"]
    assert [hit.title for hit in search("walk aids").recommended] == ["Travel guide"]
    assert search("walrus").recommended == []
    html = client.get(reverse("search:results"), {"q": "walking"}).content.decode()
    assert "Recommended" in html and html.index("Travel guide") < html.index("Walrus walking")


def test_failed_searches_are_counted_per_normalised_query_and_day_without_who():
    ArticleFactory(title="Fatigue")
    rebuild()
    search("Zzyzx   Quokkas!")
    search("zzyzx quokka")
    search("fatigue")
    rows = list(FailedSearch.objects.values_list("query", "count"))
    assert rows == [("zzyzx quokka", 2)]
    assert {f.name for f in FailedSearch._meta.get_fields()} == {"id", "query", "day", "count"}


def test_failed_search_admin_lists_top_queries_with_next_steps(admin_client):
    today = timezone.localdate()
    FailedSearch.objects.create(query="pregnanc", day=today, count=5)
    FailedSearch.objects.create(query="old one", day=today - datetime.timedelta(days=40), count=50)
    html = admin_client.get(reverse("admin:content_failedsearch_changelist")).content.decode()
    assert "pregnanc" in html and "old one" not in html
    assert "Create an editors&#x27; pick" in html or "Create an editors' pick" in html
    assert reverse("admin:content_searchpromotion_add") + "?queries=pregnanc" in html


def test_cleanup_removes_counts_older_than_90_days():
    today = timezone.localdate()
    FailedSearch.objects.create(query="recent", day=today - datetime.timedelta(days=89), count=1)
    FailedSearch.objects.create(query="old", day=today - datetime.timedelta(days=91), count=1)
    call_command("search_failed_cleanup", stdout=open("/dev/null", "w"))
    assert list(FailedSearch.objects.values_list("query", flat=True)) == ["recent"]
