"""The ranking as an .xlsx workbook: one sheet for units and one for counties, a column
per indicator, the bonus/penalty total, the total, and the breakdown in words."""

from __future__ import annotations

import io

from openpyxl import Workbook

from taizhang.assessment.results import Results
from taizhang.outputs.xlsx_style import set_layout, write_body_row, write_header, write_title


def ranking_workbook(found: Results) -> bytes:
    workbook = Workbook()
    units = workbook.active
    units.title = "单位得分"
    _sheet(units, found, found.units, "单位")
    if found.counties:
        _sheet(workbook.create_sheet("县(市、区)得分"), found, found.counties, "县(市、区)")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet(sheet, found: Results, entries, subject: str) -> None:
    scheme = found.scheme
    indicators = found.indicators
    headers = (
        ["名次", subject]
        + [f"{i.name}（{i.weight:g}分）" for i in indicators]
        + ["加减分", "总分", "得分明细"]
    )
    state = "已发布" if found.published else "草稿，未发布"
    write_title(sheet, f"{scheme.name}·{subject}得分排名（{state}）", len(headers))
    write_header(sheet, headers)
    for entry in entries:
        cells = [None if p is None else round(p, 2) for p in entry.cells(indicators)]
        write_body_row(
            sheet,
            [
                entry.rank,
                entry.name,
                *cells,
                round(entry.adjustment_points, 2),
                round(entry.total, 2),
                "\n".join(line["text"] for line in entry.lines),
            ],
            centered=range(1, len(headers)),
        )
    set_layout(sheet, [6, 22] + [12] * len(indicators) + [8, 9, 90])
