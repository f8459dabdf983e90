"""Roster workbooks for the tests, as an office fills in the template."""

from __future__ import annotations

import io

from openpyxl import Workbook

from taizhang.people.roster import COLUMNS


def roster_bytes(rows, header=COLUMNS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
