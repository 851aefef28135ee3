"""Reader questions and member accounts: export includes them, deletion keeps them unlinked."""

from __future__ import annotations

import pytest

from faq.models import Submission
from portal.accounts.services import account_delete, account_export
from tests.factories import SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_export_contains_only_my_submitted_questions():
    me, other = UserFactory(), UserFactory()
    SubmissionFactory(user=me, question="Can CAR T help secondary progressive MS?")
    SubmissionFactory(user=other, question="Someone else's private question here")
    exported = account_export(user=me)["submitted_questions"]
    assert [q["question"] for q in exported] == ["Can CAR T help secondary progressive MS?"]


def test_deleting_an_account_keeps_its_questions_but_unlinks_them():
    me = UserFactory()
    submission = SubmissionFactory(user=me)
    account_delete(user=me)
    submission.refresh_from_db()
    assert submission.user is None
    assert Submission.objects.filter(pk=submission.pk).exists()
