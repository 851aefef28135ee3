from django import template

from trials import display

register = template.Library()


@register.filter
def partial_date(value: str, date_type: str = "") -> str:
    """'2027-02' -> 'Feb 2027', with ' (estimated)' for planned dates."""
    return display.format_partial_date(value or "", date_type or "")


@register.filter
def phase_label(codes) -> str:
    """['PHASE2', 'PHASE3'] -> 'Phase 2/3'; '' for none."""
    return display.phase_label(codes or ())
