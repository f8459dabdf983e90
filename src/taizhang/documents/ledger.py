"""The ledger workbook offices keep in Excel: the standard six columns (序号 / 任务内容 /
牵头单位 / 责任单位 / 完成时限 / 进展情况), chapter and section heading rows between the
measures. The ledger app gives the rows as plain cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from taizhang.documents import xlsx

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
# A county's breakdown adds two columns after 完成时限 (plans.breakdown).
DETAILED_COLUMNS = (*COLUMNS[:5], ("工作进度安排", 30), ("可检验的成果形式", 30), COLUMNS[5])
HEADERS = [header for header, _ in COLUMNS]
_CENTERED = {1, 5}  # 序号, 完成时限


@dataclass(frozen=True)
class Heading:
    """A chapter or section heading row."""

    label: str


def ledger_workbook(
    title: str, items: Iterable[Heading | Sequence], columns: Sequence = COLUMNS, version=""
) -> bytes:
    """The workbook of ``items`` (headings and rows of one cell per column) under ``title``;
    ``columns``: COLUMNS, or DETAILED_COLUMNS for a plan with schedules and outcomes;
    ``version``: the plan's version in force, said after the title (第2版，…导入)."""

    def fill(workbook):
        sheet = xlsx.new_sheet(workbook, SHEET_TITLE)
        said = f"（{version}）" if version else ""
        xlsx.write_title(sheet, f"{title}{TITLE_SUFFIX}{said}", len(columns))
        xlsx.write_header(sheet, [header for header, _ in columns])
        for item in items:
            if isinstance(item, Heading):
                xlsx.write_group_row(sheet, item.label, len(columns))
            else:
                xlsx.write_body_row(sheet, item, _CENTERED)
        xlsx.set_layout(sheet, [width for _, width in columns])

    return xlsx.workbook_bytes(fill)
