"""The table behind each chart: the same numbers the chart draws, as rows of cells, for the
page (under each chart, and in place of the charts when JavaScript is off) and for the
Excel download."""

from __future__ import annotations

from dataclasses import dataclass

from taizhang.reporting.status import (
    COMPLETION_RULE,
    MISSING_RULE,
    ON_TIME_RULE,
    STATUS_LABELS,
    STATUS_RULE,
    UNIT_COMPLETION_RULE,
)
from taizhang.supervision.progress import Status as TargetStatus

from .figures import STATUS_ORDER, Figures


@dataclass(frozen=True)
class Badge:
    """A status cell: shown as a coloured badge, written as its label."""

    label: str
    css: str

    def __str__(self) -> str:
        return self.label


@dataclass
class Table:
    key: str  # anchor on the page, and the chart drawn from it
    title: str
    columns: list[str]
    rows: list[list]
    empty: str = "暂无数据"
    rules: tuple[str, ...] = ()  # 口径 of its figures, one line each under the table

    @property
    def labelled_rows(self) -> list[list[tuple[str, str, str]]]:
        """Each cell as (column name, text, badge class or ""): the template only unpacks
        strings (a large table renders fast), and the phone layout gets its data-label."""
        return [
            [
                (column, str(cell), cell.css if isinstance(cell, Badge) else "")
                for column, cell in zip(self.columns, row, strict=True)
            ]
            for row in self.rows
        ]


KEY_RULES = (COMPLETION_RULE, STATUS_RULE, MISSING_RULE)
UNIT_RULES = (UNIT_COMPLETION_RULE, MISSING_RULE)


def percent(value: float) -> str:
    return f"{value:g}%"


def key_table(figures: Figures) -> Table:
    key = figures.key
    rows = [["任务总数", key.measures], ["完成率", percent(key.completion_rate)]]
    rows += [[STATUS_LABELS[s], key.statuses[s]] for s in STATUS_ORDER]
    rows.append(["逾期未报（份）", key.late_reports])
    off_track = "暂无数据" if key.targets_off_track is None else key.targets_off_track
    rows.append(["目标指标", key.targets])
    rows.append(["目标进度滞后", off_track])
    return Table("key", "关键指标", ["指标", "数值"], rows, rules=KEY_RULES)


def chapter_table(figures: Figures) -> Table:
    columns = ["章节", "任务数", *(STATUS_LABELS[s] for s in STATUS_ORDER), "完成率"]
    rows = [
        [c.label, c.total, *(c.statuses[s] for s in STATUS_ORDER), percent(c.completion_rate)]
        for c in figures.chapters
    ]
    return Table("chapters", "按章节完成情况", columns, rows, rules=(STATUS_RULE, COMPLETION_RULE))


def unit_table(figures: Figures) -> Table:
    columns = [
        "排名",
        "单位",
        "所属地区",
        "承担任务",
        "其中牵头",
        "已完成",
        "滞后",
        "完成率",
        "逾期未报",
    ]
    rows = [
        [
            rank,
            u.name,
            u.area,
            u.assignments,
            u.leads,
            u.done,
            u.lagging,
            percent(u.completion_rate),
            u.late,
        ]
        for rank, u in enumerate(figures.units, start=1)
    ]
    return Table("units", "按责任单位完成情况", columns, rows, rules=UNIT_RULES)


def county_table(figures: Figures) -> Table:
    columns = ["县（市、区）", "单位数", "承担任务", "已完成", "滞后", "完成率", "逾期未报"]
    rows = [
        [c.name, c.units, c.assignments, c.done, c.lagging, percent(c.completion_rate), c.late]
        for c in figures.counties
    ]
    return Table(
        "counties",
        "按县（市、区）完成情况",
        columns,
        rows,
        empty="本方案暂无县级责任单位",
        rules=UNIT_RULES,
    )


def target_badge(status: str | None) -> Badge | str:
    if status is None:
        return "未到年度"
    return Badge(TargetStatus.LABELS[status], f"target-{status}")


def heatmap_table(figures: Figures) -> Table:
    heatmap = figures.heatmap
    columns = ["任务", "目标指标", "目标值", *(f"{year}年" for year in heatmap.years)]
    columns += ["当前状态", "最新值", "到期预计值"]
    rows = []
    for row in heatmap.rows:
        now = row.now
        rows.append(
            [
                f"任务{row.measure_number}" if row.measure_number else "总体目标",
                row.quote,
                row.goal,
                *(target_badge(row.by_year[year]) for year in heatmap.years),
                target_badge(row.status_now),
                _number(now.latest if now else None),
                _number(now.projected if now else None),
            ]
        )
    return Table("targets", "目标指标进度", columns, rows, empty="本方案暂无目标指标")


OPEN_RULE = (
    "进行中：截止日期未到的报送周期，仍在报送，只列截至今日的已报数，不计算比率，也不计入趋势线。"
)


def trend_table(figures: Figures) -> Table:
    columns = [
        "报送周期",
        "截止日期",
        "应报",
        "已报",
        "按时报送",
        "按时报送率",
        "已完成任务",
        "任务完成率",
    ]
    rows = [
        [
            f"{p.period.name}（进行中）" if p.open else p.period.name,
            p.period.due_on.isoformat(),
            p.expected,
            p.filed,
            p.on_time,
            Badge("进行中", "in_progress") if p.open else percent(p.on_time_rate),
            p.measures_done,
            Badge("进行中", "in_progress") if p.open else percent(p.done_rate),
        ]
        for p in figures.trend
    ]
    return Table(
        "trend",
        "各报送周期趋势",
        columns,
        rows,
        empty="暂无已开始的报送周期",
        rules=(ON_TIME_RULE, COMPLETION_RULE, OPEN_RULE),
    )


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def all_tables(figures: Figures) -> dict[str, Table]:
    tables = [
        key_table(figures),
        chapter_table(figures),
        unit_table(figures),
        county_table(figures),
        heatmap_table(figures),
        trend_table(figures),
    ]
    return {table.key: table for table in tables}
