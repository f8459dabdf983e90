"""The dashboard's tables as one Excel workbook: a sheet per table, in the office look of
the ledger workbook (documents/xlsx.py)."""

from __future__ import annotations

from datetime import date

from taizhang.documents import xlsx

from .tables import Table

NARROW, WIDE = 10, 28


def workbook_bytes(plan_title: str, today: date, tables: list[Table]) -> bytes:

    def fill(workbook):
        for table in tables:
            sheet = xlsx.new_sheet(workbook, table.title)
            columns = len(table.columns)
            title = f"{plan_title}·{table.title}（截至{today:%Y年%m月%d日}）"
            xlsx.write_title(sheet, title, columns)
            xlsx.write_header(sheet, table.columns)
            for row in table.rows:
                xlsx.write_body_row(sheet, [_cell(value) for value in row])
            widths = [WIDE if _is_text_column(table, i) else NARROW for i in range(columns)]
            xlsx.set_layout(sheet, widths)

    return xlsx.workbook_bytes(fill)


def _cell(value):
    return value if isinstance(value, int | float) else str(value)


def _is_text_column(table: Table, index: int) -> bool:
    """Columns holding names or quotations get room; figures stay narrow."""
    return any(isinstance(row[index], str) and len(row[index]) > 6 for row in table.rows)
