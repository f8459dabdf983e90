"""The figures of a plan's dashboard, computed in Python from the compact rows of rows.py:
key figures, completion by chapter, by unit and by county, the targets' heat map and the
trend across periods. Pure arithmetic, no queries, so the page's cost does not depend on
how the numbers come out.

Every definition is reporting's (reporting/status.py), as on every other page: a measure's
status and the completion rates (plan, chapter, unit, county), reports on time and missing
(逾期未报); each table says its rule (口径) under it."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from taizhang.plans.grouping import in_order
from taizhang.reporting.models import Period, ProgressReport
from taizhang.reporting.status import Completion
from taizhang.supervision.progress import Status as TargetStatus

from .rows import PlanRows

Status = ProgressReport.Status
STATUS_ORDER = [value for value, _ in Status.choices]
# Target statuses from the worst to the best, then "no data".
TARGET_ORDER = [
    TargetStatus.OFF_TRACK,
    TargetStatus.AT_RISK,
    TargetStatus.ON_TRACK,
    TargetStatus.MET,
    TargetStatus.NO_DATA,
]


def rate(part: int, whole: int) -> float:
    """A percentage with one decimal; 0 when there is nothing to count (as Completion)."""
    return Completion(part, whole).rate


@dataclass
class KeyFigures:
    measures: int
    statuses: Counter
    late_reports: int
    targets: int
    targets_off_track: int | None  # None: no target has any progress data yet

    @property
    def done(self) -> int:
        return self.statuses[Status.DONE]

    @property
    def completion_rate(self) -> float:
        return rate(self.done, self.measures)


@dataclass
class ChapterFigure:
    label: str
    statuses: Counter

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    @property
    def completion_rate(self) -> float:
        return rate(self.statuses[Status.DONE], self.total)


@dataclass
class UnitFigure:
    unit_id: int
    name: str
    area: str  # its county, or its own region for units above county level
    assignments: int = 0
    leads: int = 0
    done: int = 0
    lagging: int = 0
    late: int = 0

    @property
    def completion_rate(self) -> float:
        return rate(self.done, self.assignments)


@dataclass
class CountyFigure:
    region_id: int
    name: str
    units: int = 0
    assignments: int = 0
    done: int = 0
    lagging: int = 0
    late: int = 0

    @property
    def completion_rate(self) -> float:
        return rate(self.done, self.assignments)


@dataclass
class TargetRow:
    target_id: int
    measure_number: int | None
    quote: str
    goal: str  # "≥95%"
    by_year: dict[int, str | None]  # year -> status (None: the year has not begun)
    now: object | None  # TargetProgress as of today, or None

    @property
    def label(self) -> str:
        owner = f"任务{self.measure_number}" if self.measure_number else "总体目标"
        return f"{owner}·{self.quote}"

    @property
    def status_now(self) -> str:
        return self.now.status if self.now else TargetStatus.NO_DATA


@dataclass
class Heatmap:
    years: list[int]
    rows: list[TargetRow]
    has_data: bool
    # The plan's last year is over: the chart adds a column for the targets' state today.
    shows_today: bool = False


@dataclass
class PeriodFigure:
    period: Period
    expected: int
    filed: int
    on_time: int
    measures: int
    measures_done: int
    # Its due date has not passed: reports are still coming in, so its shares so far are
    # not a rate (an open quarter would plot as a collapse to nearly 0 %).
    open: bool = False

    @property
    def on_time_rate(self) -> float:
        return rate(self.on_time, self.expected)

    @property
    def done_rate(self) -> float:
        return rate(self.measures_done, self.measures)


@dataclass
class Figures:
    today: date
    key: KeyFigures
    chapters: list[ChapterFigure]
    units: list[UnitFigure]  # best first
    counties: list[CountyFigure]  # best first
    heatmap: Heatmap
    trend: list[PeriodFigure] = field(default_factory=list)


def compute(rows: PlanRows) -> Figures:
    today = rows.today
    progress = rows.progress
    missing = Counter()
    for (unit, _period), counted in rows.timeliness.items():
        missing[unit] += counted.missing
    units = _units(rows, missing)
    heatmap = _heatmap(rows)
    key = KeyFigures(
        measures=len(progress.measures),
        statuses=progress.statuses(),
        late_reports=sum(missing.values()),
        targets=len(rows.targets),
        targets_off_track=(
            sum(1 for row in heatmap.rows if row.status_now == TargetStatus.OFF_TRACK)
            if rows.progress_now
            else None
        ),
    )
    return Figures(
        today=today,
        key=key,
        chapters=_chapters(rows),
        units=units,
        counties=_counties(rows, units),
        heatmap=heatmap,
        trend=_trend(rows),
    )


def _chapters(rows: PlanRows) -> list[ChapterFigure]:
    """Per chapter in the plan's order, then the office's 督办事项 and the measures under no
    chapter: the groups of plans.grouping, as the ledger shows them."""
    progress = rows.progress
    by_group: dict[int | str | None, Counter] = defaultdict(Counter)
    for measure_id, status in progress.measures.items():
        by_group[progress.group_of(measure_id)][status] += 1
    return [ChapterFigure(g.label, by_group[g.key]) for g in in_order(rows.chapters, by_group)]


def _units(rows: PlanRows, missing: Counter) -> list[UnitFigure]:
    own = rows.progress.assignments
    counties = rows.progress.county_of_unit
    figures: dict[int, UnitFigure] = {}
    for a in rows.assignments:
        unit = figures.get(a.unit_id)
        if unit is None:
            area = rows.regions.get(counties.get(a.unit_id) or a.region_id)
            unit = figures[a.unit_id] = UnitFigure(
                a.unit_id, a.unit_name, area.name if area else "", late=missing[a.unit_id]
            )
        unit.assignments += 1
        unit.leads += a.role == "lead"
        unit.done += own[a.id] == Status.DONE
        unit.lagging += own[a.id] == Status.LAGGING
    return sorted(figures.values(), key=lambda u: (-u.completion_rate, u.late, u.name))


def _counties(rows: PlanRows, units: list[UnitFigure]) -> list[CountyFigure]:
    county_of_unit = rows.progress.county_of_unit
    counties: dict[int, CountyFigure] = {}
    for unit in units:
        county = county_of_unit.get(unit.unit_id)
        if county is None:
            continue
        figure = counties.setdefault(county, CountyFigure(county, rows.regions[county].name))
        figure.units += 1
        figure.assignments += unit.assignments
        figure.done += unit.done
        figure.lagging += unit.lagging
        figure.late += unit.late
    return sorted(counties.values(), key=lambda c: (-c.completion_rate, c.late, c.region_id))


def _heatmap(rows: PlanRows) -> Heatmap:
    years = rows.years
    target_rows = []
    for target in rows.targets:
        by_year = {}
        for year in years:
            progress = rows.progress_by_year.get(year)
            if progress is None:
                by_year[year] = None  # not begun
            else:
                found = progress.get(target.pk)
                by_year[year] = found.status if found else TargetStatus.NO_DATA
        target_rows.append(
            TargetRow(
                target_id=target.pk,
                measure_number=target.measure.number if target.measure_id else None,
                quote=target.quote,
                goal=_goal(target),
                by_year=by_year,
                now=rows.progress_now.get(target.pk),
            )
        )
    has_data = any(
        status not in (None, TargetStatus.NO_DATA)
        for row in target_rows
        for status in row.by_year.values()
    ) or any(row.status_now != TargetStatus.NO_DATA for row in target_rows)
    shows_today = bool(years) and rows.today.year > years[-1]
    return Heatmap(years, target_rows, has_data, shows_today)


def _goal(target) -> str:
    sign = "≥" if target.comparator == ">=" else ""
    value = f"{target.value:g}"
    per = f"每{target.per}" if target.per else ""
    year = f"（{target.year}年）" if target.year else ""
    return f"{per}{sign}{value}{target.unit}{year}"


def _trend(rows: PlanRows) -> list[PeriodFigure]:
    """Per period begun, the share of reports filed on time and the share of measures done
    by its end."""
    figures = []
    for period in rows.periods:
        if period.pk not in rows.trend:
            continue
        reports, done = rows.trend[period.pk]
        figures.append(
            PeriodFigure(
                period,
                reports.expected,
                reports.filed,
                reports.on_time,
                done.total,
                done.done,
                open=period.due_on >= rows.today,
            )
        )
    return figures
