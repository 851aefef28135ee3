from django import template

from trials.ctgov.parser import format_partial_date

register = template.Library()


@register.filter
def partial_date(value: str, date_type: str = "") -> str:
    """'2027-02' -> 'Feb 2027', with ' (estimated)' for planned dates."""
    return format_partial_date(value or "", date_type or "")
