"""The task ledger (任务分工台账) of one plan as an .xlsx workbook.

One sheet, 任务台账: a merged title row, a header row, then one row per measure. Formatting
follows the conventions of Chinese office spreadsheets so that the file opens cleanly in
WPS and Excel and prints on A4 landscape: 宋体/仿宋, bold shaded header, thin borders,
wrapped text, frozen header, header rows repeated on every printed page.
"""

from __future__ import annotations

from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from taizhang.parsing.attribution_text import collective_role
from taizhang.parsing.model import Chapter, Measure, PlanDocument, Section

SHEET_TITLE = "任务台账"
TITLE_SUFFIX = "任务分工台账"
NO_DEADLINE = "长期坚持"
COLUMNS = (  # header, width in characters
    ("序号", 6),
    ("章", 18),
    ("节", 20),
    ("任务内容", 60),
    ("牵头单位", 22),
    ("责任单位", 30),
    ("目标", 24),
    ("完成时限", 12),
)

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TITLE_FONT = Font(name="宋体", size=16, bold=True)
_HEADER_FONT = Font(name="宋体", size=11, bold=True)
_BODY_FONT = Font(name="仿宋", size=11)
_HEADER_FILL = PatternFill(fill_type="solid", start_color="D9E1F2", end_color="D9E1F2")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_CENTERED_COLUMNS = {1, 8}  # 序号, 完成时限


def write_plan_ledger(plan: PlanDocument, path_or_file: str | BinaryIO) -> None:
    """Write the ledger of ``plan`` to a path or a binary file object."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    _write_title(sheet, plan)
    _write_header(sheet)
    for measure in plan.tasks:
        _write_row(sheet, ledger_row(plan, measure))
    _set_layout(sheet)
    workbook.save(path_or_file)


def ledger_row(plan: PlanDocument, measure: Measure) -> list:
    """The cell values of one measure, in COLUMNS order."""
    lead, responsible = list(measure.lead), list(measure.responsible)
    for collective in measure.collectives:
        if _collective_is_lead(measure.attribution_raw or "", collective):
            lead.append(collective)
        else:
            responsible.append(collective)
    return [
        measure.no,
        chapter_label(plan.chapters, measure.chapter),
        section_label(plan.sections, measure.chapter, measure.section),
        measure.text,
        "、".join(lead),
        "、".join(responsible),
        "；".join(target.quote for target in measure.targets),
        measure.deadline or NO_DEADLINE,
    ]


def chapter_label(chapters: list[Chapter], no: str | None) -> str:
    chapter = next((c for c in chapters if c.no == no), None)
    if chapter is None:
        return no or ""
    return f"{chapter.no}、{chapter.title}"


def section_label(sections: list[Section], chapter: str | None, no: str | None) -> str:
    if no is None:
        return ""
    section = next((s for s in sections if s.no == no and s.chapter == chapter), None)
    section = section or next((s for s in sections if s.no == no), None)
    return f"（{no}）{section.title}" if section else f"（{no}）"


def _collective_is_lead(raw: str, collective: str) -> bool:
    return collective_role(raw, collective) == "lead"


def _write_title(sheet: Worksheet, plan: PlanDocument) -> None:
    title = f"{plan.title or ''}{TITLE_SUFFIX}"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    cell = sheet.cell(row=1, column=1)
    cell.font = _TITLE_FONT
    cell.alignment = _CENTER
    sheet.row_dimensions[1].height = 36


def _write_header(sheet: Worksheet) -> None:
    sheet.append([header for header, _ in COLUMNS])
    for cell in sheet[2]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = _CENTER
    sheet.row_dimensions[2].height = 24


def _write_row(sheet: Worksheet, values: list) -> None:
    sheet.append(values)
    for column, cell in enumerate(sheet[sheet.max_row], start=1):
        cell.font = _BODY_FONT
        cell.border = _BORDER
        cell.alignment = _CENTER if column in _CENTERED_COLUMNS else _LEFT


def _set_layout(sheet: Worksheet) -> None:
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "1:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
