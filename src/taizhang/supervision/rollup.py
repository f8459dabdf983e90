"""A parent measure as its counties carry it out: the statuses of the linked county
measures and their indicator values, aggregated by the arithmetic of ``taizhang.rollup``.

A county measure's status is ``reporting.status``'s rule on the county's own plan; its
indicator values are those ``supervision.progress`` reads (the office's readings over the
units' accepted values, per-capita figures already per head of the county's population);
a rate's weight is the base (denominator) the county entered with that reading.
A county target answers to a parent target when it measures the same thing: the same
unit and the same per-capita basis."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from taizhang import rollup
from taizhang.plans.models import Measure, MeasureLink, Target
from taizhang.reporting.status import STATUS_LABELS, measure_statuses
from taizhang.supervision.models import TargetReading
from taizhang.supervision.progress import inputs_of_targets


@dataclass
class CountyLine:
    county: str
    measure: Measure
    status: str
    values: dict[int, float] = field(default_factory=dict)  # parent target id -> value

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def value_of(self, target) -> float | None:
        return self.values.get(target.pk)


@dataclass
class TargetRollUp:
    target: Target
    result: rollup.RollUp
    parts: list[rollup.Part]


@dataclass
class MeasureRollUp:
    lines: list[CountyLine]
    status: str | None
    targets: list[TargetRollUp]
    status_rule: str = rollup.STATUS_RULE

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, "—") if self.status else "—"


def measure_rollup(parent: Measure, as_of: datetime.date) -> MeasureRollUp:
    """The roll-up of ``parent`` from its confirmed links, on ``as_of``."""
    links = MeasureLink.objects.filter(parent=parent, child__withdrawn=False).select_related(
        "child__plan__region"
    )
    children = {link.child_id: link.child for link in links}
    statuses = measure_statuses(Measure.objects.filter(pk__in=list(children)), as_of)
    lines = [
        CountyLine(child.plan.region.name, child, statuses[child.pk])
        for child in sorted(children.values(), key=lambda m: (m.plan.region_id, m.position))
    ]
    parent_targets = list(parent.targets.all())
    county_targets = list(
        Target.objects.filter(measure_id__in=list(children)).select_related("plan__region")
    )
    inputs = inputs_of_targets(county_targets)
    bases = _bases(county_targets)
    by_line = {line.measure.pk: line for line in lines}
    parts: dict[int, list[rollup.Part]] = {t.pk: [] for t in parent_targets}
    for target in parent_targets:
        for county_target in county_targets:
            if not _same_metric(target, county_target):
                continue
            readings = inputs[county_target.pk].readings
            if not readings:
                continue
            day, value = readings[-1]
            line = by_line[county_target.measure_id]
            line.values[target.pk] = value
            region = county_target.plan.region
            parts[target.pk].append(
                rollup.Part(
                    region.name,
                    value,
                    denominator=bases.get((county_target.pk, day)),
                    population=region.population,
                )
            )
    rolled = [
        TargetRollUp(
            target,
            rollup.roll_up(rollup.kind_of(target.unit, target.per), parts[target.pk]),
            parts[target.pk],
        )
        for target in parent_targets
    ]
    return MeasureRollUp(lines, rollup.rolled_status(s.status for s in lines), rolled)


def _bases(targets) -> dict[tuple[int, datetime.date], float]:
    """(target id, day) -> the base the county reported with that day's value (a rate's
    denominator, entered with the reading)."""
    rows = TargetReading.objects.filter(
        target_id__in=[t.pk for t in targets], denominator__isnull=False
    ).values_list("target_id", "measured_on", "denominator")
    return {(target_id, day): base for target_id, day, base in rows}


def _same_metric(parent: Target, child: Target) -> bool:
    return parent.unit.strip() == child.unit.strip() and parent.per.strip() == child.per.strip()


PLAN_RULE = (
    "县级汇总只计已确认对应的县级任务（系统建议而未确认的不计）；"
    "一项任务对应的县级任务全部已完成为“已完成”，任一滞后为“滞后”，"
    "任一已推进或完成为“推进中”，否则为“未启动”；没有县级任务对应的，列为“无县级对应”。"
)


@dataclass
class PlanRollUpRow:
    measure: Measure
    own_status: str  # the parent's own reports, as reporting.status gives it
    status: str | None  # rolled up from the linked county measures (None: none linked)
    counties: list[str]

    @property
    def own_label(self) -> str:
        return STATUS_LABELS[self.own_status]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status] if self.status else "无县级对应"


@dataclass
class PlanRollUp:
    rows: list[PlanRollUpRow]
    rule: str = PLAN_RULE

    def counts(self) -> list[tuple[str, str, int]]:
        """(status, label, how many parent measures) in the order of STATUS_LABELS, then
        the measures no county measure answers to."""
        seen: dict[str | None, int] = {}
        for row in self.rows:
            seen[row.status] = seen.get(row.status, 0) + 1
        counts = [(s, label, seen.get(s, 0)) for s, label in STATUS_LABELS.items()]
        return [*counts, ("none", "无县级对应", seen.get(None, 0))]

    @property
    def linked(self) -> int:
        return sum(1 for row in self.rows if row.status is not None)


def plan_rollup(plan, as_of: datetime.date) -> PlanRollUp:
    """Every live measure of ``plan`` with its own status and the status rolled up from
    its counties' linked measures, in four queries whatever the plan's size."""
    parents = Measure.objects.filter(plan=plan, withdrawn=False)
    own = measure_statuses(parents, as_of)
    links = list(
        MeasureLink.objects.filter(
            parent__plan=plan, child__withdrawn=False, child__plan__archived_at__isnull=True
        ).values_list("parent_id", "child_id", "child__plan__region__name")
    )
    children = measure_statuses(Measure.objects.filter(pk__in={c for _, c, _ in links}), as_of)
    by_parent: dict[int, list[tuple[str, str]]] = {}
    for parent_id, child_id, county in links:
        by_parent.setdefault(parent_id, []).append((county, children[child_id]))
    rows = []
    for measure in parents.order_by("position"):
        lines = by_parent.get(measure.pk, [])
        rows.append(
            PlanRollUpRow(
                measure,
                own[measure.pk],
                rollup.rolled_status(status for _, status in lines),
                sorted({county for county, _ in lines}),
            )
        )
    return PlanRollUp(rows)
