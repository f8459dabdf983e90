"""What the reports say about a measure, a unit, a plan: the one place every page, export,
score and the API asks. Each rule (口径) is written once, beside the function that applies
it, and pages show it under the figure.

- A measure's status is the lead unit's word: its latest report that the reviewers accepted.
  Before the lead unit has one, a measure another unit has an accepted report on is 推进中,
  else 未启动; not done past its deadline is 滞后. Only reviewed work counts, on every page
  and on the public one alike: what a unit filed and nobody reviewed yet is not the
  government's word. (A unit's status on its own assignment is the same rule applied to
  its own reports.) The deadline is the measure's, or the later one the office approved
  (延期申请: the lead unit's for the measure, a unit's for its own assignment).
- Completion counts measures (a plan, a chapter) or assignments (a unit, a county: its
  units together) whose status is 已完成.
- A measure the office closed (销号, on the lead unit's 办结申请) is 已完成 from that day
  and owes no report for a period due after it, until the office reopens it; a report
  due before the closure and never filed stays missing (one rule: missing_reports).
- A report is on time when its first submission was on or before its period's due date,
  whatever happened after (returned and submitted again keeps the first date); a report
  never submitted by a due date that has passed is missing (逾期未报).

Every function here reads in a fixed number of queries whatever the size of the plan."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from taizhang.plans.grouping import group_key
from taizhang.plans.models import Assignment, Measure, MeasureSource
from taizhang.reporting.models import (
    Closure,
    Extension,
    Period,
    ProgressReport,
    approved_deadline,
)
from taizhang.units.models import Region

Status = ProgressReport.Status
STATUS_LABELS = dict(Status.choices)
STATUS_ORDER = list(Status.values)
LEAD = Assignment.Role.LEAD

# 口径: one line under each figure that uses the rule.
STATUS_RULE = (
    "任务状态：以牵头单位最新一期经审核通过的报告为准；牵头单位尚无审核通过的报告、但已有"
    "其他单位报告审核通过的为“推进中”，否则为“未启动”；超过完成时限（经批准延期的以批准的"
    "期限为准）仍未完成的为“滞后”。"
    "未经审核的报告不计入。"
)
COMPLETION_RULE = (
    "完成率：已完成任务数 ÷ 任务总数；已完成指牵头单位最新一期报告为“已完成”且已审核通过的任务。"
)
UNIT_COMPLETION_RULE = (
    "单位完成率：单位承担的任务中，本单位最新一期报告为“已完成”且已审核通过的比例；"
    "县（市、区）为所辖各单位合计。"
)
ON_TIME_RULE = (
    "按时报送率：按时报送的报告数 ÷ 应报数；按时指首次报送不晚于该期截止日期，"
    "退回或撤回后重新报送仍以首次报送时间为准；经批准延期的，以批准的期限为准。"
)
CLOSED_RULE = (
    "销号：牵头单位申请办结、经依法治理办销号的任务，自销号之日起计为“已完成”，"
    "此后截止的报送周期不计应报数、不再催报；销号前已截止而未报送的，仍计逾期未报；"
    "重新打开后恢复按报告认定。"
)
ADHOC_RULE = "督办事项：领导批示、会议议定事项列入方案后，自交办之日起截止的报送周期计入应报数。"
MISSING_RULE = (
    "逾期未报：截止日期（经批准延期的，以批准的期限为准）已过仍从未报送的报告"
    "（已报送被退回、尚未重报的另计为“退回未重报”）。"
    "应报的报告：应承担任务（申请不涉及经批准的除外）在截止日期已过的各期报告；已销号任务"
    "仍应报销号之日前截止的各期，此后截止的不计；督办事项自交办之日起截止的各期计入。"
)


def status_of(
    deadline: datetime.date | None,
    word: str | None,
    anyone_accepted: bool,
    as_of: datetime.date,
    closed: bool = False,
) -> str:
    """The rule itself. ``word``: the status the latest accepted report says (None when no
    report is accepted yet); ``anyone_accepted``: some unit's report on it was accepted;
    ``closed``: the office closed the measure (销号) by ``as_of``."""
    if closed:
        return Status.DONE
    if word:
        status = word
    elif anyone_accepted:
        status = Status.IN_PROGRESS
    else:
        status = Status.NOT_STARTED
    if status != Status.DONE and deadline is not None and deadline < as_of:
        return Status.LAGGING
    return status


def _accepted(up_to: datetime.date | None):
    reports = ProgressReport.objects.accepted()
    return reports if up_to is None else reports.filter(period__ends_on__lte=up_to)


def measure_statuses(
    measures: QuerySet[Measure], as_of: datetime.date, up_to: datetime.date | None = None
) -> dict[int, str]:
    """Measure id -> its status on ``as_of`` (two queries, neither one sorting more than
    the lead units' reports). ``up_to``: only reports for periods that end by that day count
    (a year's annual report)."""
    return {pk: status for pk, status, _key in _measure_rows(measures, as_of, up_to, "pk")}


def status_counts(measures: QuerySet[Measure], as_of: datetime.date, by: str) -> dict:
    """How many of ``measures`` stand at each status, per value of the field ``by`` (e.g.
    ``plan_id``): the same two queries as measure_statuses."""
    counts: dict = defaultdict(Counter)
    # counted, so in no order (the measures' own ordering would sort them all)
    for _pk, status, key in _measure_rows(measures.order_by(), as_of, None, by):
        counts[key][status] += 1
    return counts


def _measure_rows(measures, as_of, up_to, by: str) -> list[tuple[int, str, object]]:
    """(measure id, status, the measure's ``by`` field) for each of ``measures``."""
    accepted = _accepted(up_to)
    # Whether any unit's report on it was accepted: a probe that stops at the first.
    rows = (
        with_deadline_in_force(measures)
        .annotate(
            anyone=Exists(accepted.filter(assignment__measure=OuterRef("pk"))),
            closed=Exists(_closed(OuterRef("pk"), min(as_of, up_to or as_of))),
        )
        .values_list("pk", "deadline_in_force", "anyone", "closed", by)
    )
    # The lead unit's word: its latest accepted report (the latest of the leads' when a
    # measure has more than one lead unit).
    words: dict[int, tuple] = {}
    for measure_id, ends_on, pk, word in (
        accepted.filter(assignment__role=LEAD, assignment__measure__in=measures.values("pk"))
        .latest_per_assignment()
        .values_list("assignment__measure_id", "period__ends_on", "pk", "status")
    ):
        if measure_id not in words or (ends_on, pk) > words[measure_id][:2]:
            words[measure_id] = (ends_on, pk, word)
    return [
        (
            pk,
            status_of(deadline, words[pk][2] if pk in words else None, anyone, as_of, closed),
            key,
        )
        for pk, deadline, anyone, closed, key in rows
    ]


def with_deadline_in_force(measures: QuerySet[Measure]) -> QuerySet[Measure]:
    """Annotate ``deadline_in_force``: the measure's 完成时限, or the later one the office
    approved its lead unit (延期申请) — the date status_of judges 滞后 by."""
    extended = Subquery(approved_deadline(measure=OuterRef("pk")))
    return measures.annotate(deadline_in_force=_Later(extended, F("deadline")))


class _Later(Func):
    """The later of an approved date and the measure's own (the office may have moved the
    measure's past the approved one since); either when the other is missing: GREATEST of
    two dates, NULL only when both are. PostgreSQL's GREATEST skips NULLs, so
    the approved date's subquery runs once per row (written twice, it ran twice: the board
    at province scale went from 196 to 333 ms); SQLite's MAX() gives NULL when one side is,
    so there it is COALESCE(MAX(a, b), a, b)."""

    function = "GREATEST"
    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra_context):
        first, second = self.get_source_expressions()
        either = Coalesce(Greatest(first, second), first, second, output_field=DateField())
        return compiler.compile(either)


def assignment_statuses(
    assignments: QuerySet[Assignment], as_of: datetime.date, up_to: datetime.date | None = None
) -> dict[int, str]:
    """Assignment id -> the unit's own status on the measure (two queries)."""
    words = dict(
        _accepted(up_to)
        .filter(assignment__in=assignments.values("pk"))
        .latest_per_assignment()
        .values_list("assignment_id", "status")
    )
    closed = _closed(OuterRef("measure_id"), min(as_of, up_to or as_of))
    extended = Subquery(approved_deadline(assignment=OuterRef("pk")))
    rows = assignments.annotate(
        closed=Exists(closed), due=_Later(extended, F("measure__deadline"))
    ).values_list("pk", "due", "closed")
    return {
        pk: status_of(deadline, words.get(pk), pk in words, as_of, closed)
        for pk, deadline, closed in rows
    }


# -- 办结 and 销号 ---------------------------------------------------------------------------


def _closed(measure, as_of: datetime.date):
    """The measure's standing closure (销号 on or before ``as_of``)."""
    return Closure.objects.filter(
        measure=measure, state=Closure.State.CLOSED, decided_at__date__lte=as_of
    )


def closed_on(measures: QuerySet[Measure]) -> dict[int, datetime.date]:
    """Measure id -> the day it was closed (销号), for the measures closed now. One query."""
    rows = Closure.objects.filter(measure__in=measures, state=Closure.State.CLOSED).values_list(
        "measure_id", "decided_at"
    )
    return {pk: timezone.localtime(at).date() for pk, at in rows}


def still_asked(queryset: QuerySet, to_measure: str = "") -> QuerySet:
    """The rows (measures, or assignments etc. with ``to_measure`` the lookup to their
    measure, e.g. "measure__") whose measure is not closed: the to-do, the reminders and
    the supervision board ask nothing of a closed measure (CLOSED_RULE)."""
    closed = Closure.objects.filter(state=Closure.State.CLOSED).values("measure_id")
    return queryset.exclude(**{f"{to_measure}pk__in": closed})


def owes_report(closed: datetime.date | None, period, since: datetime.date | None = None) -> bool:
    """The rules (CLOSED_RULE, ADHOC_RULE): a measure closed on ``closed`` owes no report
    for a period due after that day; a 督办事项 added on ``since`` none for a period due
    before it; otherwise every period's."""
    if since is not None and period.due_on < since:
        return False
    return closed is None or period.due_on <= closed


def asked_from(measure_ids) -> dict[int, datetime.date]:
    """Measure id -> the day a 督办事项 was added (ADHOC_RULE), for those among
    ``measure_ids`` that are. One query."""
    if not isinstance(measure_ids, QuerySet):
        measure_ids = list(measure_ids)
    return dict(
        MeasureSource.objects.filter(measure_id__in=measure_ids).values_list(
            "measure_id", "added_on"
        )
    )


# -- completion ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Completion:
    done: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        """A percentage with one decimal; 0 when there is nothing to count."""
        return round(100 * self.done / self.total, 1) if self.total else 0.0

    @property
    def percent(self) -> str:
        return f"{self.rate:g}%"

    def __add__(self, other: Completion) -> Completion:
        return Completion(self.done + other.done, self.total + other.total)

    @classmethod
    def of(cls, statuses: Iterable[str]) -> Completion:
        statuses = list(statuses)
        return cls(sum(1 for s in statuses if s == Status.DONE), len(statuses))


@dataclass
class PlanProgress:
    """Where a plan stands on ``as_of``: every live measure's status and every assignment's,
    and the completion rates they make. Built by `progress` in four queries."""

    plan: object
    as_of: datetime.date
    measures: dict[int, str]  # measure id -> status
    chapter_of: dict[int, int | None]  # measure id -> chapter id
    assignments: dict[int, str]  # assignment id -> the unit's own status
    unit_of: dict[int, int]  # assignment id -> unit id
    county_of_unit: dict[int, int | None] = field(default_factory=dict)
    adhoc: frozenset[int] = frozenset()  # the office's 督办事项 (measures with a source)

    def group_of(self, measure_id: int) -> int | str | None:
        """The group the measure stands in where measures are shown by chapter: the rule of
        plans.grouping, the one the ledger, the board and the public page ask."""
        return group_key(self.chapter_of[measure_id], measure_id in self.adhoc)

    def statuses(self) -> Counter:
        return Counter(self.measures.values())

    def completion(self, by: str = "plan"):
        """The completion rate of the plan (a Completion), or of each group, unit or county
        (a dict of Completions keyed by group_of's key: a chapter's id, ADHOC_GROUP or None;
        by unit id or by region id)."""
        if by == "plan":
            return Completion.of(self.measures.values())
        groups: dict = defaultdict(list)
        if by == "group":
            for measure_id, status in self.measures.items():
                groups[self.group_of(measure_id)].append(status)
        elif by in ("unit", "county"):
            for assignment_id, status in self.assignments.items():
                unit = self.unit_of[assignment_id]
                key = unit if by == "unit" else self.county_of_unit.get(unit)
                if key is not None:
                    groups[key].append(status)
        else:
            raise ValueError(f"completion by {by!r}")
        return {key: Completion.of(statuses) for key, statuses in groups.items()}


def progress(
    plan, as_of: datetime.date, up_to: datetime.date | None = None, assignments=None
) -> PlanProgress:
    """The plan's progress (all its live measures; ``assignments`` narrows the units'
    side, e.g. to one county's units)."""
    measures = Measure.objects.filter(plan=plan, withdrawn=False)
    statuses = measure_statuses(measures, as_of, up_to)
    rows = list(measures.values_list("pk", "chapter_id", "source"))
    chapter_of = {pk: chapter for pk, chapter, _ in rows}
    adhoc = frozenset(pk for pk, _, source in rows if source is not None)
    if assignments is None:
        assignments = Assignment.objects.owing().filter(measure__plan=plan)
    own = assignment_statuses(assignments, as_of, up_to)
    unit_of = dict(assignments.values_list("pk", "unit_id"))
    counties = counties_of_units(plan.organisation_id, set(unit_of.values()))
    return PlanProgress(plan, as_of, statuses, chapter_of, own, unit_of, counties, adhoc)


def done_by_period(plan, periods: Iterable[Period]) -> dict[int, Completion]:
    """Period id -> how many of the plan's live measures stood 已完成 at the end of the
    period (the status rule, up to that period's end; a measure closed by then counts).
    Three queries for all periods."""
    total = Measure.objects.filter(plan=plan, withdrawn=False).count()
    history: dict[int, list] = defaultdict(list)  # measure -> [(period end, pk, status)]
    for row in (
        ProgressReport.objects.accepted()
        .filter(assignment__role=LEAD, assignment__measure__plan=plan)
        .filter(assignment__measure__withdrawn=False)
        .values_list("assignment__measure_id", "period__ends_on", "pk", "status")
    ):
        history[row[0]].append(row[1:])
    closed = closed_on(Measure.objects.filter(plan=plan, withdrawn=False))
    found = {}
    for period in periods:
        done = sum(1 for day in closed.values() if day <= period.ends_on)
        for measure_id, reports in history.items():
            if measure_id in closed and closed[measure_id] <= period.ends_on:
                continue  # counted closed
            standing = [r for r in reports if r[0] <= period.ends_on]
            done += bool(standing) and max(standing)[2] == Status.DONE
        found[period.pk] = Completion(done, total)
    return found


def counties_of_units(organisation_id: int, unit_ids: set[int]) -> dict[int, int | None]:
    """Unit id -> the county it lies in (its own region or one above, up to the county);
    None for units above county level. Two queries."""
    from_units = dict(Region.objects.filter(units__pk__in=unit_ids).values_list("units__pk", "pk"))
    regions = {
        pk: (level, parent)
        for pk, level, parent in Region.objects.filter(organisation_id=organisation_id).values_list(
            "pk", "level", "parent_id"
        )
    }
    return {unit: county_of(region, regions) for unit, region in from_units.items()}


def county_of(region_id: int | None, regions: dict[int, tuple[str, int | None]]) -> int | None:
    """The county a region lies in (itself for a county); None above county level."""
    seen = 0
    while region_id is not None and region_id in regions and seen < 5:
        level, parent = regions[region_id]
        if level == Region.Level.COUNTY:
            return region_id
        if level == Region.Level.PREFECTURE:
            return None
        region_id, seen = parent, seen + 1
    return None


# -- timeliness ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeliness:
    expected: int = 0
    on_time: int = 0
    late: int = 0

    @property
    def missing(self) -> int:
        return self.expected - self.on_time - self.late

    @property
    def filed(self) -> int:
        return self.on_time + self.late

    @property
    def rate(self) -> float:
        return round(100 * self.on_time / self.expected, 1) if self.expected else 0.0

    def __add__(self, other: Timeliness) -> Timeliness:
        return Timeliness(
            self.expected + other.expected, self.on_time + other.on_time, self.late + other.late
        )


NONE_OWED = Timeliness()  # frozen: one shared for every (unit, period) owing nothing


def due_periods(periods: Iterable[Period], today: datetime.date) -> list[Period]:
    """The periods whose due date has passed: one not yet due is nobody's fault."""
    return [p for p in periods if p.due_on < today]


def owed_reports(
    assignments: QuerySet[Assignment],
    as_of: datetime.date,
    periods: Iterable[Period] | None = None,
) -> QuerySet[Assignment]:
    """The one rule for which reports are owed by ``as_of`` (MISSING_RULE, CLOSED_RULE,
    ADHOC_RULE): one row per (owing assignment, period begun whose due date has passed), as
    ``assignments`` annotated with ``period_id``, ``period_name``, ``period_due`` (the
    period's date), ``due`` (the date the report is due: the period's, or the later one
    the office approved), ``filed`` (first submitted). A closed
    measure (销号) owes the periods due on or before the day of its closure, none after;
    a 督办事项 owes those due on or after the day it was added. A report the office gave
    a later due date not yet come is owed only once filed (it then counts as filed).
    ``periods``: those periods instead of the ones begun and due (a period not due yet
    then owes its reports so far). One query, however it is read."""
    rows = assignments.owing().annotate(
        period_id=F("measure__plan__periods__id"),
        period_name=F("measure__plan__periods__name"),
        period_due=F("measure__plan__periods__due_on"),
        period_starts=F("measure__plan__periods__starts_on"),
    )
    if periods is None:
        # a period not begun yet is owed nothing, whatever its due date says
        rows = rows.filter(period_due__lt=as_of, period_starts__lte=as_of)
    else:
        rows = rows.filter(period_id__in=[p.pk for p in periods])
    closed_before = Closure.objects.filter(
        measure=OuterRef("measure_id"),
        state=Closure.State.CLOSED,
        decided_at__date__lt=OuterRef("period_due"),
    )
    filed = ProgressReport.objects.filter(
        assignment=OuterRef("pk"), period=OuterRef("period_id"), first_submitted_at__isnull=False
    )
    # The later due date the office approved. Few reports have one: the per-row lookup
    # runs only for the assignments that have any, one hashed set of them per query. The
    # latest approved date is asked with no join to its period (joined, the province's board
    # took 2.4 times as long over its late items); the later of it and the period's own is
    # the due date, as report_extensions_in_force has it.
    approved = Extension.objects.filter(state=Extension.State.APPROVED, period__isnull=False)
    latest = approved.filter(assignment=OuterRef("pk"), period=OuterRef("period_id"))
    extended = Case(
        When(
            pk__in=approved.values("assignment_id"),
            then=Subquery(latest.order_by("-requested_due").values("requested_due")[:1]),
        ),
        default=None,
        output_field=DateField(),
    )
    return (
        rows.annotate(
            extended=extended,
            # the later of the two (report_extensions_in_force's rule, without joining
            # each extension to its period: the row has the period's date)
            due=_Later(F("extended"), F("period_due")),
            filed=Exists(filed),
            added_on=F("measure__source__added_on"),
        )
        .exclude(Exists(closed_before))
        .filter(Q(added_on__isnull=True) | Q(added_on__lte=F("period_due")))
        # an approved later due date not come yet: not owed until filed. In force only
        # while later than the period's own (report_extensions_in_force): one the office
        # overtook by moving the period's date leaves the report owed as any other
        .exclude(filed=False, due__gt=F("period_due"), due__gte=as_of)
    )


def missing_reports(
    assignments: QuerySet[Assignment],
    as_of: datetime.date,
    periods: Iterable[Period] | None = None,
) -> QuerySet[Assignment]:
    """The reports missing on ``as_of`` (逾期未报, MISSING_RULE): the owed_reports rows
    never submitted, whose due date (the approved later one where there is one) has
    passed. Every count of missing reports — the board, the dashboard, the assessment,
    the to-do — is this one."""
    return owed_reports(assignments, as_of, periods).filter(filed=False, due__lt=as_of)


def timeliness(
    assignments: QuerySet[Assignment],
    periods: Iterable[Period],
    as_of: datetime.date | None = None,
) -> dict[tuple[int, int], Timeliness]:
    """(unit id, period id) -> the unit's reports for each of ``periods`` (usually the
    due_periods): how many it owed, filed on time and filed late; the rest are missing,
    by the one rule (owed_reports, missing_reports). A report the office gave a later due
    date (延期) that has not come by ``as_of`` (today) and is not filed yet is not owed
    yet: it is nobody's fault, as a period not yet due. Two queries."""
    due = {p.pk: p for p in periods}
    if not due:
        return {}
    as_of = as_of or timezone.localdate()
    plans = {p.plan_id for p in due.values()}
    chosen = assignments.owing().filter(measure__plan_id__in=plans)
    units = set(chosen.values_list("unit_id", "measure__plan_id").distinct())
    in_time = ProgressReport.objects.filter(
        ProgressReport.objects.on_time_in(due.values()),
        assignment=OuterRef("pk"),
        period=OuterRef("period_id"),
    )
    rows = (
        owed_reports(chosen, as_of, due.values())
        .annotate(in_time=Exists(in_time))
        .values("unit_id", "period_id")
        .annotate(
            owed_n=Count("pk"),
            filed_n=Count("pk", filter=Q(filed=True)),
            on_time_n=Count("pk", filter=Q(in_time=True)),
        )
        .order_by()
    )
    counted = {
        (row["unit_id"], row["period_id"]): Timeliness(
            row["owed_n"], row["on_time_n"], row["filed_n"] - row["on_time_n"]
        )
        for row in rows
    }
    of_plan = defaultdict(list)
    for pk, period in due.items():
        of_plan[period.plan_id].append(pk)
    return {
        (unit, pk): counted.get((unit, pk), NONE_OWED)
        for unit, plan in units
        for pk in of_plan[plan]
    }


def total(parts: Iterable[Timeliness]) -> Timeliness:
    found = Timeliness()
    for part in parts:
        found += part
    return found
