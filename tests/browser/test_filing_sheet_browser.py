"""批量填报 in the browser: a liaison downloads the workbook of the reports the unit owes
from the to-do page, fills it in (openpyxl standing in for WPS), uploads it, reads the
preview and submits every report at once."""

import datetime
import io
from pathlib import Path

import openpyxl
import pytest
from django.utils import timezone

from taizhang.reporting.models import ProgressReport
from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD, AssignmentFactory, PeriodFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def owed(world):
    """The 教育局 owes two reports in the quarter open today."""
    from taizhang.plans.models import Measure

    Measure.objects.filter(pk=world.first.pk).update(
        text="深入开展宪法宣传教育，推动宪法进机关、进乡村、进社区、进学校。"
    )
    Measure.objects.filter(pk=world.second.pk).update(text="完善矛盾纠纷多元化解机制。")
    AssignmentFactory(measure=world.second, unit=world.education, role="responsible")
    today = timezone.localdate()
    return PeriodFactory(
        plan=world.plan,
        name=f"{today.year}年本季度",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=20),
        due_on=today + datetime.timedelta(days=30),
    )


def test_a_liaison_files_the_quarter_from_one_workbook(world, owed, new_page, tmp_path):
    page = new_page()
    log_in(page, world.people["liaison"], PASSWORD)
    page.goto("/")
    screenshot(page, "filing-sheet-todo", full_page=False)
    with page.expect_download() as started:
        page.get_by_role("link", name="下载填报表（Excel）").click()
    assert started.value.suggested_filename.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(Path(started.value.path()).read_bytes()))
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[3]}
    texts = ("开展宪法宣传活动12场，覆盖学校40所。", "=1+1 调解纠纷 36 件")
    for row, text in zip((4, 5), texts, strict=True):
        sheet.cell(row=row, column=columns["进展状态"]).value = "推进中"
        sheet.cell(row=row, column=columns["进展情况"]).value = text
        sheet.cell(row=row, column=columns["存在问题"]).value = "基层宣讲力量不足。"
    filled = Path(tmp_path) / "填报表.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    filled.write_bytes(buffer.getvalue())

    page.get_by_role("link", name="上传填报表").click()
    page.set_input_files("#id_file", str(filled))
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))
    preview = page.inner_text("#filing-preview")
    assert "预览：保存为草稿 2 份，提交审核 2 份" in preview
    assert "=1+1 调解纠纷 36 件" in preview
    screenshot(page, "filing-sheet-preview")
    click_and_wait(page, page.get_by_role("button", name="提交审核（2份）"))
    assert "已通过填报表提交审核 2 份报告" in page.inner_text("body")
    assert "当前没有需要填报的报告" in page.inner_text("body")
    screenshot(page, "filing-sheet-done", full_page=False)
    reports = ProgressReport.objects.filter(period=owed).order_by("assignment__measure__number")
    assert [(r.state, r.narrative) for r in reports] == [("submitted", text) for text in texts]


def test_a_draft_and_a_returned_report_go_back_from_one_workbook(world, owed, phone_page, tmp_path):
    """On a phone: a draft saved during the quarter goes unchanged, a returned report
    corrected in the workbook beside its return comment; the preview says per row what
    提交审核 does, and its count is what is submitted."""
    from taizhang.plans.models import Assignment
    from taizhang.reporting import services

    liaison, education = world.people["liaison"], world.education
    first = Assignment.objects.get(measure=world.first, unit=education)
    second = Assignment.objects.get(measure=world.second, unit=education)
    draft = services.start_report(first, owed)
    services.save_draft(draft, liaison, {"status": "in_progress", "narrative": "草稿已写好"}, 0)
    sent = services.start_report(second, owed)
    sent = services.save_draft(sent, liaison, {"narrative": "第一稿"}, 0)
    sent = services.submit(sent, liaison, sent.version)
    services.review(sent, world.people["office"], "return", "请补充调解数量", sent.version)

    page = phone_page
    log_in(page, liaison, PASSWORD)
    page.goto("/")
    with page.expect_download() as started:
        page.get_by_role("link", name="下载填报表（Excel）").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(started.value.path()).read_bytes()))
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[3]}
    assert sheet.cell(row=5, column=columns["退回意见"]).value == "请补充调解数量"
    sheet.cell(row=5, column=columns["进展情况"]).value = "第二稿：调解纠纷 36 件"
    filled = Path(tmp_path) / "填报表.xlsx"
    book.save(filled)
    page.goto("/todo/filing/upload/")
    page.set_input_files("#id_file", str(filled))
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))
    preview = page.inner_text("#filing-preview")
    assert "预览：保存为草稿 1 份，提交审核 2 份" in preview
    assert "已退回" in preview
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "filing-sheet-preview-phone")
    click_and_wait(page, page.get_by_role("button", name="提交审核（2份）"))
    assert "已通过填报表提交审核 2 份报告" in page.inner_text("body")
    states = ProgressReport.objects.filter(period=owed).values_list("state", flat=True)
    assert sorted(states) == ["submitted", "submitted"]
