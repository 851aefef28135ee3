"""The author hears when their item is sent back (with the comment) or published; the dashboard's
"sent back to me" list (`portal.content.selectors.sent_back_to`)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from portal.actions.publish import content_publish
from portal.actions.send_back import content_send_back
from portal.actions.submit import content_submit
from portal.content.models import Status
from portal.content.selectors import sent_back_to
from tests.conftest import staff_group
from tests.factories import ArticleFactory, QuestionFactory, TrialFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(db):
    return UserFactory(username="wen", email="wen@example.org")


def test_author_gets_the_send_back_comment_after_commit(moderator, author, django_capture_on_commit_callbacks):
    item = ArticleFactory(status=Status.IN_REVIEW, author=author, title="Dosing explained")
    with django_capture_on_commit_callbacks(execute=True):
        content_send_back(item=item, moderator=moderator, comment="Please add the trial's date.")
        assert mail.outbox == []  # not before the commit
    (message,) = mail.outbox
    assert message.to == ["wen@example.org"]
    assert "Dosing explained" in message.subject and "Sent back" in message.subject
    assert "Please add the trial's date." in message.body
    assert f"/admin/articles/article/{item.pk}/change/" in message.body


def test_author_is_told_when_it_is_published(moderator, author, django_capture_on_commit_callbacks):
    item = QuestionFactory(status=Status.IN_REVIEW, author=author)
    with django_capture_on_commit_callbacks(execute=True):
        content_publish(item=item, moderator=moderator)
    (message,) = mail.outbox
    assert message.to == ["wen@example.org"] and message.subject.startswith("Published")
    assert item.get_absolute_url() in message.body


def test_no_mail_for_a_rolled_back_publish(moderator, author, django_capture_on_commit_callbacks):
    item = ArticleFactory(status=Status.IN_REVIEW, author=author)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            content_publish(item=item, moderator=moderator)
            raise RuntimeError("rolled back")
    assert callbacks == [] and mail.outbox == []


def test_no_mail_to_yourself_or_without_an_address(moderator, django_capture_on_commit_callbacks):
    superuser = UserFactory(username="admin", is_staff=True, is_superuser=True)
    own = TrialFactory(status=Status.IN_REVIEW, author=superuser)
    no_address = TrialFactory(status=Status.IN_REVIEW, author=UserFactory(username="anon", email=""))
    with django_capture_on_commit_callbacks(execute=True):
        content_publish(item=own, moderator=superuser)
        content_send_back(item=no_address, moderator=moderator, comment="Check the phase.")
    assert mail.outbox == []


def test_sent_back_to_lists_the_authors_drafts_with_the_latest_comment(moderator, editor):
    author = UserFactory(username="wen", email="wen@example.org", is_staff=True)
    author.groups.add(staff_group("Editors"))
    article = ArticleFactory(status=Status.IN_REVIEW, author=author, title="Sent back article")
    faq = QuestionFactory(status=Status.IN_REVIEW, author=author)
    resubmitted = ArticleFactory(status=Status.IN_REVIEW, author=author)
    ArticleFactory(status=Status.DRAFT, author=author)  # never reviewed
    others = ArticleFactory(status=Status.IN_REVIEW, author=editor)
    content_send_back(item=article, moderator=moderator, comment="First comment.")
    content_send_back(item=faq, moderator=moderator, comment="FAQ comment.")
    for item in (resubmitted, others):
        content_send_back(item=item, moderator=moderator, comment="Fix.")
    content_submit(item=resubmitted, user=author)
    items = sent_back_to(author)
    assert [(type(i).__name__, i.pk) for i in items] == [("Question", faq.pk), ("Article", article.pk)]
    assert items[1].sent_back_comment == "First comment." and items[1].sent_back_by_id == moderator.pk
    assert sent_back_to(None) == []


def test_sent_back_to_is_one_query_per_content_type(moderator, author, django_assert_num_queries):
    from portal.content.selectors import content_models

    for _ in range(3):
        content_send_back(item=ArticleFactory(status=Status.IN_REVIEW, author=author), moderator=moderator,
                          comment="Fix.")
    sent_back_to(author)  # content types are cached after the first call
    with django_assert_num_queries(len(content_models())):
        assert len(sent_back_to(author)) == 3
    for _ in range(27):
        content_send_back(item=ArticleFactory(status=Status.IN_REVIEW, author=author), moderator=moderator,
                          comment="Fix.")
    with django_assert_num_queries(len(content_models())):
        assert len(sent_back_to(author)) == 30
