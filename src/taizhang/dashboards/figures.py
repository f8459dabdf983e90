"""The figures of a plan's dashboard, computed in Python from the compact rows of rows.py:
key figures, completion by chapter, by unit and by county, the targets' heat map and the
trend across periods. Pure arithmetic, no queries, so the page's cost does not depend on
how the numbers come out.

Definitions (the same as the ledger's where the ledger has one):
- a measure's status is the ledger's (reporting.status.derive_status);
- a unit's status on a measure is the same rule applied to the unit's own latest sent
  report; its completion rate is the share of its assignments it reports 已完成;
- a late report is an assignment with no sent report for a period whose due date has
  passed (逾期未报);
- a report is on time when it was sent (报送) no later than its period's due date."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from taizhang.reporting.models import Period, ProgressReport
from taizhang.reporting.status import derive_status
from taizhang.supervision.progress import Status as TargetStatus
from taizhang.units.models import Region

from .rows import PlanRows, RegionRow

Status = ProgressReport.Status
STATUS_ORDER = [value for value, _ in Status.choices]
NO_CHAPTER = "未分章节"
# Target statuses from the worst to the best, then "no data".
TARGET_ORDER = [
    TargetStatus.OFF_TRACK,
    TargetStatus.AT_RISK,
    TargetStatus.ON_TRACK,
    TargetStatus.MET,
    TargetStatus.NO_DATA,
]


def rate(part: int, whole: int) -> float:
    """A percentage with one decimal; 0 when there is nothing to count."""
    return round(100 * part / whole, 1) if whole else 0.0


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
    measure_status = {
        m.id: derive_status(m.deadline, m.lead_status, m.any_report, today) for m in rows.measures
    }
    late = _late_by_unit(rows)
    units = _units(rows, late)
    heatmap = _heatmap(rows)
    key = KeyFigures(
        measures=len(rows.measures),
        statuses=Counter(measure_status.values()),
        late_reports=sum(late.values()),
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
        chapters=_chapters(rows, measure_status),
        units=units,
        counties=_counties(rows, units),
        heatmap=heatmap,
        trend=_trend(rows),
    )


def _chapters(rows: PlanRows, measure_status: dict[int, str]) -> list[ChapterFigure]:
    by_chapter: dict[int | None, Counter] = defaultdict(Counter)
    for measure in rows.measures:
        by_chapter[measure.chapter_id][measure_status[measure.id]] += 1
    figures = [
        ChapterFigure(str(chapter), by_chapter[chapter.pk])
        for chapter in rows.chapters
        if chapter.pk in by_chapter
    ]
    if None in by_chapter:
        figures.append(ChapterFigure(NO_CHAPTER, by_chapter[None]))
    return figures


def _late_by_unit(rows: PlanRows) -> Counter:
    """Per unit, how many of its assignments have no sent report for a period past due."""
    per_unit = Counter(a.unit_id for a in rows.assignments)
    filed = {(f.unit_id, f.period_id): f.filed for f in rows.filed}
    late: Counter = Counter()
    for period in rows.periods:
        if period.due_on >= rows.today:
            continue
        for unit_id, expected in per_unit.items():
            missing = expected - filed.get((unit_id, period.pk), 0)
            if missing > 0:
                late[unit_id] += missing
    return late


def county_of(region_id: int | None, regions: dict[int, RegionRow]) -> RegionRow | None:
    """The county a region lies in (itself for a county); None above county level."""
    region = regions.get(region_id)
    while region is not None:
        if region.level == Region.Level.COUNTY:
            return region
        if region.level == Region.Level.PREFECTURE:
            return None
        region = regions.get(region.parent_id)
    return None


def _units(rows: PlanRows, late: Counter) -> list[UnitFigure]:
    figures: dict[int, UnitFigure] = {}
    for a in rows.assignments:
        unit = figures.get(a.unit_id)
        if unit is None:
            area = county_of(a.region_id, rows.regions) or rows.regions.get(a.region_id)
            unit = figures[a.unit_id] = UnitFigure(
                a.unit_id, a.unit_name, area.name if area else "", late=late[a.unit_id]
            )
        status = derive_status(a.deadline, a.own_status, a.own_status is not None, rows.today)
        unit.assignments += 1
        unit.leads += a.role == "lead"
        unit.done += status == Status.DONE
        unit.lagging += status == Status.LAGGING
    return sorted(figures.values(), key=lambda u: (-u.completion_rate, u.late, u.name))


def _counties(rows: PlanRows, units: list[UnitFigure]) -> list[CountyFigure]:
    region_of = {a.unit_id: a.region_id for a in rows.assignments}
    counties: dict[int, CountyFigure] = {}
    for unit in units:
        county = county_of(region_of[unit.unit_id], rows.regions)
        if county is None:
            continue
        figure = counties.setdefault(county.id, CountyFigure(county.id, county.name))
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
    """Per period begun, the share of reports sent on time and the share of measures whose
    lead unit had reported them done by then (its latest report up to that period)."""
    expected = len(rows.assignments)
    measures = len(rows.measures)
    filed, on_time = Counter(), Counter()
    for f in rows.filed:
        filed[f.period_id] += f.filed
        on_time[f.period_id] += f.on_time
    ends = {p.pk: p.ends_on for p in rows.periods}
    history: dict[int, list] = defaultdict(list)
    for report in rows.lead_reports:
        history[report.measure_id].append((ends[report.period_id], report.pk, report.status))
    for reports in history.values():
        reports.sort()
    figures = []
    for period in rows.periods:
        if period.starts_on > rows.today:
            continue
        done = 0
        for reports in history.values():
            latest = None
            for ends_on, _, status in reports:
                if ends_on > period.ends_on:
                    break
                latest = status
            done += latest == Status.DONE
        figures.append(
            PeriodFigure(period, expected, filed[period.pk], on_time[period.pk], measures, done)
        )
    return figures
