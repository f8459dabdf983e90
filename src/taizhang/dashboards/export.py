"""The dashboard's tables as one Excel workbook: a sheet per table, in the office look of
the ledger workbook (documents/xlsx.py), each with its 口径 underneath."""

from __future__ import annotations

from datetime import date

from taizhang.documents import xlsx

from .tables import Table

NARROW, WIDE = 10, 28


def workbook_bytes(plan, today: date, tables: list[Table]) -> bytes:
    """Each sheet's title says the plan's version in force (Plan.version), as the ledger
    export's does, and the day the figures stand at."""
    version = plan.version.label

    def fill(workbook):
        for table in tables:
            sheet = xlsx.new_sheet(workbook, table.title)
            columns = len(table.columns)
            title = f"{plan.title}·{table.title}（{version}；截至{today:%Y年%m月%d日}）"
            xlsx.write_title(sheet, title, columns)
            xlsx.write_header(sheet, table.columns)
            for row in table.rows:
                xlsx.write_body_row(sheet, [_cell(value) for value in row])
            for rule in table.rules:
                xlsx.write_note(sheet, f"口径：{rule}", columns)
            widths = [WIDE if _is_text_column(table, i) else NARROW for i in range(columns)]
            xlsx.set_layout(sheet, widths)

    return xlsx.workbook_bytes(fill)


def _cell(value):
    return value if isinstance(value, int | float) else str(value)


def _is_text_column(table: Table, index: int) -> bool:
    """Columns holding names or quotations get room; figures stay narrow."""
    return any(isinstance(row[index], str) and len(row[index]) > 6 for row in table.rows)
