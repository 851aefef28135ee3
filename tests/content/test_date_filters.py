"""The fast date filters give exactly what Django's `date` filter gives for the same formats."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

FORMATS = {"iso_datetime": "'c'", "iso_date": "'Y-m-d'", "short_date": '"j M Y"', "long_date": '"j F Y"'}
VALUES = [
    datetime.date(2026, 12, 1),
    datetime.date(2024, 2, 29),
    datetime.date(2025, 5, 9),
    datetime.datetime(2026, 3, 29, 0, 30, tzinfo=datetime.UTC),  # the night the clocks change
    datetime.datetime(2026, 12, 31, 23, 59, 59, 123456, tzinfo=datetime.UTC),  # a new year in Berlin
    datetime.datetime(2026, 7, 4, 12, 0),  # naive
    None,
    "",
]


@pytest.mark.parametrize("language", ["en", "de", "fr"])
@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "America/New_York"])
def test_same_text_as_djangos_date_filter(language, zone):
    for name, django_format in FORMATS.items():
        ours = Template(f"{{{{ value|{name} }}}}")
        theirs = Template(f"{{{{ value|date:{django_format} }}}}")
        with translation.override(language), timezone.override(zoneinfo.ZoneInfo(zone)):
            for value in VALUES:
                context = {"value": value}
                assert ours.render(Context(context)) == theirs.render(Context(context)), (name, value)
