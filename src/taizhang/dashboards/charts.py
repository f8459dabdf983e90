"""What the browser draws: the figures as plain data, embedded in the page with
json_script and turned into charts by static/taizhang/dashboard.js. Labels are in Chinese
here so the script only lays them out; colours match site.css."""

from __future__ import annotations

from taizhang.reporting.status import STATUS_LABELS
from taizhang.supervision.progress import Status as TargetStatus

from .figures import STATUS_ORDER, TARGET_ORDER, Figures

# site.css: --muted grey (.stat.not_started), --blue, --ok, --bad, --warn, --line.
STATUS_COLOURS = {
    "not_started": "#9aa3af",
    "in_progress": "#1d4f91",
    "done": "#1a7f37",
    "lagging": "#c0262d",
}
TARGET_COLOURS = {
    TargetStatus.OFF_TRACK: "#c0262d",
    TargetStatus.AT_RISK: "#b26b00",
    TargetStatus.ON_TRACK: "#1d4f91",
    TargetStatus.MET: "#1a7f37",
    TargetStatus.NO_DATA: "#d6dbe3",
}
# Fewer units than this fit on one chart; more are shown as the best and the last ten.
ONE_CHART_UNITS = 12
RANKED = 10


def chart_data(figures: Figures) -> dict:
    return {
        "chapters": _chapters(figures),
        "units": _units(figures),
        "counties": _counties(figures),
        "heatmap": _heatmap(figures),
        "trend": _trend(figures),
    }


def _chapters(figures: Figures) -> dict:
    return {
        "categories": [c.label for c in figures.chapters],
        "series": [
            {
                "name": STATUS_LABELS[s],
                "colour": STATUS_COLOURS[s],
                "data": [c.statuses[s] for c in figures.chapters],
            }
            for s in STATUS_ORDER
        ],
    }


def _unit_bars(units) -> list[dict]:
    return [{"name": u.name, "rate": u.completion_rate, "late": u.late} for u in units]


def _units(figures: Figures) -> dict:
    units = figures.units
    if len(units) <= ONE_CHART_UNITS:
        return {"top": _unit_bars(units), "bottom": []}
    return {
        "top": _unit_bars(units[:RANKED]),
        "bottom": _unit_bars(list(reversed(units[-RANKED:]))),
    }


def _counties(figures: Figures) -> dict:
    return {
        "names": [c.name for c in figures.counties],
        "rates": [c.completion_rate for c in figures.counties],
        "late": [c.late for c in figures.counties],
    }


def _heatmap(figures: Figures) -> dict | None:
    heatmap = figures.heatmap
    if not heatmap.rows or not heatmap.has_data:
        return None
    index = {status: i for i, status in enumerate(TARGET_ORDER)}
    columns = [f"{year}年" for year in heatmap.years]
    cells = [[row.by_year[year] for year in heatmap.years] for row in heatmap.rows]
    if heatmap.shows_today:
        columns.append("截至今日")
        for row, line in zip(heatmap.rows, cells, strict=True):
            line.append(row.status_now)
    points = [
        [x, y, index[status]]
        for y, line in enumerate(cells)
        for x, status in enumerate(line)
        if status is not None
    ]
    return {
        "years": columns,
        "targets": [row.label for row in heatmap.rows],
        "points": points,
        "statuses": [
            {"name": TargetStatus.LABELS[s], "colour": TARGET_COLOURS[s]} for s in TARGET_ORDER
        ],
    }


OPEN = "进行中"


def _trend(figures: Figures) -> dict:
    """Closed periods draw the rate lines; a period still open (its due date not passed)
    is left off them and drawn apart as a hollow point marked 进行中, at its share so far."""

    def closed(value, p):
        return None if p.open else value

    def so_far(value, p):
        return value if p.open else None

    trend = figures.trend
    return {
        "periods": [f"{p.period.name}（{OPEN}）" if p.open else p.period.name for p in trend],
        "onTime": [closed(p.on_time_rate, p) for p in trend],
        "done": [closed(p.done_rate, p) for p in trend],
        "openOnTime": [so_far(p.on_time_rate, p) for p in trend],
        "openDone": [so_far(p.done_rate, p) for p in trend],
        "openLabel": OPEN,
    }
