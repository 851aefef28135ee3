"""slug_url gives what reverse() gives, and refuses what reverse() refuses."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from portal.content.reversing import slug_url

NAMES = ["articles:detail", "faq:detail", "trials:detail", "tag"]


def test_same_urls_as_reverse_under_any_prefix():
    try:
        for prefix in ("/", "/portal/"):
            set_script_prefix(prefix)
            for name in NAMES:
                for slug in ["car-t", "a", "nct06451159-cd19_trial", "x" * 200]:
                    assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug})
    finally:
        clear_script_prefix()
        set_script_prefix("/")


@pytest.mark.parametrize("slug", ["", "has space", "dé", "a/b"])
def test_slugs_reverse_refuses_are_refused(slug):
    with pytest.raises(NoReverseMatch):
        slug_url("articles:detail", slug)


def test_anything_but_a_string_goes_to_reverse():
    assert slug_url("articles:detail", 42) == reverse("articles:detail", kwargs={"slug": 42})
