"""The compact rows a plan's dashboard is computed from, fetched in a fixed number of
queries whatever the size of the plan: one query per kind of row, aggregates done by the
database where it can (reports are counted per unit and period, never loaded one by one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from taizhang.plans.models import Assignment, Chapter, Measure, Plan, Target
from taizhang.reporting.models import Period, ProgressReport
from taizhang.reporting.status import SENT_STATES
from taizhang.supervision.progress import progress_of_targets
from taizhang.units.models import Region

LEAD = Assignment.Role.LEAD
# A plan's heat map shows at most this many years (a ten-year outline at most).
MAX_YEARS = 10


@dataclass(frozen=True)
class MeasureRow:
    id: int
    chapter_id: int | None
    deadline: date | None
    lead_status: str | None  # the lead unit's latest sent report's status
    any_report: bool  # any unit has sent a report on it


@dataclass(frozen=True)
class AssignmentRow:
    id: int
    measure_id: int
    unit_id: int
    unit_name: str
    region_id: int
    role: str
    deadline: date | None
    own_status: str | None  # the unit's own latest sent report's status


@dataclass(frozen=True)
class FiledCount:
    """How many of one unit's reports for one period were sent, and sent by the due date."""

    unit_id: int
    period_id: int
    filed: int
    on_time: int


@dataclass(frozen=True)
class LeadReport:
    measure_id: int
    period_id: int
    status: str
    pk: int


@dataclass(frozen=True)
class RegionRow:
    id: int
    name: str
    level: str
    parent_id: int | None


@dataclass
class PlanRows:
    plan: Plan
    today: date
    chapters: list[Chapter]
    measures: list[MeasureRow]
    assignments: list[AssignmentRow]
    periods: list[Period]
    filed: list[FiledCount]
    lead_reports: list[LeadReport]
    regions: dict[int, RegionRow]
    targets: list[Target]
    years: list[int]
    progress_by_year: dict[int, dict]  # year -> {target_id: TargetProgress}; past years only
    progress_now: dict  # {target_id: TargetProgress} as of today


def plan_rows(plan: Plan, today: date) -> PlanRows:
    targets = _targets(plan)
    years = plan_years(plan, today)
    progress_by_year, progress_now = _progress(targets, years, today)
    periods = list(plan.periods.order_by("ends_on", "pk"))
    return PlanRows(
        plan=plan,
        today=today,
        chapters=list(plan.chapters.order_by("position")),
        measures=_measures(plan),
        assignments=_assignments(plan),
        periods=periods,
        filed=_filed(plan, periods),
        lead_reports=_lead_reports(plan),
        regions=_regions(plan),
        targets=targets,
        years=years,
        progress_by_year=progress_by_year,
        progress_now=progress_now,
    )


def _sent_reports():
    return ProgressReport.objects.filter(state__in=SENT_STATES).order_by("-period__ends_on", "-pk")


def _measures(plan: Plan) -> list[MeasureRow]:
    sent = _sent_reports().filter(assignment__measure=OuterRef("pk"))
    rows = (
        Measure.objects.filter(plan=plan, withdrawn=False)
        .annotate(
            lead_status=Subquery(sent.filter(assignment__role=LEAD).values("status")[:1]),
            any_report=Exists(sent),
        )
        .order_by("position")
        .values_list("pk", "chapter_id", "deadline", "lead_status", "any_report")
    )
    return [MeasureRow(*row) for row in rows]


def _assignments(plan: Plan) -> list[AssignmentRow]:
    own = _sent_reports().filter(assignment=OuterRef("pk"))
    rows = (
        Assignment.objects.filter(measure__plan=plan, measure__withdrawn=False)
        .annotate(own_status=Subquery(own.values("status")[:1]))
        .order_by("pk")
        .values_list(
            "pk",
            "measure_id",
            "unit_id",
            "unit__name",
            "unit__region_id",
            "role",
            "measure__deadline",
            "own_status",
        )
    )
    return [AssignmentRow(*row) for row in rows]


def _filed(plan: Plan, periods: list[Period]) -> list[FiledCount]:
    sent = Q(state__in=SENT_STATES)
    rows = (
        ProgressReport.objects.filter(period__plan=plan, assignment__measure__withdrawn=False)
        .values("assignment__unit_id", "period_id")
        .annotate(
            filed=Count("pk", filter=sent),
            on_time=Count("pk", filter=sent & _sent_by_due_date(periods)),
        )
        .order_by()
        .values_list("assignment__unit_id", "period_id", "filed", "on_time")
    )
    return [FiledCount(*row) for row in rows]


def _sent_by_due_date(periods: list[Period]) -> Q:
    """Sent before the end of the period's due date, local time. Spelled out per period
    (a handful of terms) rather than as ``submitted_at__date``, which SQLite evaluates by
    calling back into Python for every report."""
    zone = timezone.get_current_timezone()
    terms = Q(pk__in=[])
    for period in periods:
        cutoff = datetime.combine(period.due_on + timedelta(days=1), time.min, tzinfo=zone)
        terms |= Q(period_id=period.pk, submitted_at__lt=cutoff)
    return terms


def _lead_reports(plan: Plan) -> list[LeadReport]:
    rows = ProgressReport.objects.filter(
        period__plan=plan,
        state__in=SENT_STATES,
        assignment__role=LEAD,
        assignment__measure__withdrawn=False,
    ).values_list("assignment__measure_id", "period_id", "status", "pk")
    return [LeadReport(*row) for row in rows]


def _regions(plan: Plan) -> dict[int, RegionRow]:
    rows = Region.objects.filter(organisation_id=plan.organisation_id).values_list(
        "pk", "name", "level", "parent_id"
    )
    return {row[0]: RegionRow(*row) for row in rows}


def _targets(plan: Plan) -> list[Target]:
    """The plan's targets (plan-level first), those of withdrawn measures left out."""
    return list(
        Target.objects.filter(plan=plan)
        .filter(Q(measure__isnull=True) | Q(measure__withdrawn=False))
        .select_related("measure")
        .order_by(F("measure__position").asc(nulls_first=True), "pk")
    )


def plan_years(plan: Plan, today: date) -> list[int]:
    """The years the plan runs (its start to its end year), at most MAX_YEARS."""
    first = plan.start_year or (plan.end_year or today.year)
    last = plan.end_year or max(first, today.year)
    last = min(max(first, last), first + MAX_YEARS - 1)
    return list(range(first, last + 1))


def _progress(targets, years, today):
    """Targets' progress at the end of every year already begun, and as of today: one call
    per year (a fixed number of queries each), never one per target."""
    if not targets:
        return {}, {}
    by_year = {}
    for year in years:
        if date(year, 1, 1) > today:
            continue
        by_year[year] = progress_of_targets(targets, min(date(year, 12, 31), today))
    now = by_year.get(today.year)
    if now is None:  # the plan's years are over (or not begun): ask for today as well
        now = progress_of_targets(targets, today)
    return by_year, now
