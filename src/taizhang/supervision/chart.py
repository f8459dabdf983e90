"""The geometry of a small trajectory chart drawn as inline SVG: the expected line, the
readings, the projection to the deadline and the target level (no script, no assets)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 14, 30


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    expected: str = ""  # polyline points "x,y x,y"
    actual: str = ""
    projection: str = ""
    dots: list[tuple[float, float, str]] = field(default_factory=list)
    target_y: float | None = None
    today_x: float | None = None
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    plot: tuple[int, int, int, int] = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM)
    plot_w: int = WIDTH - RIGHT - LEFT
    plot_h: int = HEIGHT - BOTTOM - TOP


def build(
    expected: list[tuple[date, float]],
    readings: list[tuple[date, float]],
    target: float,
    deadline: date,
    today: date,
    projected: float | None,
) -> Chart | None:
    days = [d for d, _ in expected + readings] + [deadline]
    values = [v for _, v in expected + readings] + [target]
    if projected is not None:
        values.append(projected)
    if len(days) < 2:
        return None
    first, last = min(days), max([*days, min(today, deadline)])
    low, high = min([*values, 0]), max(values)
    if high == low:
        high = low + 1
    high += (high - low) * 0.08
    span = max((last - first).days, 1)
    x0, y0, x1, y1 = LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM

    def x(day: date) -> float:
        return round(x0 + (x1 - x0) * (day - first).days / span, 1)

    def y(value: float) -> float:
        return round(y1 - (y1 - y0) * (value - low) / (high - low), 1)

    def line(points) -> str:
        return " ".join(f"{x(d)},{y(v)}" for d, v in points)

    chart = Chart(expected=line(expected), actual=line(readings), target_y=y(target))
    chart.dots = [(x(d), y(v), f"{d:%Y-%m-%d}：{v:g}") for d, v in readings]
    if readings and projected is not None and readings[-1][0] < deadline:
        chart.projection = line([readings[-1], (deadline, projected)])
    if first <= today <= last:
        chart.today_x = x(today)
    step = (high - low) / 4
    chart.y_ticks = [(y(low + i * step), f"{low + i * step:.4g}") for i in range(5)]
    chart.x_ticks = [
        (x(date(year, 1, 1)), str(year))
        for year in range(first.year + 1, last.year + 1)
        if first < date(year, 1, 1) <= last
    ]
    return chart
