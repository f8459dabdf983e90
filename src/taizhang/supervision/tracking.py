"""The write path of target tracking: baseline, deadline and trajectory, yearly
milestones, and the office's readings. Every change is audited on the tracking settings or
the reading it changes."""

from __future__ import annotations

import math
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.audit.log import record
from taizhang.supervision.models import AuditAction, Milestone, TargetReading, TargetTracking


def _finite(value: float | None, label: str) -> None:
    if value is not None and not math.isfinite(value):
        raise ValidationError(f"{label}不是有效的数值。")


@transaction.atomic
def save_tracking(
    target,
    actor,
    *,
    baseline: float | None,
    baseline_on: date | None,
    deadline: date | None,
    trajectory: str,
    milestones: dict[int, float],
) -> TargetTracking:
    """Replace the target's tracking settings and its milestones in one go."""
    _finite(baseline, "基期值")
    if trajectory not in TargetTracking.Trajectory.values:
        raise ValidationError("请选择推进方式。")
    if baseline_on and deadline and baseline_on >= deadline:
        raise ValidationError("基期日期应早于目标期限。")
    if trajectory == TargetTracking.Trajectory.MILESTONES and not milestones:
        raise ValidationError("按年度节点推进时，请至少填写一个年度节点值。")
    for year, value in milestones.items():
        _finite(value, f"{year}年节点值")
        if deadline and year > deadline.year:
            raise ValidationError(f"{year}年节点晚于目标期限。")
    tracking, _ = TargetTracking.objects.select_for_update().get_or_create(target=target)
    before = _fields(tracking, _milestones(target))
    tracking.baseline, tracking.baseline_on = baseline, baseline_on
    tracking.deadline, tracking.trajectory = deadline, trajectory
    tracking.save()
    Milestone.objects.filter(target=target).exclude(year__in=list(milestones)).delete()
    for year, value in milestones.items():
        Milestone.objects.update_or_create(target=target, year=year, defaults={"value": value})
    after = _fields(tracking, milestones)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if changes:
        record(actor, AuditAction.UPDATE, tracking, changes, organisation=_organisation(target))
    return tracking


@transaction.atomic
def add_reading(
    target, actor, measured_on: date, value: float, source: str, denominator: float | None = None
) -> TargetReading:
    _finite(value, "实际值")
    if denominator is not None:
        _finite(denominator, "基数（分母）")
        if denominator <= 0:
            raise ValidationError("基数（分母）应大于0；不清楚时请留空。")
    source = (source or "").strip()
    if not source:
        raise ValidationError("请填写数据来源。")
    if len(source) > 200:
        raise ValidationError("数据来源不能超过200个字。")
    reading = TargetReading.objects.create(
        target=target,
        measured_on=measured_on,
        value=value,
        denominator=denominator,
        source=source,
        recorded_by=actor,
    )
    changes = {"measured_on": measured_on.isoformat(), "value": value, "source": source}
    if denominator is not None:
        changes["denominator"] = denominator
    organisation = _organisation(target)
    record(actor, AuditAction.ADD_READING, reading, changes, organisation=organisation)
    return reading


@transaction.atomic
def delete_reading(reading: TargetReading, actor) -> None:
    changes = {
        "measured_on": reading.measured_on.isoformat(),
        "value": reading.value,
        "source": reading.source,
    }
    organisation = _organisation(reading.target)
    record(actor, AuditAction.DELETE_READING, reading, changes, organisation=organisation)
    reading.delete()


def _organisation(target) -> int:
    return target.plan.organisation_id


def _milestones(target) -> dict[int, float]:
    return dict(Milestone.objects.filter(target=target).values_list("year", "value"))


def _fields(tracking: TargetTracking, milestones: dict[int, float]) -> dict:
    return {
        "baseline": tracking.baseline,
        "baseline_on": tracking.baseline_on.isoformat() if tracking.baseline_on else None,
        "deadline": tracking.deadline.isoformat() if tracking.deadline else None,
        "trajectory": tracking.trajectory,
        "milestones": {f"{y}年": v for y, v in sorted(milestones.items())},
    }
