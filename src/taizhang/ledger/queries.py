"""What the ledger pages and the ledger export show: rows built from a fixed number of
queries whatever the size of the plan, each measure with the status reporting gives it
(reporting/status.py), search and filters, and one unit's responsibility list.

Row building works on prefetched objects only (never ``.filter()`` on a related manager),
so a page costs the same number of queries for 3 measures as for 300."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from taizhang.parsing.normalize import fold
from taizhang.plans.models import Assignment, Measure, MeasureCollective, Plan
from taizhang.reporting.models import ProgressReport
from taizhang.reporting.status import STATUS_LABELS, measure_statuses

LEAD = Assignment.Role.LEAD
RESPONSIBLE = Assignment.Role.RESPONSIBLE


@dataclass
class LedgerRow:
    measure: Measure
    lead: list[str]
    responsible: list[str]
    report: ProgressReport | None  # the lead unit's latest filed report (its progress text)
    status: str  # as reporting.status gives it
    haystack: str = field(repr=False, default="")

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
        return self.measure.deadline_label


def ledger_queryset(user, plan: Plan, unit_id: int | None = None) -> QuerySet[Measure]:
    """The measures of ``plan`` the person may see, with everything a row needs."""
    measures = Measure.objects.filter(plan=plan, withdrawn=False).for_user(user)
    if unit_id:
        measures = measures.filter(assignments__unit_id=unit_id)
    return with_row_data(measures)


# What a row shows of a report: its progress text, its period and its state.
REPORT_FIELDS = ("id", "assignment_id", "state", "narrative", "period__name", "period__ends_on")


def with_row_data(measures: QuerySet[Measure]) -> QuerySet[Measure]:
    """Fetch units, collectives and each assignment's latest sent report (``latest_sent``,
    a list of at most one) along with ``measures``."""
    latest_sent = (
        ProgressReport.objects.filed()
        .latest_per_assignment()
        .select_related("period")
        .only(*REPORT_FIELDS)
    )
    return (
        measures.select_related("chapter", "section")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("unit", "via")
                .order_by("pk")
                .prefetch_related(Prefetch("reports", queryset=latest_sent, to_attr="latest_sent")),
            ),
            Prefetch(
                "collectives",
                queryset=MeasureCollective.objects.select_related("collective").order_by("pk"),
            ),
        )
        .order_by("position")
    )


def build_row(measure: Measure, status: str) -> LedgerRow:
    """A row from a measure fetched with_row_data and its status."""
    assignments = list(measure.assignments.all())
    collectives = list(measure.collectives.all())
    lead, responsible = (
        _named(assignments, collectives, LEAD),
        _named(assignments, collectives, RESPONSIBLE),
    )
    lead_reports = [r for a in assignments if a.role == LEAD for r in a.latest_sent]
    report = max(lead_reports, key=_report_order, default=None)
    haystack = fold(
        " ".join(
            [str(measure.number), measure.title, measure.text, measure.attribution_raw]
            + [a.unit.name for a in assignments]
            + [c.collective.phrase for c in collectives]
        )
    ).lower()
    return LedgerRow(measure, lead, responsible, report, status, haystack)


def rows_of(measures, today: datetime.date) -> list[LedgerRow]:
    """Rows of ``measures`` (fetched with_row_data), with their statuses."""
    measures = list(measures)
    statuses = measure_statuses(Measure.objects.filter(pk__in=[m.pk for m in measures]), today)
    return [build_row(measure, statuses[measure.pk]) for measure in measures]


def _named(assignments, collectives, role) -> list[str]:
    """Units named directly, then the collective phrases (各县(市)) as printed: a unit that
    only came through a collective is represented by the phrase."""
    names = [a.unit.name for a in assignments if a.role == role and a.via_id is None]
    return names + [c.collective.phrase for c in collectives if c.role == role]


def _report_order(report: ProgressReport):
    return (report.period.ends_on, report.pk)


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
    """A chapter or section heading among the rows of the ledger."""

    level: str  # "chapter" | "section"
    label: str


def grouped(rows: list[LedgerRow]) -> list[Group | LedgerRow]:
    """The rows with a heading wherever the chapter or the section changes."""
    items: list[Group | LedgerRow] = []
    chapter = section = None
    for row in rows:
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
    return items


def status_counts(user, plans: list[Plan], today: datetime.date | None = None) -> dict:
    """Per plan, how many of the measures the person may see stand at each status (two
    queries): the whole plan for the office and leaders."""
    today = today or timezone.localdate()
    measures = Measure.objects.filter(withdrawn=False).for_user(user).filter(plan__in=plans)
    statuses = measure_statuses(measures, today)
    counts: dict[int, Counter] = {plan.pk: Counter() for plan in plans}
    for pk, plan_id in measures.values_list("pk", "plan_id"):
        counts[plan_id][statuses[pk]] += 1
    return counts


# -- one unit's responsibility list ------------------------------------------------------


@dataclass
class Responsibility:
    assignment: Assignment
    row: LedgerRow  # the measure as the ledger shows it
    own_report: ProgressReport | None  # the unit's latest sent report

    @property
    def measure(self) -> Measure:
        return self.row.measure


def responsibilities(unit, plan: Plan, today: datetime.date | None = None) -> list[Responsibility]:
    """Everything ``unit`` leads or shares in ``plan``, including what it carries through
    a collective, soonest deadline first (open-ended measures last, in plan order)."""
    today = today or timezone.localdate()
    measures = with_row_data(
        Measure.objects.filter(plan=plan, withdrawn=False, assignments__unit=unit)
    )
    items = []
    for row in rows_of(measures, today):
        measure = row.measure
        assignment = next(a for a in measure.assignments.all() if a.unit_id == unit.pk)
        own = next(iter(assignment.latest_sent), None)
        items.append(Responsibility(assignment, row, own))
    items.sort(key=_deadline_order)
    return items


def _deadline_order(item: Responsibility):
    measure = item.measure
    return (measure.deadline is None, measure.deadline or datetime.date.max, measure.position)


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
