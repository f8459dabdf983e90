"""The task ledger (任务分工台账) of a parsed plan (the command line's export) as .xlsx.

One sheet, 任务台账: a merged title row, a header row, then one row per measure. Formatting
follows the conventions of Chinese office spreadsheets so that the file opens cleanly in
WPS and Excel and prints on A4 landscape: 宋体/仿宋, bold shaded header, thin borders,
wrapped text, frozen header, header rows repeated on every printed page.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from taizhang.documents import xlsx
from taizhang.parsing.attribution_text import collective_role
from taizhang.parsing.model import Chapter, Measure, PlanDocument, Section

SHEET_TITLE = "任务台账"
TITLE_SUFFIX = "任务分工台账"
NO_DEADLINE = "长期坚持"  # as the ledger pages say of a measure without a deadline
COLUMNS = (  # header, width in characters
    ("序号", 6),
    ("章", 18),
    ("节", 20),
    ("任务内容", 60),
    ("牵头单位", 22),
    ("责任单位", 30),
    ("目标", 24),
    ("完成时限", 12),
)
_CENTERED_COLUMNS = {1, 8}  # 序号, 完成时限


def write_plan_ledger(plan: PlanDocument, path_or_file: str | Path | BinaryIO) -> None:
    """Write the ledger of ``plan`` to a path or a binary file object."""

    def fill(workbook):
        sheet = xlsx.new_sheet(workbook, SHEET_TITLE)
        xlsx.write_title(sheet, f"{plan.title or ''}{TITLE_SUFFIX}", len(COLUMNS))
        xlsx.write_header(sheet, [header for header, _ in COLUMNS])
        for measure in plan.tasks:
            xlsx.write_body_row(sheet, ledger_row(plan, measure), _CENTERED_COLUMNS)
        xlsx.set_layout(sheet, [width for _, width in COLUMNS])

    content = xlsx.workbook_bytes(fill)
    if hasattr(path_or_file, "write"):
        path_or_file.write(content)
    else:
        Path(path_or_file).write_bytes(content)


def ledger_row(plan: PlanDocument, measure: Measure) -> list:
    """The cell values of one measure, in COLUMNS order."""
    lead, responsible = list(measure.lead), list(measure.responsible)
    for collective in measure.collectives:
        if _collective_is_lead(measure.attribution_raw or "", collective):
            lead.append(collective)
        else:
            responsible.append(collective)
    return [
        measure.no,
        chapter_label(plan.chapters, measure.chapter),
        section_label(plan.sections, measure.chapter, measure.section),
        measure.text,
        "、".join(lead),
        "、".join(responsible),
        "；".join(target.quote for target in measure.targets),
        measure.deadline or NO_DEADLINE,
    ]


def chapter_label(chapters: list[Chapter], no: str | None) -> str:
    chapter = next((c for c in chapters if c.no == no), None)
    if chapter is None:
        return no or ""
    return f"{chapter.no}、{chapter.title}"


def section_label(sections: list[Section], chapter: str | None, no: str | None) -> str:
    if no is None:
        return ""
    section = next((s for s in sections if s.no == no and s.chapter == chapter), None)
    section = section or next((s for s in sections if s.no == no), None)
    return f"（{no}）{section.title}" if section else f"（{no}）"


def _collective_is_lead(raw: str, collective: str) -> bool:
    return collective_role(raw, collective) == "lead"
