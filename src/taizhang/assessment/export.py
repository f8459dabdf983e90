"""The ranking as an .xlsx workbook: one sheet for units and one for counties, a column
per indicator, the bonus/penalty total, the total, and the breakdown in words."""

from __future__ import annotations

from taizhang.assessment.results import Results
from taizhang.assessment.scoring import TIE_RULE, shared_ranks
from taizhang.documents import xlsx


def ranking_workbook(found: Results) -> bytes:

    def fill(workbook):
        _sheet(xlsx.new_sheet(workbook, "单位得分"), found, found.units, "单位")
        if found.counties:
            sheet = xlsx.new_sheet(workbook, "县(市、区)得分")
            _sheet(sheet, found, found.counties, "县(市、区)")

    return xlsx.workbook_bytes(fill)


def _sheet(sheet, found: Results, entries, subject: str) -> None:
    scheme = found.scheme
    indicators = found.indicators
    headers = (
        ["名次", subject]
        + [f"{i.name}（{i.weight:g}分）" for i in indicators]
        + ["加减分", "总分", "得分明细"]
    )
    state = "已发布" if found.published else "草稿，未发布"
    xlsx.write_title(sheet, f"{scheme.name}·{subject}得分排名（{state}）", len(headers))
    xlsx.write_header(sheet, headers)
    shared = shared_ranks(entry.rank for entry in entries)
    for entry in entries:
        cells = [None if p is None else round(p, 2) for p in entry.cells(indicators)]
        xlsx.write_body_row(
            sheet,
            [
                f"{entry.rank}（并列）" if entry.rank in shared else entry.rank,
                entry.name,
                *cells,
                round(entry.adjustment_points, 2),
                round(entry.total, 2),
                "\n".join(line["text"] for line in entry.lines),
            ],
            centered=range(1, len(headers)),
        )
    for indicator in indicators:
        xlsx.write_note(sheet, f"口径·{indicator.name}：{indicator.basis}", len(headers))
    xlsx.write_note(sheet, TIE_RULE, len(headers))
    xlsx.set_layout(sheet, [6, 22] + [12] * len(indicators) + [8, 9, 90])
