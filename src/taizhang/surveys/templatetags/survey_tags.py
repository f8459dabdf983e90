"""Showing rates: "92.3%", the Wilson interval, and the geometry of a small rate bar."""

from django import template
from django.utils.html import format_html

from taizhang.surveys.statistics import percent

register = template.Library()


@register.filter
def pct(fraction):
    return percent(fraction)


@register.filter
def interval(proportion):
    """ "85.1%—96.2%" for a Proportion with answers, else "—"."""
    if proportion is None or not proportion.n:
        return "—"
    return f"{percent(proportion.low)}—{percent(proportion.high)}"


@register.simple_tag
def rate_bar(proportion, target=None):
    """A bar of the rate with its interval as a whisker and the target as a tick (CSS only,
    so it prints and needs no script)."""
    if proportion is None or not proportion.n:
        return ""
    low, high = 100 * proportion.low, 100 * proportion.high
    goal = ""
    if target is not None:
        goal = format_html('<span class="goal" style="left:{}%"></span>', f"{min(target, 100):.2f}")
    return format_html(
        '<span class="rate-bar" aria-hidden="true"><span class="fill" style="width:{}%"></span>'
        '<span class="ci" style="left:{}%;width:{}%"></span>{}</span>',
        f"{proportion.percent:.2f}",
        f"{low:.2f}",
        f"{high - low:.2f}",
        goal,
    )
