"""The compact rows a plan's dashboard is computed from, fetched in a fixed number of
queries whatever the size of the plan. What the reports mean (statuses, completion, on
time) comes from reporting/status.py, as it does for every other page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q

from taizhang.plans.models import Assignment, Chapter, Plan, Target
from taizhang.reporting import status
from taizhang.reporting.models import Period
from taizhang.reporting.status import Completion, PlanProgress, Timeliness
from taizhang.supervision.progress import progress_on_days
from taizhang.units.models import Region

# A plan's heat map shows at most this many years (a ten-year outline at most).
MAX_YEARS = 10


@dataclass(frozen=True)
class AssignmentRow:
    id: int
    measure_id: int
    unit_id: int
    unit_name: str
    region_id: int
    role: str


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
    progress: PlanProgress  # every measure's and every assignment's status (reporting)
    assignments: list[AssignmentRow]
    periods: list[Period]
    timeliness: dict[tuple[int, int], Timeliness]  # (unit, period) -> due periods' reports
    trend: dict[int, tuple[Timeliness, Completion]]  # period begun -> reports, measures done
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
    assignments = Assignment.objects.owing().filter(measure__plan=plan)
    begun = [p for p in periods if p.starts_on <= today]
    reports = status.timeliness(assignments, begun, today)  # the due periods are among them
    due = {p.pk for p in status.due_periods(begun, today)}
    return PlanRows(
        plan=plan,
        today=today,
        chapters=list(plan.chapters.order_by("position")),
        progress=status.progress(plan, today),
        assignments=_assignments(assignments),
        periods=periods,
        timeliness={key: counted for key, counted in reports.items() if key[1] in due},
        trend=_trend(plan, begun, reports),
        regions=_regions(plan),
        targets=targets,
        years=years,
        progress_by_year=progress_by_year,
        progress_now=progress_now,
    )


def _assignments(assignments) -> list[AssignmentRow]:
    rows = assignments.order_by("pk").values_list(
        "pk", "measure_id", "unit_id", "unit__name", "unit__region_id", "role"
    )
    return [AssignmentRow(*row) for row in rows]


def _trend(plan, begun, reports) -> dict[int, tuple[Timeliness, Completion]]:
    """Per period begun: its reports (owed, on time, late: so far for one not yet due) and
    the measures done by its end."""
    by_period = defaultdict(list)
    for (_unit, period), counted in reports.items():
        by_period[period].append(counted)
    done = status.done_by_period(plan, begun)
    return {p.pk: (status.total(by_period[p.pk]), done[p.pk]) for p in begun}


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
    """Targets' progress at the end of every year already begun, and as of today, in a
    fixed number of queries whatever the number of years."""
    if not targets:
        return {}, {}
    ends = {year: min(date(year, 12, 31), today) for year in years if date(year, 1, 1) <= today}
    found = progress_on_days(targets, sorted({*ends.values(), today}))
    # The plan's years over (or not begun): today is asked for as well.
    return {year: found[day] for year, day in ends.items()}, found[today]
