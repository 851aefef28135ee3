"""`load_demo_content` on a database without the demo (test_demo_content.py loads it once per module)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from articles.models import Article
from trials.models import Trial


@pytest.mark.django_db
def test_missing_group_stops_the_load_without_partial_content() -> None:
    Group.objects.filter(name="Moderators").delete()
    with pytest.raises(CommandError, match="Moderators"):
        call_command("load_demo_content", stdout=StringIO())
    assert Article.objects.count() == Trial.objects.count() == get_user_model().objects.count() == 0
