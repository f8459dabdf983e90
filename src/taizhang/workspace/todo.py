"""What each person has to do, gathered in a fixed number of queries whatever the size
of the plan: reports due, reports returned, reports waiting for review, and for the
office and leaders the state of each open period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, OuterRef, Subquery

from taizhang.plans.models import Assignment, Plan
from taizhang.reporting import status
from taizhang.reporting.models import Period, ProgressReport, Review
from taizhang.reporting.status import MISSING_RULE, ON_TIME_RULE, Timeliness
from taizhang.units.models import Unit

# A period stays on the to-do list for a quarter after its due date; later than that,
# chasing what is missing is supervision's job, not the day's to-do list.
OPEN_GRACE_DAYS = 90
REPORT_RELATED = ("assignment__unit", "assignment__measure", "period")
MAX_LISTED = 200


@dataclass
class DueItem:
    assignment: Assignment
    period: Period
    report: ProgressReport | None
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return -self.days_left


@dataclass
class PeriodSummary:
    period: Period
    reports: Timeliness  # owed, filed on time and late (reporting/status.py)
    accepted: int = 0

    @property
    def expected(self) -> int:
        return self.reports.expected

    @property
    def filed(self) -> int:
        return self.reports.filed

    @property
    def missing(self) -> int:
        return self.reports.missing

    def overdue(self, today: date) -> int:
        return self.missing if self.period.due_on < today else 0

    def percent_filed(self) -> int:
        return round(100 * self.filed / self.expected) if self.expected else 0


@dataclass
class Todo:
    today: date
    due: list[DueItem] = field(default_factory=list)
    due_total: int = 0
    returned: list[ProgressReport] = field(default_factory=list)
    to_review: list[ProgressReport] = field(default_factory=list)
    office_review: list[ProgressReport] = field(default_factory=list)
    summaries: list[PeriodSummary] = field(default_factory=list)
    rules: tuple[str, ...] = (ON_TIME_RULE, MISSING_RULE)  # 口径 under the summaries

    @property
    def overdue_count(self) -> int:
        return sum(1 for item in self.due if item.overdue)

    @property
    def overdue_total(self) -> int:
        return sum(summary.overdue(self.today) for summary in self.summaries)


def open_periods(user, today: date):
    """Periods that have begun and are not long past their due date."""
    return (
        Period.objects.filter(
            plan__in=Plan.objects.for_user(user),
            starts_on__lte=today,
            due_on__gte=today - timedelta(days=OPEN_GRACE_DAYS),
        )
        .select_related("plan")
        .order_by("due_on", "id")
    )


def todo_for(user, today: date) -> Todo:
    """The work the rules give the person (reporting.file_reports, review_as_lead_unit,
    review_as_office, follow_periods), each in a fixed number of queries."""
    todo = Todo(today=today)
    if user.has_perm("reporting.file_reports"):
        _fill_unit_work(todo, user, today)
    if user.has_perm("reporting.review_as_lead_unit") and user.unit_id:
        todo.to_review = list(_waiting_for_lead(user))
    if user.has_perm("reporting.review_as_office"):
        todo.office_review = list(
            ProgressReport.objects.filter(
                state=ProgressReport.State.SUBMITTED,
                assignment__role=Assignment.Role.LEAD,
                period__plan__in=Plan.objects.run_by(user),
            )
            .select_related(*REPORT_RELATED)
            .order_by("submitted_at")[:MAX_LISTED]
        )
    if user.has_perm("reporting.follow_periods"):
        todo.summaries = _summaries(user, today)
    return todo


def _fill_unit_work(todo: Todo, user, today: date) -> None:
    units = Unit.objects.filed_by(user)
    periods = list(open_periods(user, today))
    if periods:
        plan_ids = {period.plan_id for period in periods}
        assignments = list(
            Assignment.objects.filter(
                unit__in=units, measure__plan_id__in=plan_ids, measure__withdrawn=False
            )
            .select_related("unit", "measure")
            .order_by("measure__position", "unit__name")
        )
        reports = {
            (r.assignment_id, r.period_id): r
            for r in ProgressReport.objects.filter(
                assignment__unit__in=units, period__in=periods
            ).only("id", "assignment_id", "period_id", "state", "status", "version")
        }
        due = []
        for period in periods:
            for assignment in assignments:
                if assignment.measure.plan_id != period.plan_id:
                    continue
                report = reports.get((assignment.pk, period.pk))
                if report is None or report.state == ProgressReport.State.DRAFT:
                    due.append(DueItem(assignment, period, report, (period.due_on - today).days))
        todo.due_total = len(due)
        todo.due = due[:MAX_LISTED]
    latest_return = Review.objects.filter(
        report=OuterRef("pk"), decision=Review.Decision.RETURN
    ).order_by("-at", "-id")
    todo.returned = list(
        ProgressReport.objects.filter(
            assignment__unit__in=units, state=ProgressReport.State.RETURNED
        )
        .select_related(*REPORT_RELATED)
        .annotate(
            return_comment=Subquery(latest_return.values("comment")[:1]),
            returned_at=Subquery(latest_return.values("at")[:1]),
        )
        .order_by("period__due_on", "assignment__measure__position")[:MAX_LISTED]
    )


def _waiting_for_lead(user):
    """Responsible units' submitted reports on measures the reviewer's unit leads."""
    return (
        ProgressReport.objects.filter(
            state=ProgressReport.State.SUBMITTED,
            assignment__role=Assignment.Role.RESPONSIBLE,
            assignment__measure__assignments__unit_id=user.unit_id,
            assignment__measure__assignments__role=Assignment.Role.LEAD,
            period__plan__organisation_id=user.organisation_id,
        )
        .select_related(*REPORT_RELATED)
        .order_by("submitted_at")[:MAX_LISTED]
    )


def _summaries(user, today: date) -> list[PeriodSummary]:
    """Per open period: reports owed, filed (on time or late, by reporting's rule) and
    accepted so far."""
    periods = list(open_periods(user, today))
    if not periods:
        return []
    assignments = Assignment.objects.filter(
        measure__plan_id__in={p.plan_id for p in periods}, measure__withdrawn=False
    )
    reported = status.timeliness(assignments, periods)
    accepted = dict(
        ProgressReport.objects.accepted()
        .filter(period__in=periods, assignment__in=assignments)
        .values("period_id")
        .annotate(n=Count("id"))
        .values_list("period_id", "n")
    )
    summaries = []
    for period in periods:
        counted = status.total(t for (_, pk), t in reported.items() if pk == period.pk)
        summaries.append(PeriodSummary(period, counted, accepted.get(period.pk, 0)))
    return summaries
