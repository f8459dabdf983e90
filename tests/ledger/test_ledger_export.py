"""The ledger export (.xlsx), read back with openpyxl and compared with the database."""

from __future__ import annotations

import datetime
import io
from urllib.parse import quote

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from taizhang.plans.models import MeasureCollective
from tests import factories as f

pytestmark = pytest.mark.django_db

HEADER = ["序号", "任务内容", "牵头单位", "责任单位", "完成时限", "进展情况"]
BEFORE_DEADLINES = datetime.datetime(2025, 6, 1, 10, tzinfo=datetime.UTC)


def export(client, user, plan, **query):
    client.force_login(user)
    return client.get(reverse("ledger:export", kwargs={"plan_id": plan.pk}), query)


def sheet_of(response):
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["任务台账"]
    return workbook["任务台账"]


def measure_rows(sheet) -> list[list]:
    """Rows that hold a measure (序号 is a number), skipping title, header and headings."""
    rows = sheet.iter_rows(min_row=3, values_only=True)
    return [list(row) for row in rows if isinstance(row[0], int)]


def test_served_as_xlsx_with_a_chinese_file_name(client, world):
    response = export(client, world.people["office"], world.plan)
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="ledger-')
    assert f"filename*=UTF-8''{quote(world.plan.title + '任务分工台账')}" in disposition


def test_title_and_standard_header(client, world):
    sheet = sheet_of(export(client, world.people["office"], world.plan))
    # the version in force, as the ledger's subtitle says it (Plan.version)
    assert sheet["A1"].value == f"{world.plan.title}任务分工台账（{world.plan.version.label}）"
    assert [cell.value for cell in sheet[2]] == HEADER


@time_machine.travel(BEFORE_DEADLINES)
def test_rows_match_the_database(client, world):
    collective = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    MeasureCollective.objects.create(measure=world.first, collective=collective, role="responsible")
    lead = world.first.assignments.get(role="lead")
    f.ReportFactory(
        assignment=lead, period=world.period, state="accepted", status="in_progress",
        narrative="已印发工作方案。",
    )  # fmt: skip
    world.second.deadline, world.second.deadline_text = None, ""
    world.second.save()
    sheet = sheet_of(export(client, world.people["office"], world.plan))
    assert measure_rows(sheet) == [
        [
            1,
            world.first.text,
            "州司法局",
            "州教育局、甲县人民政府、各县(市)",
            "到2025年",
            f"【推进中】已印发工作方案。\n（{world.period.name}，已审核通过）",
        ],
        [2, world.second.text, "州公安局", None, "长期坚持", "【未启动】"],
    ]


def test_a_narrative_that_looks_like_a_formula_is_exported_as_text(client, world):
    assignment = world.first.assignments.get(unit=world.justice)
    report = f.ReportFactory(assignment=assignment, period=world.period, state="accepted")
    report.narrative = "=1+1\x0c开展宣传"
    report.save()
    sheet = sheet_of(export(client, world.people["office"], world.plan))
    progress = next(row[5] for row in sheet.iter_rows(min_row=3) if row[0].value == 1)
    assert progress.data_type == "s" and "=1+1开展宣传" in progress.value


def test_a_draft_is_not_exported_as_progress(client, world):
    lead = world.first.assignments.get(role="lead")
    f.ReportFactory(assignment=lead, period=world.period, state="draft", narrative="草稿内容")
    sheet = sheet_of(export(client, world.people["office"], world.plan))
    assert "草稿内容" not in measure_rows(sheet)[0][5]


def test_liaison_exports_only_what_they_may_see(client, world):
    sheet = sheet_of(export(client, world.people["liaison"], world.plan))
    assert [row[0] for row in measure_rows(sheet)] == [1]


def test_export_honours_the_ledger_filters(client, world):
    sheet = sheet_of(export(client, world.people["office"], world.plan, unit=world.police.pk))
    assert [row[0] for row in measure_rows(sheet)] == [2]


def test_chapter_and_section_headings_are_merged_rows(client, world):
    chapter = f.ChapterFactory(plan=world.plan, number="二", title="增强全社会法治观念")
    section = f.SectionFactory(plan=world.plan, chapter=chapter, number="一", title="维护宪法权威")
    world.first.chapter, world.first.section = chapter, section
    world.first.save()
    sheet = sheet_of(export(client, world.people["office"], world.plan))
    assert (sheet["A3"].value, sheet["A4"].value, sheet["A5"].value) == (
        "二、增强全社会法治观念",
        "(一)维护宪法权威",
        1,
    )
    assert {"A1:F1", "A3:F3", "A4:F4"} <= {str(r) for r in sheet.merged_cells.ranges}


def test_office_formatting_and_a4_landscape_print_setup(client, world):
    sheet = sheet_of(export(client, world.people["office"], world.plan))
    header, body = sheet["A2"], sheet["B3"]
    assert (sheet["A1"].font.name, header.font.name, header.font.b) == ("宋体", "宋体", True)
    assert header.fill.fgColor.rgb.endswith("D9E1F2")
    assert body.font.name == "仿宋"
    assert body.alignment.wrap_text and body.border.left.style == "thin"
    assert sheet.column_dimensions["B"].width >= 50
    assert sheet.freeze_panes == "A3"
    assert sheet.print_title_rows == "$1:$2"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)


def test_outsider_gets_404(client, world):
    assert export(client, world.people["outsider"], world.plan).status_code == 404
