"""Scores as people read them: two decimals at most, rounded only here."""

from django import template

from taizhang.assessment.scoring import fmt

register = template.Library()


@register.filter
def points(value):
    if value is None or value == "":
        return "—"
    return fmt(value)


@register.filter
def signed(value):
    """Bonus and penalty points with their sign: +2, −1.5."""
    if value is None or value == "":
        return "—"
    text = fmt(abs(value))
    if value > 0:
        return f"+{text}"
    return f"−{text}" if value < 0 else "0"


@register.filter
def points_of(entry, indicator):
    return entry.points_of(indicator.pk)
