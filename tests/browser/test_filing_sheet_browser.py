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
    assert "预览：将保存 2 份报告" in preview
    assert "=1+1 调解纠纷 36 件" in preview
    screenshot(page, "filing-sheet-preview")
    click_and_wait(page, page.get_by_role("button", name="提交审核（2份）"))
    assert "已通过填报表提交审核 2 份报告" in page.inner_text("body")
    assert "当前没有需要填报的报告" in page.inner_text("body")
    screenshot(page, "filing-sheet-done", full_page=False)
    reports = ProgressReport.objects.filter(period=owed).order_by("assignment__measure__number")
    assert [(r.state, r.narrative) for r in reports] == [("submitted", text) for text in texts]
