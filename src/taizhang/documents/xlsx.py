"""Every .xlsx Taizhang writes: the office look and the one way a cell gets its value.

The look follows Chinese office conventions so files open cleanly in WPS and Excel and print
on A4 landscape: 宋体 title and header, 仿宋 body, shaded header, thin borders, wrapped text,
frozen header rows repeated on every printed page.

Cells: text written from anybody's input (a report, a survey answer, a unit's name) is
always stored as text, never as a formula: "=HYPERLINK(…)" typed into an anonymous survey
opens in Excel as those characters, not as a link (OWASP "CSV/formula injection"). Control
characters, which the file format cannot hold (openpyxl raises IllegalCharacterError), are
dropped. Numbers stay numbers. Every sheet of every export is written through `put` (or
the row helpers built on it), so no export can forget either rule.

Pure openpyxl: no Django, so the command-line exporter uses it too."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# openpyxl is imported when a workbook is first written, not with this module: every page
# module that offers an export imports it, so the URLconf (and every process that loads
# it: a worker, load_demo) would otherwise pay a quarter of a second for it at start.

NUMBER_TYPES = (int, float)
STYLES = (
    "THIN",
    "BORDER",
    "TITLE_FONT",
    "HEADER_FONT",
    "GROUP_FONT",
    "BODY_FONT",
    "NOTE_FONT",
    "HEADER_FILL",
    "GROUP_FILL",
    "CENTER",
    "LEFT",
)


@cache
def _styles() -> SimpleNamespace:
    """The office look, made once."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="000000")
    return SimpleNamespace(
        THIN=thin,
        BORDER=Border(left=thin, right=thin, top=thin, bottom=thin),
        TITLE_FONT=Font(name="宋体", size=16, bold=True),
        HEADER_FONT=Font(name="宋体", size=11, bold=True),
        GROUP_FONT=Font(name="宋体", size=11, bold=True),
        BODY_FONT=Font(name="仿宋", size=11),
        NOTE_FONT=Font(name="仿宋", size=10),
        HEADER_FILL=PatternFill(fill_type="solid", start_color="D9E1F2", end_color="D9E1F2"),
        GROUP_FILL=PatternFill(fill_type="solid", start_color="F2F2F2", end_color="F2F2F2"),
        CENTER=Alignment(horizontal="center", vertical="center", wrap_text=True),
        LEFT=Alignment(horizontal="left", vertical="center", wrap_text=True),
    )


def __getattr__(name: str):
    """The style constants (xlsx.BORDER, xlsx.BODY_FONT…), made on first use."""
    if name in STYLES:
        return getattr(_styles(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def clean_text(value: str) -> str:
    """Text as a cell can hold it: without the control characters the format forbids."""
    return _illegal_characters().sub("", value)


@cache
def _illegal_characters():
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE


def put(sheet: Worksheet, row: int, column: int, value):
    """Write one cell: numbers as numbers, empty as empty, everything else as plain text."""
    cell = sheet.cell(row=row, column=column)
    if value is None or (isinstance(value, NUMBER_TYPES) and not isinstance(value, bool)):
        cell.value = value
        return cell
    text = clean_text(str(value))
    cell.value = text
    # Assigning text that starts with "=" makes openpyxl store a formula; say it is text,
    # and mark it so that editing the cell in Excel or WPS keeps it text.
    cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True
    return cell


def append(sheet: Worksheet, values: Sequence) -> int:
    """Write ``values`` as the next row (through `put`); its row number."""
    sheet.append([None] * max(len(values), 1))  # openpyxl's own idea of the next row
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        put(sheet, row, column, value)
    return row


def write_title(sheet: Worksheet, title: str, columns: int) -> None:
    """A merged, centred title in the first row."""
    style = _styles()
    row = append(sheet, [title])
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell = sheet.cell(row=row, column=1)
    cell.font = style.TITLE_FONT
    cell.alignment = style.CENTER
    sheet.row_dimensions[row].height = 36


def write_header(sheet: Worksheet, headers: Sequence[str]) -> None:
    style = _styles()
    row = append(sheet, list(headers))
    for cell in sheet[row]:
        cell.font = style.HEADER_FONT
        cell.fill = style.HEADER_FILL
        cell.border = style.BORDER
        cell.alignment = style.CENTER
    sheet.row_dimensions[row].height = 24


def write_body_row(sheet: Worksheet, values: Sequence, centered: Iterable[int] = ()) -> None:
    """One data row; ``centered`` are 1-based column numbers (序号, 完成时限…)."""
    style = _styles()
    centered = set(centered)
    row = append(sheet, values)
    for column, cell in enumerate(sheet[row], start=1):
        cell.font = style.BODY_FONT
        cell.border = style.BORDER
        cell.alignment = style.CENTER if column in centered else style.LEFT


def write_group_row(sheet: Worksheet, label: str, columns: int) -> None:
    """A chapter or section heading merged across the table, as offices print them."""
    style = _styles()
    row = append(sheet, [label])
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    for column in range(1, columns + 1):
        cell = sheet.cell(row=row, column=column)
        cell.border = style.BORDER
        cell.fill = style.GROUP_FILL
    first = sheet.cell(row=row, column=1)
    first.font = style.GROUP_FONT
    first.alignment = style.LEFT


def write_note(sheet: Worksheet, text: str, columns: int) -> None:
    """A line of small print under a table (a figure's 口径), merged across it."""
    style = _styles()
    row = append(sheet, [text])
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    first = sheet.cell(row=row, column=1)
    first.font = style.NOTE_FONT
    first.alignment = style.LEFT
    sheet.row_dimensions[row].height = 30


def set_layout(sheet: Worksheet, widths: Sequence[float], header_rows: int = 2) -> None:
    """Column widths, frozen header, and an A4 landscape page fitted to its width with the
    title and header rows repeated on every printed page."""
    from openpyxl.utils import get_column_letter

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


def workbook_bytes(fill: Callable[[Workbook], None]) -> bytes:
    """A new workbook (its first sheet removed), filled by ``fill``, as file content."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    fill(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def new_sheet(workbook: Workbook, title: str) -> Worksheet:
    """A sheet named ``title`` (Excel allows 31 characters and no []:*?/\\)."""
    name = "".join(ch for ch in clean_text(title) if ch not in "[]:*?/\\")[:31] or "Sheet"
    return workbook.create_sheet(name)
