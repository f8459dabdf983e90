"""An Excel .xlsx workbook -> text: each visible sheet's rows, one line per row.

Offices keep their 任务分工表 in Excel, so a plan may arrive as a workbook: a title row, a
header row (序号 / 任务内容 / 牵头单位 / 责任单位 / 完成时限), chapter rows merged across the
table, and one row per measure. Each row becomes one line, its cells joined as a Word
table's are (rows.row_line), so the parser reads both the same way. A merged cell's value
stands in its first cell, as Excel stores it. Values print as Excel shows them: a whole
number without ".0", a date as 2025年6月30日, a percentage cell as 90%; a formula gives the
value Excel saved with it.
"""

from __future__ import annotations

import datetime
import io
import zipfile

from taizhang.parsing.errors import InputError
from taizhang.parsing.readers.config import limit
from taizhang.parsing.readers.package import Package, check_package, open_package
from taizhang.parsing.readers.rows import row_line


def xlsx_to_text(data: bytes, name: str, package: Package | None = None) -> str:
    """``package``: the member list of ``data`` already read (reading.read_bytes read it to
    tell the kind); the limits are checked on it."""
    package = package or open_package(data)
    if package is None:
        raise InputError(
            f"{name} is not a real .xlsx file (it is not a ZIP archive); open it in WPS or "
            "Excel and save it again as .xlsx, or supply the plan as .txt.",
            reason="damaged",
        )
    check_package(package, name, "Excel workbook")
    # imported here: openpyxl takes about 0.2 s to import, which every process that parses
    # a plan (the CLI, each web worker, the tests) would pay for a format few uploads use
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError) as error:
        # SyntaxError: the XML parser's ParseError; KeyError: a part the workbook names is missing
        raise _damaged(name, error) from error
    try:
        return "\n".join(_lines(workbook, name))
    except InputError:
        raise
    except Exception as error:  # a damaged sheet can fail anywhere in the XML layer
        raise _damaged(name, error) from error
    finally:
        workbook.close()


def _lines(workbook, name: str) -> list[str]:
    budget = limit("xlsx_max_cells")
    lines: list[str] = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":  # hidden sheets hold lookups, not the plan
            continue
        for row in sheet.iter_rows():
            budget -= len(row)
            if budget < 0:
                raise InputError(
                    f"{name} has more than {limit('xlsx_max_cells'):,} cells, far more than "
                    "a task table; supply the sheet of the plan itself.",
                    reason="too_many_cells",
                )
            line = row_line([_shown(cell) for cell in row])
            if line is not None:
                lines.append(line)
        lines.append("")  # a sheet ends a table
    return lines


def _shown(cell) -> str:
    """The cell's value as Excel shows it."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, int | float):
        if "%" in (getattr(cell, "number_format", "") or ""):
            return f"{_number(value * 100)}%"
        return _number(value)
    return str(value)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else format(value, ".12g")


def _damaged(name: str, error: Exception) -> InputError:
    return InputError(
        f"{name} is a damaged Excel workbook ({type(error).__name__}); open it in WPS or "
        "Excel and save it again as .xlsx, or supply the plan as .txt.",
        reason="damaged",
    )
