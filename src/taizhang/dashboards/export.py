"""The dashboard's tables as one Excel workbook: a sheet per table, in the office look of
the ledger workbook (outputs/xlsx_style.py)."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook

from taizhang.outputs.xlsx_style import set_layout, write_body_row, write_header, write_title

from .tables import Table

NARROW, WIDE = 10, 28


def workbook_bytes(plan_title: str, today: date, tables: list[Table]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(table.title[:31])
        columns = len(table.columns)
        write_title(sheet, f"{plan_title}·{table.title}（截至{today:%Y年%m月%d日}）", columns)
        write_header(sheet, table.columns)
        for row in table.rows:
            write_body_row(sheet, [_cell(value) for value in row])
        widths = [WIDE if _is_text_column(table, i) else NARROW for i in range(columns)]
        set_layout(sheet, widths)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value):
    return value if isinstance(value, int | float) else str(value)


def _is_text_column(table: Table, index: int) -> bool:
    """Columns holding names or quotations get room; figures stay narrow."""
    return any(isinstance(row[index], str) and len(row[index]) > 6 for row in table.rows)
