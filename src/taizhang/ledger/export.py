"""The ledger as the office's workbook: each row's six cells (序号 / 任务内容 / 牵头单位 /
责任单位 / 完成时限 / 进展情况) with the chapter and section headings between them."""

from __future__ import annotations

from taizhang.documents.ledger import COLUMNS, DETAILED_COLUMNS, Heading, ledger_workbook
from taizhang.ledger.queries import Group, LedgerRow


def progress_text(row: LedgerRow) -> str:
    """【status】 the lead unit's last sent narrative, and which period and state it is."""
    text = f"【{row.status_label}】"
    report = row.report
    if report is None:
        return text
    narrative = report.narrative.strip()
    return f"{text}{narrative}\n（{report.period_name}，{report.get_state_display()}）"


def row_cells(row: LedgerRow, detailed: bool = False) -> list:
    cells = [
        row.measure.number,
        row.measure.text,
        "、".join(row.lead),
        "、".join(row.responsible),
        row.deadline_label,
    ]
    if detailed:
        cells += [row.measure.schedule, row.measure.outcome]
    return [*cells, progress_text(row)]


def ledger_bytes(plan, items: list[Group | LedgerRow]) -> bytes:
    """The workbook, its title saying the plan's version in force (Plan.version); with
    工作进度安排 and 可检验的成果形式 when a measure has them."""
    rows = [item for item in items if not isinstance(item, Group)]
    detailed = any(row.measure.schedule or row.measure.outcome for row in rows)
    return ledger_workbook(
        plan.title,
        (
            Heading(item.label) if isinstance(item, Group) else row_cells(item, detailed)
            for item in items
        ),
        DETAILED_COLUMNS if detailed else COLUMNS,
        plan.version.label,
    )
