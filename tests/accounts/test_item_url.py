"""Save-button URLs reversed once per type give exactly what reverse() gives, under any URL prefix."""

from __future__ import annotations

from django.urls import clear_script_prefix, reverse, set_script_prefix

from portal.accounts.templatetags.accounts_tags import item_url


def test_item_urls_match_reverse_under_any_prefix():
    try:
        for prefix in ("/", "/portal/"):
            set_script_prefix(prefix)
            for name in ("accounts:save", "accounts:unsave"):
                for content_type_id, object_id in [(3, 1), (3, 98765), (12, 3), (7, 987654)]:
                    expected = reverse(name, args=(content_type_id, object_id))
                    assert item_url(name, content_type_id, object_id) == expected
                    assert expected.startswith(prefix)
    finally:
        clear_script_prefix()
        set_script_prefix("/")
