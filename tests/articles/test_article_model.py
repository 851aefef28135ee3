from __future__ import annotations

import pytest

from tests.factories import ArticleFactory, SourceFactory, TrialFactory

pytestmark = pytest.mark.django_db


def test_reading_time_rounds_up_to_whole_minutes():
    assert ArticleFactory(body="word " * 10).reading_minutes == 1
    assert ArticleFactory(body="word " * 401).reading_minutes == 3


def test_body_html_is_rendered_and_sanitised_on_save():
    article = ArticleFactory(body="# Heading\n\n<script>alert(1)</script>**bold**")
    assert "<strong>bold</strong>" in article.body_html
    assert "<script" not in article.body_html


def test_detail_shows_sources_and_only_published_related_trials(client):
    article = ArticleFactory()
    SourceFactory(article=article, title="Registry record", url="https://clinicaltrials.gov/study/NCT06451159")
    article.related_trials.add(TrialFactory(title="Published trial"), TrialFactory(title="Draft trial", status="draft"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Registry record" in html
    assert "Published trial" in html
    assert "Draft trial" not in html


def test_slug_is_filled_from_title_and_kept_unique():
    from articles.models import Article

    first = Article.objects.create(title="CAR T explained")
    second = Article.objects.create(title="CAR T explained")
    assert (first.slug, second.slug) == ("car-t-explained", "car-t-explained-2")
