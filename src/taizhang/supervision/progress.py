"""Where a target stands: expected value today, latest actual, projection at the deadline,
and a status. The rules are in trajectory.py; this module gathers their inputs for many
targets in a fixed number of queries.

Readings are the office's TargetReadings and the IndicatorValues units filed with their
progress reports (dated the end of the report's period; only submitted or accepted
reports count). On one date the office's figure wins; among units, the lead unit's
consolidated figure, else the one filed last. Per-capita targets (Target.per, e.g. 万人)
receive counts, turned into rates with the population of the plan's region; the baseline
and milestones are entered as rates, as the plan prints them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet

from taizhang.plans.models import Target
from taizhang.reporting.models import IndicatorValue, ProgressReport
from taizhang.supervision import trajectory
from taizhang.supervision.models import Milestone, TargetReading


class Status:
    MET = "met"  # 已达标
    ON_TRACK = "on_track"  # 进度正常
    AT_RISK = "at_risk"  # 存在风险
    OFF_TRACK = "off_track"  # 进度滞后
    NO_DATA = "no_data"  # 暂无数据

    LABELS = {
        MET: "已达标",
        ON_TRACK: "进度正常",
        AT_RISK: "存在风险",
        OFF_TRACK: "进度滞后",
        NO_DATA: "暂无数据",
    }


@dataclass(frozen=True)
class TargetProgress:
    target_id: int
    status: str
    expected_now: float | None
    latest: float | None
    latest_on: date | None
    projected: float | None  # the value expected at the deadline at the current pace
    deadline: date | None
    reason: str = ""  # one line in Chinese: why this status
    off_track_since: date | None = None  # when it turned off track (None unless off track)

    @property
    def label(self) -> str:
        return Status.LABELS[self.status]


@dataclass
class TargetInputs:
    """What the rules need for one target, readings already as rates."""

    target: object
    deadline: date | None
    baseline: tuple[date | None, float] | None
    milestones: list[tuple[int, float]] = field(default_factory=list)
    readings: list[tuple[date, float]] = field(default_factory=list)
    sources: dict[date, str] = field(default_factory=dict)
    problem: str = ""  # why nothing can be judged (no population, no deadline)


def deadline_of(target) -> date | None:
    tracking = getattr(target, "tracking", None) if _has_tracking(target) else None
    if tracking is not None and tracking.deadline:
        return tracking.deadline
    year = target.year or target.plan.end_year
    return date(year, 12, 31) if year else None


def inputs_of_targets(targets) -> dict[int, TargetInputs]:
    """Target id -> its inputs, in four queries whatever the number of targets."""

    if isinstance(targets, QuerySet):
        chosen = Target.objects.filter(pk__in=targets.values("pk"))
    else:
        chosen = Target.objects.filter(pk__in=[t.pk for t in targets])
    loaded = list(chosen.select_related("plan__region", "tracking", "measure"))
    ids = [t.pk for t in loaded]
    milestones = defaultdict(list)
    for target_id, year, value in Milestone.objects.filter(target_id__in=ids).values_list(
        "target_id", "year", "value"
    ):
        milestones[target_id].append((year, value))
    counts = _raw_readings(ids)
    result = {}
    for target in loaded:
        tracking = target.tracking if _has_tracking(target) else None
        base = tracking.baseline if tracking and tracking.baseline is not None else None
        if base is None:
            base = target.baseline
        inputs = TargetInputs(
            target=target,
            deadline=deadline_of(target),
            baseline=(tracking.baseline_on if tracking else None, base)
            if base is not None
            else None,
            milestones=milestones[target.pk]
            if tracking and tracking.trajectory == "milestones"
            else [],
        )
        raw = counts.get(target.pk, {})
        inputs.sources = {day: source for day, (_, source) in raw.items()}
        values = sorted((day, value) for day, (value, _) in raw.items())
        if target.per:
            size = trajectory.per_size(target.per)
            population = target.plan.region.population
            if size is None:
                inputs.problem = f"无法识别人均口径“每{target.per}”"
            elif not population:
                inputs.problem = f"未录入{target.plan.region.name}常住人口，无法计算人均指标"
            else:
                values = [(d, trajectory.per_capita(v, population, size)) for d, v in values]
        if inputs.deadline is None and not inputs.problem:
            inputs.problem = "未设定目标期限"
        inputs.readings = values
        result[target.pk] = inputs
    return result


def assess_inputs(inputs: TargetInputs, today: date) -> TargetProgress:
    target = inputs.target
    if inputs.problem:
        return TargetProgress(
            target.pk, Status.NO_DATA, None, None, None, None, inputs.deadline, inputs.problem
        )
    rules = {
        "target": target.value,
        "comparator": target.comparator,
        "deadline": inputs.deadline,
        "readings": inputs.readings,
        "baseline": inputs.baseline,
        "milestones": inputs.milestones,
    }
    state = trajectory.assess(today=today, **rules)
    since = None
    if state.status == Status.OFF_TRACK:
        since = trajectory.off_track_since(today=today, **rules)
    return TargetProgress(
        target_id=target.pk,
        status=state.status,
        expected_now=state.expected_now,
        latest=state.latest,
        latest_on=state.latest_on,
        projected=state.projected,
        deadline=inputs.deadline,
        reason=state.reason,
        off_track_since=since,
    )


def progress_of_targets(targets, today: date) -> dict[int, TargetProgress]:
    """Progress of many targets at once (a fixed number of queries): target id -> progress."""
    return progress_on_days(targets, [today])[today]


def progress_on_days(targets, days) -> dict[date, dict[int, TargetProgress]]:
    """Progress of many targets on each of ``days`` (a year's end for each year a plan has
    run): the inputs are read once, so the queries do not grow with the days."""
    inputs = inputs_of_targets(targets)
    return {day: {pk: assess_inputs(found, day) for pk, found in inputs.items()} for day in days}


def _has_tracking(target) -> bool:
    try:
        return target.tracking is not None
    except ObjectDoesNotExist:
        return False


def _raw_readings(ids) -> dict[int, dict[date, tuple]]:
    """Target id -> {date: (value, source)}, office readings over unit values."""
    chosen: dict[int, dict[date, tuple]] = defaultdict(dict)
    rank: dict[tuple[int, date], tuple] = {}
    unit_values = IndicatorValue.objects.filter(
        target_id__in=ids, report__state__in=ProgressReport.State.FILED
    ).values_list(
        "target_id",
        "report__period__ends_on",
        "value",
        "source",
        "report__assignment__role",
        "report__submitted_at",
        "report__assignment__unit__name",
    )
    for target_id, day, value, source, role, submitted_at, unit in unit_values:
        key = (role == "lead", submitted_at.timestamp() if submitted_at else 0)
        if (target_id, day) not in rank or key > rank[(target_id, day)]:
            rank[(target_id, day)] = key
            chosen[target_id][day] = (value, f"{unit}报送" + (f"（{source}）" if source else ""))
    office = TargetReading.objects.filter(target_id__in=ids).order_by("id")
    for target_id, day, value, source in office.values_list(
        "target_id", "measured_on", "value", "source"
    ):
        chosen[target_id][day] = (value, source)
    return chosen
