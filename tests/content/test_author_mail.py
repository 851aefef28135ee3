"""The author hears when their item is sent back (with the comment) or published."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from portal.actions.publish import content_publish
from portal.actions.send_back import content_send_back
from portal.content.models import Status
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

