"""Query counts stay flat as rows grow: 3 and 30 rows cost the same."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.accounts.services import bookmark_create
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory

pytestmark = pytest.mark.django_db


def save_mixed(user, count: int) -> None:
    factories = [ArticleFactory, QuestionFactory, TrialFactory]
    for n in range(count):
        bookmark_create(user=user, item=factories[n % 3](tags=["car-t"]))


@pytest.mark.parametrize("count", [3, 30])
def test_saved_items_query_count(member_client, member, content_types, django_assert_num_queries, count):
    save_mixed(member, count)
    # session, user, bookmarks, then one query each for articles, FAQs and trials
    with django_assert_num_queries(6):
        response = member_client.get(reverse("accounts:bookmarks"))
    assert len(response.context["entries"]) == count


@pytest.mark.parametrize("count", [3, 30])
def test_article_list_for_member_does_not_grow_with_rows(
    member_client, member, content_types, django_assert_num_queries, count
):
    ArticleFactory.create_batch(count, tags=["car-t", "bcma"])
    bookmark_create(user=member, item=ArticleFactory(tags=["car-t"]))
    # session, user, paginator count, page ids, page rows + author, tags prefetch, saved keys (once)
    with django_assert_num_queries(7):
        response = member_client.get(reverse("articles:list"))
    assert "Remove from saved" in response.content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_tag_page_for_member_does_not_grow_with_rows(
    member_client, content_types, django_assert_num_queries, count
):
    for factory in (ArticleFactory, QuestionFactory, TrialFactory):
        factory.create_batch(count // 3, tags=["bcma"])
    # session, user, tag, topic description, 3 x (rows + tags prefetch), follow state, saved keys
    with django_assert_num_queries(12):
        member_client.get(reverse("tag", args=["bcma"]))
