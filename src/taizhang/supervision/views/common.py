"""Bits the supervision pages share."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from taizhang.plans.models import Measure, Plan, RecurringDuty, Target
from taizhang.supervision.models import DutyFulfilment
from taizhang.supervision.progress import Status

# What the supervision pages load (accounts.access.load: 404 outside the organisation).
PLANS = Plan.objects.select_related("organisation", "region")
TARGETS = Target.objects.select_related("plan__region", "measure__chapter")
DUTIES = RecurringDuty.objects.select_related("measure__plan", "measure__chapter")
MEASURES = Measure.objects.select_related("plan", "chapter")
FULFILMENTS = DutyFulfilment.objects.select_related("duty__measure__plan", "unit")

# Badge classes of site.css for each target status (the stylesheet has no target
# statuses of its own yet; at_risk gets the warning colour inline).
BADGES = {
    Status.MET: "done",
    Status.ON_TRACK: "in_progress",
    Status.AT_RISK: "at_risk",
    Status.OFF_TRACK: "lagging",
    Status.NO_DATA: "not_started",
}


def url_or_none(name: str, query: str = "", **kwargs) -> str | None:
    try:
        return reverse(name, kwargs=kwargs) + query
    except NoReverseMatch:
        return None


def year_choice(request, default: int, first: int, last: int) -> int:
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        return default
    return year if first <= year <= last else default
