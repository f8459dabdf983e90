"""The workbooks of the coverage matrix and of a comparison, through documents.xlsx."""

from __future__ import annotations

from taizhang.documents import xlsx
from taizhang.nesting.comparing import Result
from taizhang.plans.coverage import COVERAGE_RULE, Coverage

SCORE_NOTE = (
    "匹配得分：两项任务文本相似程度高出一般水平的标准差倍数，由系统按字符片段计算，仅供参考。"
)


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def coverage_bytes(matrix: Coverage) -> bytes:
    counties = [plan.region.name for plan in matrix.counties]
    headers = ["序号", "任务内容", *counties, "承接情况"]

    def fill(workbook):
        sheet = xlsx.new_sheet(workbook, "县级承接情况")
        # the version in force of the plan above, as the ledger export says it (Plan.version)
        title = f"{matrix.plan.title}县级承接情况（{matrix.plan.version.label}）"
        xlsx.write_title(sheet, title, len(headers))
        xlsx.write_header(sheet, headers)
        for row in matrix.rows:
            cells = ["、".join(f"第{n}项" for n in cell) or "—" for cell in row.cells]
            xlsx.write_body_row(
                sheet,
                [row.measure.number, _short(row.measure.text, 120), *cells, row.reach_label],
                centered=range(3, len(headers) + 1) if counties else (1,),
            )
        xlsx.write_note(sheet, f"口径：{COVERAGE_RULE}", len(headers))
        xlsx.set_layout(sheet, [6, 60, *[14] * len(counties), 14])

    return xlsx.workbook_bytes(fill)


def comparison_bytes(result: Result) -> bytes:
    left, right = result.left.title, result.right.title

    def fill(workbook):
        sheet = xlsx.new_sheet(workbook, "相同工作")
        headers = ["方案一序号", f"方案一：{left}", "方案二序号", f"方案二：{right}", "匹配得分"]
        xlsx.write_title(sheet, "两方案相同工作对照", len(headers))
        xlsx.write_header(sheet, headers)
        for pair in result.matches:
            xlsx.write_body_row(
                sheet,
                [
                    pair.left.number,
                    _short(pair.left.text, 120),
                    pair.right.number,
                    _short(pair.right.text, 120),
                    round(pair.score, 1),
                ],
                centered=(1, 3, 5),
            )
        xlsx.write_note(sheet, SCORE_NOTE, len(headers))
        xlsx.set_layout(sheet, [8, 50, 8, 50, 10])

        for title, plan_title, measures in (
            ("仅方案一有", left, result.only_left),
            ("仅方案二有", right, result.only_right),
        ):
            sheet = xlsx.new_sheet(workbook, title)
            xlsx.write_title(sheet, f"仅《{plan_title}》有的任务", 2)
            xlsx.write_header(sheet, ["序号", "任务内容"])
            for measure in measures:
                xlsx.write_body_row(sheet, [measure.number, measure.text], centered=(1,))
            xlsx.set_layout(sheet, [8, 100])

        sheet = xlsx.new_sheet(workbook, "牵头单位不同")
        headers = ["方案一序号", "方案一牵头单位", "方案二序号", "方案二牵头单位"]
        xlsx.write_title(sheet, "相同工作、牵头单位不同", len(headers))
        xlsx.write_header(sheet, headers)
        for pair in result.lead_differences:
            xlsx.write_body_row(
                sheet,
                [pair.left.number, pair.left_lead, pair.right.number, pair.right_lead],
                centered=(1, 3),
            )
        xlsx.set_layout(sheet, [10, 40, 10, 40])

        sheet = xlsx.new_sheet(workbook, "目标指标差异")
        headers = ["方案", "序号", "目标原文", "对方对应任务", "对方同类目标"]
        xlsx.write_title(sheet, "一方设定、另一方没有的目标指标", len(headers))
        xlsx.write_header(sheet, headers)
        for gap in result.target_gaps:
            counterparts = "、".join(f"第{m.number}项" for m in gap.counterparts) or "无对应任务"
            xlsx.write_body_row(
                sheet,
                [gap.side, gap.measure.number, gap.quote, counterparts, gap.other or "未设定"],
                centered=(2,),
            )
        xlsx.set_layout(sheet, [30, 8, 50, 20, 40])

    return xlsx.workbook_bytes(fill)
