"""Atom feeds: only published items, never a draft's title; trial changes are the alerted fields only."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from portal.content.models import Status
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory
from trials.models import ChangeField, TrialChange

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HIDDEN = [Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED]


def entries(client, url: str) -> list[ET.Element]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def titles(client, url: str) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in entries(client, url)]


def change(trial, field=ChangeField.OVERALL_STATUS, old="NOT_YET_RECRUITING", new="RECRUITING", **kwargs):
    return TrialChange.objects.create(trial=trial, field=field, old_value=old, new_value=new, **kwargs)


@pytest.mark.parametrize("status", HIDDEN)
def test_article_feed_lists_only_published_articles(client, status):
    ArticleFactory(title="Published article")
    ArticleFactory(title="Secret draft title", status=status)
    body = client.get(reverse("feeds:articles")).content.decode()
    assert "Published article" in body
    assert "Secret draft title" not in body


def test_article_feed_entries_link_to_the_article_with_summary_and_tags(client):
    article = ArticleFactory(title="CAR T explained", summary="What it is.", tags=["cd19"])
    (entry,) = entries(client, reverse("feeds:articles"))
    assert entry.findtext(f"{ATOM}title") == "CAR T explained"
    assert entry.find(f"{ATOM}link").get("href").endswith(article.get_absolute_url())
    assert entry.findtext(f"{ATOM}summary") == "What it is."
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["cd19"]
    assert entry.findtext(f"{ATOM}updated")


@pytest.mark.parametrize("status", HIDDEN)
def test_question_feed_has_published_answers_most_recently_updated_first(client, status):
    older = QuestionFactory(title="Older answer?")
    newer = QuestionFactory(title="Newer answer?")
    QuestionFactory(title="Draft question?", status=status)
    type(older).objects.filter(pk=newer.pk).update(updated_at=older.updated_at.replace(year=2030))
    assert titles(client, reverse("feeds:questions")) == ["Newer answer?", "Older answer?"]


@pytest.mark.parametrize("status", HIDDEN)
def test_trial_change_feed_has_changes_of_published_trials_only(client, status):
    shown = TrialFactory(acronym="SHOWN", title="Shown trial")
    hidden = TrialFactory(title="Secret trial title", status=status)
    change(shown)
    change(hidden)
    body = client.get(reverse("feeds:trial_changes")).content.decode()
    assert "SHOWN" in body and "Started recruiting" in body
    assert "Secret trial title" not in body and hidden.nct_id not in body


def test_trial_change_feed_has_status_site_and_date_changes_not_enrollment(client):
    trial = TrialFactory(acronym="TRIAL")
    change(trial)
    change(trial, field=ChangeField.SITES_ADDED, old=None, new=["a|b|germany"], country="Germany")
    change(trial, field=ChangeField.START_DATE, old={"date": "2025-01"}, new={"date": "2025-06"})
    change(trial, field=ChangeField.ENROLLMENT, old=10, new=20)
    feed = titles(client, reverse("feeds:trial_changes"))
    assert len(feed) == 3
    assert not any("participants" in title for title in feed)
    assert any("1 new site in Germany" in title for title in feed)


def test_trial_change_entries_have_distinct_ids(client):
    trial = TrialFactory()
    change(trial)
    change(trial, field=ChangeField.SITES_ADDED, old=None, new=["a|b|c"], country="France")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries(client, reverse("feeds:trial_changes"))]
    assert len(set(ids)) == 2


def test_one_trial_feed_has_only_that_trials_changes(client):
    trial, other = TrialFactory(acronym="MINE"), TrialFactory(acronym="OTHER")
    change(trial)
    change(other)
    feed = titles(client, reverse("feeds:trial", args=[trial.slug]))
    assert len(feed) == 1 and feed[0].startswith("MINE")


@pytest.mark.parametrize("status", HIDDEN)
def test_one_trial_feed_of_an_unpublished_trial_is_404(client, status):
    trial = TrialFactory(status=status)
    change(trial)
    assert client.get(reverse("feeds:trial", args=[trial.slug])).status_code == 404


@pytest.mark.parametrize("status", HIDDEN)
def test_tag_feed_lists_published_items_of_every_type_with_the_tag(client, status):
    ArticleFactory(title="Tagged article", tags=["bcma"])
    QuestionFactory(title="Tagged question?", tags=["bcma"])
    TrialFactory(title="Tagged trial", tags=["bcma"])
    ArticleFactory(title="Secret tagged draft", tags=["bcma"], status=status)
    ArticleFactory(title="Other topic", tags=["lupus"])
    feed = titles(client, reverse("feeds:tag", args=["bcma"]))
    assert sorted(feed) == ["Tagged article", "Tagged question?", "Tagged trial"]


def test_tag_feed_of_unknown_tag_is_404(client):
    assert client.get(reverse("feeds:tag", args=["nothing"])).status_code == 404


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        (lambda: reverse("articles:list"), lambda: reverse("feeds:articles")),
        (lambda: reverse("faq:list"), lambda: reverse("feeds:questions")),
        (lambda: reverse("trials:list"), lambda: reverse("feeds:trial_changes")),
        (lambda: reverse("tag", args=["cd19"]), lambda: reverse("feeds:tag", args=["cd19"])),
    ],
)
def test_list_and_tag_pages_link_their_feed_in_the_head_and_visibly(client, page, feed):
    ArticleFactory(tags=["cd19"])
    html = client.get(page()).content.decode()
    head, body = html.split("</head>")
    assert 'rel="alternate" type="application/atom+xml"' in head and f'href="{feed()}"' in head
    assert "Follow with a feed reader" in body and f'href="{feed()}"' in body


def test_trial_page_links_its_own_feed_first(client):
    trial = TrialFactory()
    html = client.get(trial.get_absolute_url()).content.decode()
    own = reverse("feeds:trial", args=[trial.slug])
    head, body = html.split("</head>")
    assert f'href="{own}"' in head
    visible = body[body.index("Follow with a feed reader") - 200 :]
    assert f'href="{own}"' in visible
