"""The look of every ledger workbook Taizhang writes, shared by the parser's exporter and
the platform's: Chinese office conventions that open cleanly in WPS and Excel and print on
A4 landscape (宋体 title and header, 仿宋 body, shaded header, thin borders, wrapped text,
frozen header rows repeated on every printed page).

Pure openpyxl: no Django, so the command-line exporter can use it too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name="宋体", size=16, bold=True)
HEADER_FONT = Font(name="宋体", size=11, bold=True)
GROUP_FONT = Font(name="宋体", size=11, bold=True)
BODY_FONT = Font(name="仿宋", size=11)
HEADER_FILL = PatternFill(fill_type="solid", start_color="D9E1F2", end_color="D9E1F2")
GROUP_FILL = PatternFill(fill_type="solid", start_color="F2F2F2", end_color="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def write_title(sheet: Worksheet, title: str, columns: int) -> None:
    """A merged, centred title in the first row."""
    sheet.append([title])
    row = sheet.max_row
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell = sheet.cell(row=row, column=1)
    cell.font = TITLE_FONT
    cell.alignment = CENTER
    sheet.row_dimensions[row].height = 36


def write_header(sheet: Worksheet, headers: Sequence[str]) -> None:
    sheet.append(list(headers))
    for cell in sheet[sheet.max_row]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = CENTER
    sheet.row_dimensions[sheet.max_row].height = 24


def write_body_row(sheet: Worksheet, values: Sequence, centered: Iterable[int] = ()) -> None:
    """One data row; ``centered`` are 1-based column numbers (序号, 完成时限…)."""
    centered = set(centered)
    sheet.append(list(values))
    for column, cell in enumerate(sheet[sheet.max_row], start=1):
        cell.font = BODY_FONT
        cell.border = BORDER
        cell.alignment = CENTER if column in centered else LEFT


def write_group_row(sheet: Worksheet, label: str, columns: int) -> None:
    """A chapter or section heading merged across the table, as offices print them."""
    sheet.append([label])
    row = sheet.max_row
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    for column in range(1, columns + 1):
        cell = sheet.cell(row=row, column=column)
        cell.border = BORDER
        cell.fill = GROUP_FILL
    first = sheet.cell(row=row, column=1)
    first.font = GROUP_FONT
    first.alignment = LEFT


def set_layout(sheet: Worksheet, widths: Sequence[float], header_rows: int = 2) -> None:
    """Column widths, frozen header, and an A4 landscape page fitted to its width with the
    title and header rows repeated on every printed page."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{header_rows + 1}"
    sheet.print_title_rows = f"1:{header_rows}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
