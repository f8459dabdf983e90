"""Progress reports of the periods already due, filed and reviewed through
reporting.services on the days the story gives them: most on time, some late, a few not
yet (more of them for the units behind); some accepted, a few returned and left so, a few
returned and filed again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from django.utils import timezone

from taizhang.demo import clock, tally
from taizhang.demo.chance import among, draw, pick
from taizhang.plans.models import Assignment
from taizhang.reporting import bulk, services
from taizhang.workdays import is_working_day


@dataclass
class Cast:
    """Who does what: the office, and the demo people who act for their units."""

    office: object
    by_unit: dict  # unit id -> the person filing for it (liaison, reviewer, county office)
    reviewers: dict  # unit id -> the person reviewing for it (a reviewer of that unit)

    def filer(self, unit_id: int):
        return self.by_unit.get(unit_id, self.office)

    def reviewer(self, lead_unit_id: int | None, is_lead: bool):
        if is_lead or lead_unit_id is None:
            return self.office
        return self.reviewers.get(lead_unit_id, self.office)


def file_due_periods(plan, periods, spec: dict, behind: list[dict], cast: Cast) -> int:
    """File the reports of every period whose due date has passed; returns how many.

    The first filings and the acceptances go through reporting.bulk (many at a time, each
    stamped on its day); the few returns, and the reports filed again after them, through
    reporting.services one by one, as a unit would (the unit is told of each return)."""
    today = clock.today()
    assignments = list(
        Assignment.objects.filter(measure__plan=plan, measure__withdrawn=False)
        .select_related("unit", "measure")
        .order_by("measure__position", "role", "unit__name")
    )
    leads = {a.measure_id: a.unit_id for a in assignments if a.role == Assignment.Role.LEAD}
    lagging_units = {b["unit"]: b for b in behind}
    filings = []
    for period in periods:
        if period.due_on >= today:
            continue
        for assignment in assignments:
            when = _filing_day(assignment, period, spec, lagging_units.get(assignment.unit.name))
            if when is None or when >= today:
                continue
            filings.append(_filing(assignment, period, spec, cast, when))
    tally.add("filed", len(filings))
    reports = bulk.file_new_reports(filings)
    acceptances = []
    for report, filing in zip(reports, filings, strict=True):
        accepted = _review(report, filing, spec, cast, leads, today)
        if accepted is not None:
            acceptances.append(accepted)
    tally.add("accepted", len(acceptances))
    bulk.review_reports(acceptances)
    return len(reports)


def _filing_day(assignment, period, spec, behind: dict | None) -> date | None:
    """The day the unit filed, or None when it has not."""
    key = (assignment.unit.name, assignment.measure.number, assignment.role, period.name)
    concerned = behind and behind.get("role", assignment.role) == assignment.role
    if concerned and draw("behind", *key) >= behind["filed"]:
        return None
    outcome = among(
        {
            "on_time": spec["on_time"],
            "late": spec["late"],
            "missing": 1 - spec["on_time"] - spec["late"],
        },
        "filing",
        *key,
    )
    if outcome == "missing":
        return None
    if outcome == "on_time":
        days = _working_days(period.ends_on + timedelta(days=1), period.due_on)
        return days[int(draw("day", *key) * len(days))] if days else period.due_on
    start = period.due_on + timedelta(days=1)
    days = _working_days(start, start + timedelta(days=30))
    return days[int(draw("day", *key) * len(days))]


@cache
def _working_days(first: date, last: date) -> tuple[date, ...]:
    span = (last - first).days + 1
    return tuple(d for d in (first + timedelta(days=i) for i in range(span)) if is_working_day(d))


def _after(day: date, working_days: int) -> date:
    while working_days > 0:
        day += timedelta(days=1)
        working_days -= is_working_day(day)
    return day


def _filing(assignment, period, spec, cast: Cast, day: date) -> bulk.Filing:
    key = (assignment.unit.name, assignment.measure.number, period.name)
    status = among(spec["status"], "status", *key)
    data = {"status": status, "narrative": pick(spec["narratives"][status], "text", *key)}
    at = clock.moment(day, 9 + int(draw("hour", *key) * 8), int(draw("min", *key) * 60))
    return bulk.Filing(assignment, period, cast.filer(assignment.unit_id), data, at)


# The reviewers the spec leaves "waiting" are slow ones, not absent ones: they accept
# within this many working days, so only reports filed in the last weeks still wait (an
# office's real backlog), not a whole quarter forever.
SLOW_REVIEW_WORKING_DAYS = 40


def _review(report, filing, spec, cast: Cast, leads, today) -> bulk.Decision | None:
    """Accept, return, or return and have it filed again and accepted; a report reviewed
    slowly still waits if its review day has not come. Returns the acceptance to record,
    if any (the returns and the filings again are recorded here)."""
    assignment, period = filing.assignment, filing.period
    filed_on = timezone.localdate(filing.at)
    key = (assignment.unit.name, assignment.measure.number, period.name)
    shares = {name: spec[name] for name in ("accepted", "returned", "resubmitted")}
    shares["waiting"] = 1 - sum(shares.values())
    outcome = among(shares, "review", *key)
    slow = outcome == "waiting"
    if slow:
        outcome = "accepted"
    is_lead = assignment.role == Assignment.Role.LEAD
    reviewer = cast.reviewer(leads.get(assignment.measure_id), is_lead)
    wait = SLOW_REVIEW_WORKING_DAYS if slow else 5
    day = _after(filed_on, 1 + int(draw("wait", *key) * wait))
    if day >= today:
        return None
    if outcome == "accepted":
        return bulk.Decision(report, reviewer, "accept", "", clock.moment(day, 15))
    comment = pick(spec["return_comments"], "comment", *key)
    with clock.on(clock.moment(day, 16)):
        report = services.review(report, reviewer, "return", comment, report.version)
    tally.add("returned")
    if outcome == "returned":
        return None
    again = _after(day, 2)
    back = _after(again, 2)
    if back >= today:
        return None
    data = {"narrative": report.narrative + "已按审核意见补充具体举措和数据，相关佐证材料已上传。"}
    with clock.on(clock.moment(again, 10)):
        report = services.file_report(
            assignment,
            period,
            cast.filer(assignment.unit_id),
            data,
            report.version,
            submit_after=True,
        )
    tally.add("refiled")
    return bulk.Decision(report, reviewer, "accept", "", clock.moment(back, 15))
