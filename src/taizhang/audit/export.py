"""The filtered audit log as an Excel workbook, for filing or for an inspection."""

from __future__ import annotations

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from taizhang.audit.display import action_label, change_lines, object_type_label

COLUMNS = [
    ("序号", 6),
    ("时间", 20),
    ("操作人", 22),
    ("操作", 14),
    ("对象类型", 12),
    ("对象", 30),
    ("变更内容", 60),
    ("原因", 30),
]


def workbook_bytes(entries, title: str = "操作日志") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "操作日志"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([name for name, _ in COLUMNS])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for index, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, entry in enumerate(entries.iterator(chunk_size=500), start=1):
        sheet.append(
            [
                number,
                timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
                str(entry.actor) if entry.actor else "系统",
                action_label(entry.action),
                object_type_label(entry.object_type),
                entry.object_label,
                "\n".join(change_lines(entry.action, entry.changes)),
                entry.reason,
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
