"""The platform's ledger workbook: the standard six columns offices keep in Excel
(序号 / 任务内容 / 牵头单位 / 责任单位 / 完成时限 / 进展情况), chapter and section
heading rows, and the progress the lead unit last reported."""

from __future__ import annotations

from typing import BinaryIO

from openpyxl import Workbook

from taizhang.outputs import xlsx_style as style
from taizhang.plans.ledger_queries import Group, LedgerRow

SHEET_TITLE = "任务台账"
TITLE_SUFFIX = "任务分工台账"
COLUMNS = (  # header, width in characters
    ("序号", 6),
    ("任务内容", 62),
    ("牵头单位", 20),
    ("责任单位", 30),
    ("完成时限", 12),
    ("进展情况", 44),
)
HEADERS = [header for header, _ in COLUMNS]
_CENTERED = {1, 5}  # 序号, 完成时限


def progress_text(row: LedgerRow) -> str:
    """【status】 the lead unit's last sent narrative, and which period and state it is."""
    text = f"【{row.status_label}】"
    report = row.report
    if report is None:
        return text
    narrative = report.narrative.strip()
    return f"{text}{narrative}\n（{report.period.name}，{report.get_state_display()}）"


def row_values(row: LedgerRow) -> list:
    return [
        row.measure.number,
        row.measure.text,
        "、".join(row.lead),
        "、".join(row.responsible),
        row.deadline_label,
        progress_text(row),
    ]


def write_ledger(title: str, items: list[Group | LedgerRow], out: str | BinaryIO) -> None:
    """Write ``items`` (rows with their chapter and section headings) under ``title``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    style.write_title(sheet, f"{title}{TITLE_SUFFIX}", len(COLUMNS))
    style.write_header(sheet, HEADERS)
    for item in items:
        if isinstance(item, Group):
            style.write_group_row(sheet, item.label, len(COLUMNS))
        else:
            style.write_body_row(sheet, row_values(item), _CENTERED)
    style.set_layout(sheet, [width for _, width in COLUMNS])
    workbook.save(out)
