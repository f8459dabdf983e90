"""Progress reports of the periods already due, filed and reviewed through
reporting.bulk on the days the story gives them: most on time, some late, a few not
yet (more of them for the units behind); some accepted, a few returned and left so, a few
returned and filed again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from django.utils import timezone

from taizhang.demo import clock, tally
from taizhang.demo.chance import among, draw, pick
from taizhang.plans.models import Assignment
from taizhang.reporting import bulk
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

    Everything goes through reporting.bulk (many at a time, each stamped on its day): the
    first filings, the returns (the unit told of each on its day), the reports filed again
    after a return, and the acceptances."""
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
    reviews = [
        _review(report, filing, spec, cast, leads, today)
        for report, filing in zip(reports, filings, strict=True)
    ]
    reviews = [review for review in reviews if review is not None]
    _return(reviews)
    _file_again(reviews, cast)
    acceptances = [
        bulk.Decision(review.report, review.reviewer, "accept", "", review.accepted_at)
        for review in reviews
        if review.accepted_at is not None
    ]
    tally.add("accepted", len(acceptances))
    bulk.review_reports(acceptances)
    return len(reports)


def _return(reviews: list[Outcome]) -> None:
    """The returns, each on its day at 16:00 (the unit's message about it too)."""
    returned = [review for review in reviews if review.returned_on is not None]
    decisions = [
        bulk.Decision(r.report, r.reviewer, "return", r.comment, clock.moment(r.returned_on, 16))
        for r in returned
    ]
    for review, report in zip(returned, bulk.review_reports(decisions), strict=True):
        review.report = report
    tally.add("returned", len(returned))


def _file_again(reviews: list[Outcome], cast: Cast) -> None:
    """The returned reports filed again, with what the reviewer asked for added."""
    again = [review for review in reviews if review.filed_again_at is not None]
    refilings = [
        bulk.Refiling(
            review.report,
            cast.filer(review.report.assignment.unit_id),
            {"narrative": review.report.narrative + AMENDED},
            review.filed_again_at,
        )
        for review in again
    ]
    for review, report in zip(again, bulk.file_again(refilings), strict=True):
        review.report = report
    tally.add("refiled", len(refilings))


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


AMENDED = "已按审核意见补充具体举措和数据，相关佐证材料已上传。"


@dataclass
class Outcome:
    """What becomes of one filed report: returned on a day (and filed again at a time),
    accepted at a time, or neither yet."""

    report: object
    reviewer: object
    returned_on: date | None = None
    comment: str = ""
    filed_again_at: datetime | None = None
    accepted_at: datetime | None = None


def _review(report, filing, spec, cast: Cast, leads, today) -> Outcome | None:
    """Accept, return, or return and have it filed again and accepted; a report reviewed
    slowly still waits if its review day has not come (None: nothing happens to it)."""
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
        return Outcome(report, reviewer, accepted_at=clock.moment(day, 15))
    comment = pick(spec["return_comments"], "comment", *key)
    review = Outcome(report, reviewer, returned_on=day, comment=comment)
    if outcome == "returned":
        return review
    again = _after(day, 2)
    back = _after(again, 2)
    if back < today:
        review.filed_again_at = clock.moment(again, 10)
        review.accepted_at = clock.moment(back, 15)
    return review
