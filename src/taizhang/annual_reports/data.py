"""The figures an annual report is drafted from, gathered for one scope (the whole plan, one
county's units, or one unit) and one year in a fixed number of queries whatever the size
of the plan.

Statuses, completion and reports on time are reporting's (reporting/status.py), as on
every page: a measure's (or, for a county or a unit, an assignment's) status at the year's
end counts the reports for periods ending by 31 December; on time is first submitted by
the due date."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from taizhang.assessment.models import Scheme
from taizhang.assessment.results import results
from taizhang.plans.grouping import NO_CHAPTER_LABEL, Group, group_key, in_order
from taizhang.plans.models import Assignment, Chapter, Measure, Target
from taizhang.reporting import status
from taizhang.reporting.models import Period, ProgressReport
from taizhang.supervision.progress import progress_of_targets
from taizhang.surveys.results import satisfaction_summary

STATUSES = ("done", "in_progress", "lagging", "not_started")


def group_of(chapter_id: int | None, source_id: int | None) -> int | str | None:
    """The group a measure is counted and quoted in, as every page shows it
    (plans.grouping.group_key): its chapter's id, ``ADHOC_GROUP`` for a 督办事项, else
    None (未分章节)."""
    return group_key(chapter_id, source_id is not None)


@dataclass(frozen=True)
class Scope:
    """What a report covers: ``unit`` for a unit's year-end report; otherwise ``region``,
    the plan's own region (the whole plan) or a county (its units' work)."""

    plan: object
    year: int
    region: object
    unit: object = None

    @property
    def whole_plan(self) -> bool:
        return self.unit is None and self.region.pk == self.plan.region_id

    @property
    def name(self) -> str:
        if self.unit is not None:
            return self.unit.name
        return self.region.name

    def assignments(self):
        chosen = Assignment.objects.owing().filter(measure__plan=self.plan)
        if self.unit is not None:
            return chosen.filter(unit=self.unit)
        if self.whole_plan:
            return chosen
        county = self.region.pk
        return chosen.filter(
            Q(unit__region_id=county)
            | Q(unit__region__parent_id=county)
            | Q(unit__region__parent__parent_id=county)
        )


@dataclass
class ChapterFigures:
    """One group of plans.grouping.in_order with its counts: ``label`` is the dashboard's
    (二、增强全社会法治观念 / 督办事项 / 未分章节), the table's; ``title`` the same without
    the chapter's numeral, the subheading of the text (which numbers its own (一)(二)…)."""

    group: int | str | None  # a chapter's id, ADHOC_GROUP or None (group_of)
    label: str
    title: str
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Quote:
    """A sentence a unit wrote in a report, with where it comes from."""

    unit: str
    measure_number: int
    group: int | str | None  # the measure's group (group_of)
    text: str
    period: str = ""


@dataclass
class Figures:
    scope: Scope
    as_of: datetime.date
    statuses: Counter  # status -> number of measures
    chapters: list[ChapterFigures]
    reports_expected: int
    reports_on_time: int
    reports_late: int
    highlights: list[Quote]
    problems: list[Quote]
    next_steps: list[Quote]
    targets: list  # (Target, TargetProgress | None)
    units: int  # units in the scope carrying measures

    @property
    def measures(self) -> int:
        return sum(self.statuses.values())

    @property
    def completion(self) -> status.Completion:
        return status.Completion.of(self.statuses.elements())

    @property
    def timeliness(self) -> status.Timeliness:
        return status.Timeliness(self.reports_expected, self.reports_on_time, self.reports_late)

    @property
    def rules(self) -> tuple[str, str]:
        """The 口径 of the completion and on-time figures, as the report states them."""
        completion = (
            status.COMPLETION_RULE if self.scope.whole_plan else status.UNIT_COMPLETION_RULE
        )
        return completion, status.ON_TIME_RULE

    @property
    def reports_missing(self) -> int:
        return self.reports_expected - self.reports_on_time - self.reports_late

    def chapter_title(self, group: int | str | None) -> str:
        found = next((c for c in self.chapters if c.group == group), None)
        return found.title if found else NO_CHAPTER_LABEL


def as_of(year: int, today: datetime.date | None = None) -> datetime.date:
    """The day the figures describe: 31 December, or today while the year runs."""
    today = today or timezone.localdate()
    return min(datetime.date(year, 12, 31), today)


def gather(scope: Scope, today: datetime.date | None = None) -> Figures:
    today = today or timezone.localdate()
    day = as_of(scope.year, today)
    year_end = datetime.date(scope.year, 12, 31)
    assignments = scope.assignments()
    rows = list(
        assignments.values(
            "pk",
            "role",
            "unit_id",
            "unit__name",
            "measure_id",
            "measure__number",
            "measure__chapter_id",
            "measure__source",
        )
    )
    by_pk = {row["pk"]: row for row in rows}
    reports = list(
        ProgressReport.objects.filed()
        .filter(assignment_id__in=list(by_pk), period__ends_on__lte=year_end)
        .order_by("period__ends_on", "pk")
        .values(
            "assignment_id",
            "narrative",
            "problems",
            "next_steps",
            "highlight",
            "period__ends_on",
            "period__name",
        )
    )
    chapters = _chapters(scope, rows, day, year_end)
    statuses = Counter()
    for chapter in chapters:
        statuses.update(chapter.counts)
    periods = Period.objects.filter(plan=scope.plan, ends_on__year=scope.year)
    reported = status.total(
        status.timeliness(assignments, status.due_periods(periods, today), today).values()
    )
    in_year = [r for r in reports if r["period__ends_on"].year == scope.year]
    return Figures(
        scope=scope,
        as_of=day,
        statuses=statuses,
        chapters=chapters,
        reports_expected=reported.expected,
        reports_on_time=reported.on_time,
        reports_late=reported.late,
        highlights=_quotes([r for r in in_year if r["highlight"]], by_pk, "narrative", True),
        problems=_quotes(_latest_in_year(in_year), by_pk, "problems"),
        next_steps=_quotes(_latest_in_year(in_year), by_pk, "next_steps"),
        targets=_targets(scope, {row["measure_id"] for row in rows}, day),
        units=len({row["unit_id"] for row in rows}),
    )


def _chapters(scope: Scope, rows, day, year_end) -> list[ChapterFigures]:
    """Per group, how many tasks stand at each status at the year's end (reporting's
    rule, counting reports for periods that end in the year or before): the plan's measures
    for the whole plan; for a county or a unit, its units' own assignments. The groups, their
    labels and order are the dashboard's (plans.grouping.in_order): the chapters in order,
    then the office's 督办事项, then 未分章节."""
    if scope.whole_plan:
        measures = Measure.objects.filter(plan=scope.plan, withdrawn=False)
        found = status.measure_statuses(measures, day, up_to=year_end)
        group_by_key = {
            row["measure_id"]: group_of(row["measure__chapter_id"], row["measure__source"])
            for row in rows
        }
        group_by_key.update(
            (pk, group_of(chapter_id, source_id))
            for pk, chapter_id, source_id in measures.values_list("pk", "chapter_id", "source")
        )
    else:
        found = status.assignment_statuses(scope.assignments(), day, up_to=year_end)
        group_by_key = {
            row["pk"]: group_of(row["measure__chapter_id"], row["measure__source"]) for row in rows
        }
    counts: dict[int | str | None, Counter] = defaultdict(Counter)
    for key, standing in found.items():
        counts[group_by_key.get(key)][standing] += 1
    chapters = list(Chapter.objects.filter(plan=scope.plan).order_by("position"))
    titles = {chapter.pk: chapter.title for chapter in chapters}
    return [
        ChapterFigures(g.key, g.label, _title(g, titles), counts[g.key])
        for g in in_order(chapters, counts)
    ]


def _title(group: Group, titles: dict[int, str]) -> str:
    return titles[group.chapter_id] if group.chapter_id is not None else group.label


def _latest_in_year(reports) -> list[dict]:
    """Each assignment's latest report of the year: the problems it still has at the end,
    not the same problem once a quarter."""
    latest = {}
    for report in reports:
        latest[report["assignment_id"]] = report
    return list(latest.values())


def _quotes(reports, by_pk, field_name: str, keep_all: bool = False) -> list[Quote]:
    """The non-empty texts, in plan order, each said once per measure."""
    quotes, seen = [], set()
    for report in reports:
        text = " ".join((report[field_name] or "").split())
        row = by_pk[report["assignment_id"]]
        key = (row["measure_id"], text)
        if not text or (key in seen and not keep_all):
            continue
        seen.add(key)
        quotes.append(
            Quote(
                unit=row["unit__name"],
                measure_number=row["measure__number"],
                group=group_of(row["measure__chapter_id"], row["measure__source"]),
                text=text,
                period=report["period__name"],
            )
        )
    quotes.sort(key=lambda q: (q.measure_number, q.unit))
    return quotes


def _targets(scope, measure_ids, day) -> list:
    """The plan's targets (the whole plan's, or those of the scope's measures) with their
    progress on ``day``."""
    targets = Target.objects.filter(plan=scope.plan).filter(
        Q(measure__isnull=True) | Q(measure__withdrawn=False)
    )
    if not scope.whole_plan:
        targets = targets.filter(measure_id__in=measure_ids)
    targets = list(targets.select_related("measure").order_by("measure__position", "pk"))
    progress = progress_of_targets(targets, day) if targets else {}
    return [(target, progress.get(target.pk)) for target in targets]


def survey_summary(plan, year):
    """The summary of the year's satisfaction survey, or None when no survey ran."""
    return satisfaction_summary(plan, year)


def scheme_results(plan, year, today=None):
    """The assessment results of the plan's scheme for ``year``, or None."""
    scheme = Scheme.objects.filter(plan=plan, year=year).first()
    if scheme is None:
        return None
    return results(scheme, today)


def status_rows(figures: Figures) -> list[tuple[str, int]]:
    return [(status.STATUS_LABELS[s], figures.statuses.get(s, 0)) for s in STATUSES]


def grouped_by_chapter(figures: Figures, quotes: list[Quote]) -> list[tuple[str, list[Quote]]]:
    """The quotes under their measures' groups, in the order of ``figures.chapters``."""
    groups = defaultdict(list)
    for quote in quotes:
        groups[quote.group].append(quote)
    order = [c.group for c in figures.chapters]
    return [(figures.chapter_title(group), groups[group]) for group in order if groups.get(group)]
