"""Excel task tables built in the tests, as offices keep them."""

from __future__ import annotations

import datetime
import io

from openpyxl import Workbook

HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"]


def task_table(*rows, title="某市2024年优化营商环境重点任务分工表", hidden=()) -> bytes:
    """A workbook as offices keep one: a merged title row, the header, then ``rows``; a row
    of one string is a chapter row merged across the table. ``hidden``: rows of a hidden
    sheet (a lookup list)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "分工表"
    sheet.append([title])
    sheet.merge_cells("A1:E1")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row) if not isinstance(row, str) else [row])
        if isinstance(row, str):
            sheet.merge_cells(f"A{sheet.max_row}:E{sheet.max_row}")
    if hidden:
        lookup = workbook.create_sheet("字典")
        for row in hidden:
            lookup.append(list(row))
        lookup.sheet_state = "hidden"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


ROWS = (
    "一、提升政务服务效能",
    (
        1,
        "推行政务服务事项网上办理，实现90%以上事项全程网办。",
        "市政务服务局",
        "市发展改革委、市司法局",
        datetime.datetime(2024, 6, 30),
    ),
    (2, "开展企业开办“一件事”改革，压缩开办时间。", "市市场监管局", None, "2024年底前"),
    "二、优化要素保障",
    (
        3.0,
        "健全重点企业用工服务机制，\n全年帮助企业招聘5000人以上。",
        "市人社局",
        "市财政局",
        "长期坚持",
    ),
)
