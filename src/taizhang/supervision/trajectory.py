"""Where a target stands, as pure rules (no Django): the value expected today on its
trajectory, the latest actual value, the value projected at the deadline at the current
pace, and a status.

The rules, in order:
- no reading: ``off_track`` once the deadline has passed, else ``no_data``;
- the latest reading meets the target (comparator-aware) -> ``met``;
- the deadline has passed without meeting it -> ``off_track``;
- the latest reading is at or beyond the value expected today, or the projection meets
  the target -> ``on_track``;
- no projection is possible (one reading and no baseline) -> ``at_risk``;
- the projection falls short by no more than ``tolerance`` of the remaining gap ->
  ``at_risk``; further short (or moving the wrong way) -> ``off_track``.

A target is *decreasing* (下降到…, 控制在…以内) when its comparator is "<=", or when its
comparator is "=" and the baseline lies above the target value; everything else rises.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

MET = "met"
ON_TRACK = "on_track"
AT_RISK = "at_risk"
OFF_TRACK = "off_track"
NO_DATA = "no_data"

DEFAULT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Assessment:
    status: str
    expected_now: float | None
    latest: float | None
    latest_on: date | None
    projected: float | None
    reason: str = ""


def decreasing(comparator: str, baseline: float | None, target: float) -> bool:
    if comparator == "<=":
        return True
    return comparator == "=" and baseline is not None and baseline > target


def meets(value: float, target: float, falling: bool) -> bool:
    return value <= target if falling else value >= target


def interpolate(points: list[tuple[date, float]], day: date) -> float | None:
    """The value on ``day`` along straight lines between the points (sorted by date);
    None before the first point, the last value after the last point."""
    if not points or day < points[0][0]:
        return None
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if d0 <= day <= d1:
            span = (d1 - d0).days
            return v1 if span == 0 else v0 + (v1 - v0) * (day - d0).days / span
    return points[-1][1]


def trajectory_points(
    start: tuple[date, float] | None,
    target: float,
    deadline: date,
    milestones: list[tuple[int, float]] | None = None,
) -> list[tuple[date, float]]:
    """The line the target is expected to follow: from its start (the baseline, or the
    first reading when there is none) through the yearly milestones (each due on 31
    December of its year) to the target value at the deadline."""
    points: list[tuple[date, float]] = []
    if start is not None:
        points.append(start)
    for year, value in sorted(milestones or []):
        day = date(year, 12, 31)
        if day < deadline and (not points or day > points[-1][0]):
            points.append((day, value))
    if not points or deadline > points[-1][0]:
        points.append((deadline, target))
    return points


def project(
    start: tuple[date, float] | None, latest: tuple[date, float], deadline: date
) -> float | None:
    """The value at the deadline if it keeps moving as it did from ``start`` to the
    latest reading; None when there is no span to measure a pace over."""
    latest_on, latest_value = latest
    if latest_on >= deadline:
        return latest_value
    if start is None or start[0] >= latest_on:
        return None
    pace = (latest_value - start[1]) / (latest_on - start[0]).days
    return latest_value + pace * (deadline - latest_on).days


def assess(
    *,
    target: float,
    comparator: str,
    deadline: date,
    readings: list[tuple[date, float]],
    today: date,
    baseline: tuple[date | None, float] | None = None,
    milestones: list[tuple[int, float]] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Assessment:
    """The state of one target on ``today``, from the readings taken up to then.

    ``baseline`` is (date, value); a baseline without a date counts from the first
    reading's date, or from today when there is no reading."""
    readings = sorted((d, v) for d, v in readings if d <= today)
    base_value = baseline[1] if baseline is not None else None
    falling = decreasing(comparator, base_value, target)
    start = _start(baseline, readings, today)
    points = trajectory_points(start, target, deadline, milestones)
    expected = interpolate(points, today) if start is not None else None
    if not readings:
        if today > deadline:
            return Assessment(OFF_TRACK, expected, None, None, None, "期限已过，仍无实际值")
        return Assessment(NO_DATA, expected, None, None, None, "暂无实际值")
    latest_on, latest = readings[-1]
    projected = project(start, readings[-1], deadline)

    def result(status: str, reason: str) -> Assessment:
        return Assessment(status, expected, latest, latest_on, projected, reason)

    if meets(latest, target, falling):
        return result(MET, "最新实际值已达到目标")
    if today > deadline:
        return result(OFF_TRACK, "期限已过，未达到目标")
    if expected is not None and meets(latest, expected, falling):
        return result(ON_TRACK, "实际值不低于当前应达到的进度")
    if projected is not None and meets(projected, target, falling):
        return result(ON_TRACK, "按当前进度预计可按期达标")
    if projected is None:
        return result(AT_RISK, "仅有一次实际值且无基期值，无法测算趋势")
    gap = abs(target - latest)
    shortfall = abs(target - projected) if meets(projected, latest, falling) else None
    if shortfall is None:  # moving away from the target, or standing still
        shortfall = gap + abs(projected - latest)
    if shortfall <= tolerance * gap:
        return result(AT_RISK, "按当前进度预计略低于目标")
    return result(OFF_TRACK, "按当前进度预计无法按期达标")


def off_track_since(
    *,
    target: float,
    comparator: str,
    deadline: date,
    readings: list[tuple[date, float]],
    today: date,
    baseline: tuple[date | None, float] | None = None,
    milestones: list[tuple[int, float]] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> date | None:
    """The day the target turned off track and has stayed so up to ``today`` (None when
    it is not off track today). Its status can only change on a reading's date or the
    day after the deadline, so those are the days examined."""
    days = sorted({d for d, _ in readings if d <= today})
    if today > deadline:
        days = sorted({*(d for d in days if d <= deadline), deadline + timedelta(days=1)})
    days.append(today)
    since = None
    for day in reversed(days):
        state = assess(
            target=target,
            comparator=comparator,
            deadline=deadline,
            readings=readings,
            today=day,
            baseline=baseline,
            milestones=milestones,
            tolerance=tolerance,
        )
        if state.status != OFF_TRACK:
            break
        since = day
    return since


def _start(baseline, readings, today) -> tuple[date, float] | None:
    if baseline is not None:
        on, value = baseline
        if on is None:
            on = readings[0][0] if readings else today
        return (on, value)
    return readings[0] if readings else None


# -- per-capita targets -----------------------------------------------------------------

_MAGNITUDES = {"百万": 1_000_000, "十万": 100_000, "万": 10_000, "千": 1_000, "百": 100}
_PER = re.compile(r"^(?P<number>[0-9]+(?:\.[0-9]+)?)?(?P<words>[百十万千]*)")


def per_size(per: str) -> int | None:
    """How many people a per-capita denominator stands for: 万人 -> 10000, 十万人 ->
    100000, 10万人 -> 100000, 千名 -> 1000; None when it cannot be read."""
    found = _PER.match((per or "").strip())
    if not found or not (found["number"] or found["words"]):
        return None
    size = float(found["number"]) if found["number"] else 1.0
    words = found["words"]
    while words:
        for word, factor in _MAGNITUDES.items():
            if words.startswith(word):
                size *= factor
                words = words[len(word) :]
                break
        else:
            return None
    return round(size) if size >= 1 else None


def per_capita(count: float, population: int, size: int) -> float:
    """A count as a rate per ``size`` people: 230 lawyers in 1,000,000 people per 万人
    is 2.3."""
    return count / (population / size)
