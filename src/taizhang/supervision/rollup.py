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
