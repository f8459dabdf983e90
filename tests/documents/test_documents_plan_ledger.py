"""The task ledger workbook, read back with openpyxl."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from taizhang.documents.plan_ledger import write_plan_ledger
from taizhang.parsing.model import Chapter, Measure, PlanDocument, Section, Target

HEADER = ["序号", "章", "节", "任务内容", "牵头单位", "责任单位", "目标", "完成时限"]


def measure(no: int, **fields) -> Measure:
    values = {
        "chapter": "二",
        "section": "一",
        "title": None,
        "text": f"{no}.推进法治宣传教育。",
        "attribution_raw": None,
    }
    values.update(fields)
    return Measure(no=no, **values)


@pytest.fixture
def plan() -> PlanDocument:
    return PlanDocument(
        title="某县法治社会建设实施方案（2022—2025年）",
        chapters=[Chapter(no="一", title="总体要求"), Chapter(no="二", title="增强全社会法治观念")],
        sections=[
            Section(no="一", chapter="一", title="指导思想"),
            Section(no="一", chapter="二", title="维护宪法权威"),
        ],
        tasks=[
            measure(
                1,
                attribution_raw="牵头单位：县司法局；责任单位：县委宣传部、县有关部门，各乡镇",
                lead=["县司法局"],
                responsible=["县委宣传部"],
                collectives=["县有关部门", "各乡镇"],
                targets=[
                    Target(quote="覆盖率达到95%以上", value=95, unit="%", comparator=">="),
                    Target(quote="建成10个", value=10, unit="个"),
                ],
                deadline="2023年底前",
            ),
            measure(
                2,
                section=None,
                attribution_raw="县总工会、团县委等人民团体按职责分工分别负责",
                lead=["县总工会", "团县委"],
                collectives=["人民团体"],
            ),
        ],
    )


@pytest.fixture
def sheet(plan):
    buffer = io.BytesIO()
    write_plan_ledger(plan, buffer)
    buffer.seek(0)
    workbook = load_workbook(buffer)
    assert workbook.sheetnames == ["任务台账"]
    return workbook["任务台账"]


def row(sheet, number: int) -> list:
    return [cell.value for cell in sheet[number]]


def test_title_row_is_merged_across_all_columns(sheet):
    assert sheet["A1"].value == "某县法治社会建设实施方案（2022—2025年）任务分工台账"
    assert [str(merged) for merged in sheet.merged_cells.ranges] == ["A1:H1"]


def test_header_row(sheet):
    assert row(sheet, 2) == HEADER


def test_one_row_per_measure_with_labels_units_targets_and_deadline(sheet):
    assert row(sheet, 3) == [
        1,
        "二、增强全社会法治观念",
        "（一）维护宪法权威",
        "1.推进法治宣传教育。",
        "县司法局",
        "县委宣传部、县有关部门、各乡镇",
        "覆盖率达到95%以上；建成10个",
        "2023年底前",
    ]
    assert sheet.max_row == 4


def test_unlabelled_collective_stays_with_the_lead_units_and_no_deadline_means_ongoing(sheet):
    assert row(sheet, 4)[2:] == [
        None,
        "2.推进法治宣传教育。",
        "县总工会、团县委、人民团体",
        None,
        None,
        "长期坚持",
    ]


def test_header_is_frozen_and_repeated_on_printed_pages(sheet):
    assert sheet.freeze_panes == "A3"
    assert sheet.print_title_rows == "$1:$2"


def test_prints_on_a4_landscape_fitted_to_width(sheet):
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)


def test_office_fonts_borders_and_wrapping(sheet):
    header, body = sheet["A2"], sheet["D3"]
    assert (header.font.name, header.font.b) == ("宋体", True)
    assert header.fill.fgColor.rgb.endswith("D9E1F2")
    assert body.font.name == "仿宋"
    assert body.alignment.wrap_text
    assert body.border.left.style == "thin"


def test_task_column_is_wide_enough_to_read(sheet):
    assert sheet.column_dimensions["D"].width >= 50


def test_writes_to_a_path(plan, tmp_path):
    target = tmp_path / "ledger.xlsx"
    write_plan_ledger(plan, target)
    assert load_workbook(target)["任务台账"]["A3"].value == 1


def test_empty_plan_gives_title_and_header_only():
    buffer = io.BytesIO()
    write_plan_ledger(PlanDocument(), buffer)
    buffer.seek(0)
    sheet = load_workbook(buffer)["任务台账"]
    assert (sheet.max_row, sheet["A1"].value) == (2, "任务分工台账")
