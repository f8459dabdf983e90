"""The ledger as the office's workbook: each row's six cells (序号 / 任务内容 / 牵头单位 /
责任单位 / 完成时限 / 进展情况) with the chapter and section headings between them."""

from __future__ import annotations

from taizhang.documents.ledger import Heading, ledger_workbook
from taizhang.ledger.queries import Group, LedgerRow


def progress_text(row: LedgerRow) -> str:
    """【status】 the lead unit's last sent narrative, and which period and state it is."""
    text = f"【{row.status_label}】"
    report = row.report
    if report is None:
        return text
    narrative = report.narrative.strip()
    return f"{text}{narrative}\n（{report.period_name}，{report.get_state_display()}）"


def row_cells(row: LedgerRow) -> list:
    return [
        row.measure.number,
        row.measure.text,
        "、".join(row.lead),
        "、".join(row.responsible),
        row.deadline_label,
        progress_text(row),
    ]


def ledger_bytes(title: str, items: list[Group | LedgerRow]) -> bytes:
    return ledger_workbook(
        title,
        (Heading(item.label) if isinstance(item, Group) else row_cells(item) for item in items),
    )
