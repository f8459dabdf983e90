"""What the ledger pages and the ledger export show: rows built from a fixed number of
queries whatever the size of the plan, each measure with the status reporting gives it
(reporting/status.py), search and filters, and one unit's responsibility list.

Row building works on prefetched objects only (never ``.filter()`` on a related manager),
so a page costs the same number of queries for 3 measures as for 300."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from taizhang.parsing.normalize import fold
from taizhang.plans.grouping import ADHOC_GROUP, ADHOC_LABEL, group_of
from taizhang.plans.models import Assignment, Measure, MeasureCollective, Plan
from taizhang.reporting import status as reporting_status
from taizhang.reporting.models import (
    ProgressReport,
    approved_deadlines,
    assignment_deadlines,
    deadline_label,
)
from taizhang.reporting.status import STATUS_LABELS, measure_statuses

LEAD = Assignment.Role.LEAD
RESPONSIBLE = Assignment.Role.RESPONSIBLE


@dataclass(frozen=True, slots=True)
class AssignmentInfo:
    """What a row shows of an assignment: its unit, its role, the collective it came
    through (各县(市)), read as plain values."""

    pk: int
    measure_id: int
    unit_id: int
    unit_name: str
    role: str
    via_id: int | None
    via_phrase: str | None


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """What a row shows of a report: its progress text, its period and its state."""

    pk: int
    assignment_id: int
    state: str
    narrative: str
    period_id: int
    period_name: str
    period_ends_on: datetime.date

    def get_state_display(self) -> str:
        return STATE_LABELS[self.state]


STATE_LABELS = dict(ProgressReport.State.choices)


@dataclass
class LedgerRow:
    measure: Measure
    lead: list[str]
    responsible: list[str]
    report: ReportInfo | None  # the lead unit's latest filed report (its progress text)
    status: str  # as reporting.status gives it
    haystack: str = field(repr=False, default="")
    assignments: list[AssignmentInfo] = field(repr=False, default_factory=list)
    # the later 完成时限 the office approved (延期申请), which status_of judges 滞后 by
    extended_to: datetime.date | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def heading(self) -> str:
        """The title sentence the text opens with (银川-style measures), to set in bold."""
        title = self.measure.title
        return title if title and self.measure.text.startswith(title) else ""

    @property
    def body(self) -> str:
        return self.measure.text[len(self.heading) :]

    @property
    def deadline_label(self) -> str:
        """完成时限 as printed, and the later date in force when the office approved one."""
        return deadline_label(self.measure.deadline_label, self.extended_to)


def ledger_queryset(user, plan: Plan, unit_id: int | None = None) -> QuerySet[Measure]:
    """The measures of ``plan`` the person may see, in plan order."""
    measures = Measure.objects.filter(plan=plan, withdrawn=False).for_user(user)
    if unit_id:
        measures = measures.filter(assignments__unit_id=unit_id)
    return measures.select_related("chapter", "section", "source").order_by("position")


def with_row_data(measures: QuerySet[Measure]) -> QuerySet[Measure]:
    """Fetch units and collectives along with ``measures`` (one measure's page)."""
    return (
        measures.select_related("chapter", "section", "source")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("unit", "via").order_by("pk"),
            ),
            Prefetch(
                "collectives",
                queryset=MeasureCollective.objects.select_related("collective").order_by("pk"),
            ),
        )
        .order_by("position")
    )


@dataclass
class RowParts:
    """Everything the rows of some measures show besides the measures themselves, read as
    plain values in four queries (no model instance per assignment or report)."""

    assignments: dict[int, list[AssignmentInfo]]  # measure id -> its assignments
    collectives: dict[int, list[tuple[str, str]]]  # measure id -> (role, phrase)
    latest_sent: dict[int, ReportInfo]  # assignment id -> its latest sent report
    statuses: dict[int, str]  # measure id -> status
    extended: dict[int, datetime.date]  # measure id -> the later 完成时限 approved


def row_parts(measure_ids: list[int], today: datetime.date) -> RowParts:
    assignments: dict[int, list[AssignmentInfo]] = defaultdict(list)
    for row in (
        Assignment.objects.filter(measure_id__in=measure_ids)
        .order_by("pk")
        .values_list("pk", "measure_id", "unit_id", "unit__name", "role", "via_id", "via__phrase")
    ):
        assignments[row[1]].append(AssignmentInfo(*row))
    collectives: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for measure_id, role, phrase in (
        MeasureCollective.objects.filter(measure_id__in=measure_ids)
        .order_by("pk")
        .values_list("measure_id", "role", "collective__phrase")
    ):
        collectives[measure_id].append((role, phrase))
    latest_sent = {
        row[1]: ReportInfo(*row)
        for row in ProgressReport.objects.filed()
        .filter(assignment__measure_id__in=measure_ids)
        .latest_per_assignment()
        .values_list(*REPORT_FIELDS)
    }
    statuses = measure_statuses(Measure.objects.filter(pk__in=measure_ids), today)
    extended, _ = approved_deadlines(measure_ids)
    return RowParts(assignments, collectives, latest_sent, statuses, extended)


# What a row shows of a report, in ReportInfo's order.
REPORT_FIELDS = (
    "pk",
    "assignment_id",
    "state",
    "narrative",
    "period_id",
    "period__name",
    "period__ends_on",
)


def build_row(measure: Measure, parts: RowParts) -> LedgerRow:
    """A measure's row from the parts read for it."""
    assignments = parts.assignments.get(measure.pk, [])
    collectives = parts.collectives.get(measure.pk, [])
    lead, responsible = (
        _named(assignments, collectives, LEAD),
        _named(assignments, collectives, RESPONSIBLE),
    )
    lead_reports = [
        parts.latest_sent[a.pk] for a in assignments if a.role == LEAD and a.pk in parts.latest_sent
    ]
    report = max(lead_reports, key=_report_order, default=None)
    haystack = fold(
        " ".join(
            [str(measure.number), measure.title, measure.text, measure.attribution_raw]
            + [a.unit_name for a in assignments]
            + [phrase for _role, phrase in collectives]
        )
    ).lower()
    return LedgerRow(
        measure,
        lead,
        responsible,
        report,
        parts.statuses[measure.pk],
        haystack,
        assignments,
        parts.extended.get(measure.pk),
    )


def rows_of(measures, today: datetime.date) -> list[LedgerRow]:
    """Rows of ``measures``, with their statuses: a fixed number of queries."""
    measures = list(measures)
    parts = row_parts([m.pk for m in measures], today)
    return [build_row(measure, parts) for measure in measures]


def _named(assignments, collectives, role) -> list[str]:
    """Units named directly, then the collective phrases (各县(市)) as printed: a unit that
    only came through a collective is represented by the phrase."""
    names = [a.unit_name for a in assignments if a.role == role and a.via_id is None]
    return names + [phrase for kind, phrase in collectives if kind == role]


def _report_order(report: ReportInfo):
    return (report.period_ends_on, report.pk)


def ledger_rows(
    user,
    plan: Plan,
    *,
    unit_id: int | None = None,
    status: str = "",
    q: str = "",
    today: datetime.date | None = None,
) -> list[LedgerRow]:
    """Rows of the ledger for ``user``, filtered by unit, status and a search text."""
    today = today or timezone.localdate()
    rows = rows_of(ledger_queryset(user, plan, unit_id), today)
    if status:
        rows = [row for row in rows if row.status == status]
    terms = fold(q).lower().split()
    if terms:
        rows = [row for row in rows if all(term in row.haystack for term in terms)]
    return rows


@dataclass
class Group:
    """A chapter or section heading among the rows of the ledger, or the 督办事项."""

    level: str  # "chapter" | "section" | "adhoc"
    label: str


def grouped(rows: list[LedgerRow]) -> list[Group | LedgerRow]:
    """The rows with a heading wherever the chapter or the section changes; the 督办事项
    last, under a heading of their own that counts them."""
    own: list[LedgerRow] = []
    adhoc: list[LedgerRow] = []
    for row in rows:
        (adhoc if group_of(row.measure) == ADHOC_GROUP else own).append(row)
    items: list[Group | LedgerRow] = []
    chapter = section = None
    for row in own:
        measure = row.measure
        if measure.chapter_id != chapter:
            chapter, section = measure.chapter_id, None
            if measure.chapter is not None:
                items.append(Group("chapter", str(measure.chapter)))
        if measure.section_id != section:
            section = measure.section_id
            if measure.section is not None:
                items.append(Group("section", str(measure.section)))
        items.append(row)
    if adhoc:
        items.append(Group(ADHOC_GROUP, f"{ADHOC_LABEL}（{len(adhoc)}项）"))
        items += adhoc
    return items


def status_counts(user, plans: list[Plan], today: datetime.date | None = None) -> dict:
    """Per plan, how many of the measures the person may see stand at each status (two
    queries): the whole plan for the office and leaders."""
    today = today or timezone.localdate()
    measures = Measure.objects.filter(withdrawn=False).for_user(user).filter(plan__in=plans)
    counts = reporting_status.status_counts(measures, today, by="plan_id")
    return {plan.pk: counts.get(plan.pk, Counter()) for plan in plans}


# -- one unit's responsibility list ------------------------------------------------------


@dataclass
class Responsibility:
    assignment: AssignmentInfo
    row: LedgerRow  # the measure as the ledger shows it
    own_report: ReportInfo | None  # the unit's latest sent report
    # the later 完成时限 approved to this unit (延期申请), else the measure's
    extended_to: datetime.date | None = None

    @property
    def measure(self) -> Measure:
        return self.row.measure

    @property
    def deadline(self) -> datetime.date | None:
        return self.extended_to or self.measure.deadline

    @property
    def deadline_label(self) -> str:
        return deadline_label(self.measure.deadline_label, self.extended_to)


def responsibilities(unit, plan: Plan, today: datetime.date | None = None) -> list[Responsibility]:
    """Everything ``unit`` leads or shares in ``plan``, including what it carries through
    a collective, soonest deadline first (open-ended measures last, in plan order)."""
    today = today or timezone.localdate()
    measures = Measure.objects.filter(plan=plan, withdrawn=False, assignments__unit=unit)
    measures = list(measures.select_related("chapter", "section", "source").order_by("position"))
    parts = row_parts([m.pk for m in measures], today)
    items = []
    for measure in measures:
        row = build_row(measure, parts)
        assignment = next(a for a in row.assignments if a.unit_id == unit.pk)
        items.append(Responsibility(assignment, row, parts.latest_sent.get(assignment.pk)))
    extended = assignment_deadlines(item.assignment for item in items)
    for item in items:
        item.extended_to = extended.get(item.assignment.pk)
    items.sort(key=_deadline_order)
    return items


def _deadline_order(item: Responsibility):
    deadline = item.deadline
    return (deadline is None, deadline or datetime.date.max, item.measure.position)


# -- reports on one measure ---------------------------------------------------------------


def visible_reports(user, measure: Measure) -> list[ProgressReport]:
    """The reports on ``measure`` the person may read (reporting.view_report, as the
    report's declared scope applies it to a list)."""
    return list(
        ProgressReport.objects.for_user(user)
        .filter(assignment__measure=measure)
        .select_related("period", "assignment__unit")
        .order_by("assignment_id", "-period__ends_on")
    )
