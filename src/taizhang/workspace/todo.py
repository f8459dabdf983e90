"""What each person has to do, gathered in a fixed number of queries whatever the size
of the plan: reports due, reports returned, reports waiting for review, and for the
office and leaders the state of each open period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, OuterRef, Subquery

from taizhang.notices.models import UrgeNotice
from taizhang.plans.assignments import Unreached, unreached_collectives
from taizhang.plans.models import Assignment, Exemption, Plan, PlanImport
from taizhang.reporting import reviewers, status
from taizhang.reporting.models import (
    Closure,
    Extension,
    Period,
    ProgressReport,
    Review,
    approved_report_dues,
    report_due,
)
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
    due_on: date  # the period's due date, or the later one an approved extension gave
    return_comment: str | None = None  # a returned report's (退回) latest return comment

    @classmethod
    def of(cls, assignment, period, report, due_on: date, today: date, **more) -> DueItem:
        return cls(assignment, period, report, (due_on - today).days, due_on, **more)

    @property
    def returned(self) -> bool:
        return self.report is not None and self.report.state == ProgressReport.State.RETURNED

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
    due: list[DueItem] = field(default_factory=list)  # everything the filters keep
    due_total: int = 0  # everything owed
    due_matching: int = 0  # of it, what the filters keep
    overdue_count: int = 0  # of everything owed, what is past its due date
    plans: list = field(default_factory=list)  # the plans something is owed on
    returned: list[ProgressReport] = field(default_factory=list)
    to_review: list[ProgressReport] = field(default_factory=list)
    to_review_total: int = 0
    office_review: list[ProgressReport] = field(default_factory=list)
    office_review_total: int = 0
    imports: list[PlanImport] = field(default_factory=list)  # uploaded, not yet confirmed
    # plans the person runs with no reporting period yet (a county plan just made or
    # imported): nobody is asked for anything until they are set
    without_periods: list[Plan] = field(default_factory=list)
    # collectives the person's plans name that mean nobody yet: their measures reach no
    # unit's to-do until the office sets the members (plans.assignments)
    unreached: Unreached | None = None
    summaries: list[PeriodSummary] = field(default_factory=list)
    notices: list[UrgeNotice] = field(default_factory=list)  # to sign or answer
    notices_to_settle: list[UrgeNotice] = field(default_factory=list)  # answered: the office
    closures_to_settle: list[Closure] = field(default_factory=list)  # 办结申请: the office
    exemptions: list[Exemption] = field(default_factory=list)  # 不涉及 for the office
    extensions: list[Extension] = field(default_factory=list)  # 延期申请 for the office
    rules: tuple[str, ...] = (ON_TIME_RULE, MISSING_RULE)  # 口径 under the summaries

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


def todo_for(user, today: date, narrow=None) -> Todo:
    """The work the rules give the person (reporting.file_reports, review_as_lead_unit,
    review_as_office, follow_periods), each in a fixed number of queries. ``narrow``
    (a list of due items -> the ones to list, in order) filters the reports due."""
    todo = Todo(today=today)
    if user.has_perm("reporting.file_reports"):
        _fill_unit_work(todo, user, today, narrow)
    if user.has_perm("reporting.review_as_lead_unit") and user.unit_id:
        waiting = reviewers.waiting_for_unit(user.unit_id).filter(
            period__plan__organisation_id=user.organisation_id
        )
        todo.to_review_total = waiting.count()
        todo.to_review = _listed(waiting)
    if user.has_perm("reporting.review_as_office"):
        waiting = reviewers.waiting_for_office(user.organisation_id).filter(
            period__plan__in=Plan.objects.run_by(user)
        )
        todo.office_review_total = waiting.count()
        todo.office_review = _listed(waiting)
    if user.has_perm("reporting.decide_extensions"):
        todo.extensions = list(
            Extension.objects.filter(
                state=Extension.State.PENDING,
                assignment__measure__plan__organisation_id=user.organisation_id,
            )
            .select_related("assignment__unit", "assignment__measure", "period", "requested_by")
            .order_by("requested_at", "pk")[:MAX_LISTED]
        )
    if user.has_perm("plans.decide_exemptions"):
        todo.exemptions = list(
            Exemption.objects.filter(
                state=Exemption.State.PENDING,
                assignment__measure__plan__organisation_id=user.organisation_id,
            )
            .select_related("assignment__unit", "assignment__measure", "assignment__via")
            .select_related("requested_by")[:MAX_LISTED]
        )
    if user.has_perm("reporting.follow_periods"):
        todo.summaries = _summaries(user, today)
    if user.has_perm("plans.import_plan") and user.organisation_id:
        todo.imports = _imports_waiting(user)
        todo.without_periods = list(
            Plan.objects.run_by(user)
            .filter(periods__isnull=True)
            .order_by("-created_at")[:MAX_LISTED]
        )
        todo.unreached = unreached_collectives(Plan.objects.run_by(user))
    _fill_notices(todo, user)
    return todo


def _fill_notices(todo: Todo, user) -> None:
    """Urging notices the person's units must sign for or answer (a notice sent back
    included); for the office, the answers waiting to be closed or sent back and the
    measures' 办结申请 waiting for 销号."""
    notices = UrgeNotice.objects.select_related("unit").order_by("issued_on", "pk")
    if user.has_perm("reporting.file_reports"):
        todo.notices = list(
            notices.filter(unit__in=Unit.objects.filed_by(user), state__in=UrgeNotice.UNIT_OWES)[
                :MAX_LISTED
            ]
        )
    if user.organisation_id and user.has_perm("reporting.settle_closure", user.organisation):
        todo.closures_to_settle = list(
            Closure.objects.filter(
                measure__plan__organisation_id=user.organisation_id,
                state=Closure.State.APPLIED,
            )
            .select_related("measure", "unit")
            .order_by("applied_at")[:MAX_LISTED]
        )
    # Who closes an answer (办结 or 退回) is the settling rule's to say, not who issues: a
    # county office urges on its own plan but the office settles every answer, so the
    # county's to-do listed answers it could neither open nor settle.
    if user.organisation_id and user.has_perm("notices.settle_notice", user.organisation):
        todo.notices_to_settle = list(
            notices.filter(organisation_id=user.organisation_id, state=UrgeNotice.State.ANSWERED)[
                :MAX_LISTED
            ]
        )


def _imports_waiting(user) -> list[PlanImport]:
    """The office's uploads still to be checked and confirmed (or abandoned)."""
    return list(
        PlanImport.objects.filter(organisation_id=user.organisation_id)
        .defer("document", "source_text", "offered", "unit_choices")
        .select_related("uploaded_by", "revises")
        .order_by("created_at")[:MAX_LISTED]
    )


def owed_items(user, today: date) -> list[DueItem]:
    """Every report the person's units owe in the open periods and have not sent (none
    written yet, or a draft): the to-do's 待填报 list before any filter, and with the
    returned reports what a filing workbook (批量填报) may fill (``fillable_items``)."""
    units = Unit.objects.filed_by(user)
    periods = list(open_periods(user, today))
    if not periods:
        return []
    plan_ids = {period.plan_id for period in periods}
    asked = status.still_asked(
        Assignment.objects.owing().filter(unit__in=units, measure__plan_id__in=plan_ids),
        "measure__",
    )
    assignments = list(
        asked.select_related("unit", "measure").order_by("measure__position", "unit__name")
    )
    reports = {
        (r.assignment_id, r.period_id): r
        for r in ProgressReport.objects.filter(assignment__unit__in=units, period__in=periods).only(
            "id", "assignment_id", "period_id", "state", "status", "version", "updated_at"
        )
    }
    extended = approved_report_dues(periods, Assignment.objects.filter(unit__in=units))
    since = status.asked_from({a.measure_id for a in assignments})
    due = []
    for period in periods:
        for assignment in assignments:
            if assignment.measure.plan_id != period.plan_id:
                continue
            if not status.owes_report(None, period, since.get(assignment.measure_id)):
                continue
            report = reports.get((assignment.pk, period.pk))
            if report is None or report.state == ProgressReport.State.DRAFT:
                due_on = report_due(period, assignment.pk, extended)
                due.append(DueItem.of(assignment, period, report, due_on, today))
    return due


def _fill_unit_work(todo: Todo, user, today: date, narrow=None) -> None:
    units = Unit.objects.filed_by(user)
    due = owed_items(user, today)
    if due:
        todo.due_total = len(due)
        todo.overdue_count = sum(1 for item in due if item.overdue)
        todo.plans = sorted({item.period.plan for item in due}, key=lambda plan: plan.pk)
        if narrow is not None:
            due = narrow(due)
        todo.due_matching = len(due)
        todo.due = due  # all of them: the page shows them a page at a time
    todo.returned = list(_returned_reports(units)[:MAX_LISTED])


def _returned_reports(units):
    """The reports of ``units`` a reviewer sent back (退回), each with the latest return's
    comment and time, the oldest period first."""
    latest_return = Review.objects.filter(
        report=OuterRef("pk"), decision=Review.Decision.RETURN
    ).order_by("-at", "-id")
    return (
        ProgressReport.objects.filter(
            assignment__unit__in=units, state=ProgressReport.State.RETURNED
        )
        .select_related(*REPORT_RELATED)
        .annotate(
            return_comment=Subquery(latest_return.values("comment")[:1]),
            returned_at=Subquery(latest_return.values("at")[:1]),
        )
        .order_by("period__due_on", "assignment__measure__position")
    )


def fillable_items(user, today: date) -> list[DueItem]:
    """What a filing workbook (批量填报) may fill: every report owed (``owed_items``) and
    every report returned to the person's units (退回), each returned one with the
    reviewer's latest comment. A returned report is resubmitted through the same write
    path as the report form (services.file_report)."""
    items = owed_items(user, today)
    returned = list(_returned_reports(Unit.objects.filed_by(user)))
    if returned:
        extended = approved_report_dues(
            {report.period for report in returned},
            Assignment.objects.filter(pk__in={report.assignment_id for report in returned}),
        )
        for report in returned:
            due_on = report_due(report.period, report.assignment_id, extended)
            items.append(
                DueItem.of(
                    report.assignment,
                    report.period,
                    report,
                    due_on,
                    today,
                    return_comment=report.return_comment or "",
                )
            )
    return items


def _listed(reports) -> list[ProgressReport]:
    """The oldest waiting first, as a reviewer works through them."""
    return list(reports.select_related(*REPORT_RELATED).order_by("submitted_at", "pk")[:MAX_LISTED])


def _summaries(user, today: date) -> list[PeriodSummary]:
    """Per open period: reports owed, filed (on time or late, by reporting's rule) and
    accepted so far."""
    periods = list(open_periods(user, today))
    if not periods:
        return []
    assignments = Assignment.objects.owing().filter(
        measure__plan_id__in={p.plan_id for p in periods}
    )
    reported = status.timeliness(assignments, periods, today)
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
