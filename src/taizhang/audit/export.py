"""The filtered audit log as an Excel workbook, for filing or for an inspection."""

from __future__ import annotations

from django.utils import timezone

from taizhang.audit.display import action_label, change_lines, object_type_label
from taizhang.documents import xlsx

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
    def fill(workbook):
        sheet = xlsx.new_sheet(workbook, "操作日志")
        xlsx.write_title(sheet, title, len(COLUMNS))
        xlsx.write_header(sheet, [name for name, _ in COLUMNS])
        for number, entry in enumerate(entries.iterator(chunk_size=500), start=1):
            xlsx.write_body_row(
                sheet,
                [
                    number,
                    timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
                    str(entry.actor) if entry.actor else "系统",
                    action_label(entry.action),
                    object_type_label(entry.object_type),
                    entry.object_label,
                    "\n".join(change_lines(entry.action, entry.changes, entry.object_type)),
                    entry.reason,
                ],
                centered=(1,),
            )
        xlsx.set_layout(sheet, [width for _, width in COLUMNS])

    return xlsx.workbook_bytes(fill)
