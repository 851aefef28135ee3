"""What the admin's article change form posts, for tests that save an article through the admin."""

from __future__ import annotations

from articles.models import Article


def article_form_data(article: Article, **extra) -> dict:
    """The change form as a browser posts it: the article's fields (its medical reviewer too), empty
    schedule boxes, no inline rows."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "tags": "",
        "review_interval_months": str(article.review_interval_months),
        "last_reviewed": article.last_reviewed.isoformat() if article.last_reviewed else "",
        "reviewed_by": str(article.reviewed_by_id or ""),
        "reviewer_name": article.reviewer_name,
        "reviewer_credentials": article.reviewer_credentials,
        "related_trials": [str(pk) for pk in article.related_trials.values_list("pk", flat=True)],
        "publish_at_0": "",
        "publish_at_1": "",
        "archive_at_0": "",
        "archive_at_1": "",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "content-moderationevent-content_type-object_id-TOTAL_FORMS": "0",
        "content-moderationevent-content_type-object_id-INITIAL_FORMS": "0",
    }
    data.update(extra)
    return data
