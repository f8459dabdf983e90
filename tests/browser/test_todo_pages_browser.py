"""A long to-do on a phone (the demo deployment, 390x844): 荔波县's liaison owes 127
reports, read 50 a page. The counts at the top count all of them, the page links keep the
filter, and 下载填报表 takes every report under the filter, not one page."""

import io
from pathlib import Path

import openpyxl
import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

DUE_ROWS = "section[aria-labelledby=due-title] tbody tr"


def test_the_libo_liaison_reads_127_reports_owed_a_page_at_a_time(phone_page, demo):
    page = phone_page
    log_in(page, demo["qn_libo"], PASSWORD)
    page.goto("/")
    stats = page.inner_text(".stats")
    assert "127待填报" in stats.replace("\n", "")
    assert page.locator(DUE_ROWS).count() == 50
    pager = page.locator("nav.due-pager")
    assert "符合条件的共 127 项，第 1–50 项" in pager.inner_text()
    assert [pager.get_by_role("link", name=name).count() for name in ("2", "3", "下一页")] == [
        1,
        1,
        1,
    ]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "todo-pages-phone", full_page=False)
    page.locator("nav.due-pager").scroll_into_view_if_needed()
    screenshot(page, "todo-pages-phone-pager", full_page=False)

    click_and_wait(page, pager.get_by_role("link", name="3"))
    assert page.locator(DUE_ROWS).count() == 27
    assert "127待填报" in page.inner_text(".stats").replace("\n", "")
    assert "第 101–127 项" in page.inner_text("nav.due-pager")

    page.select_option("#id_sort", "measure")
    click_and_wait(page, page.get_by_role("button", name="筛选"))
    click_and_wait(page, page.locator("nav.due-pager").get_by_role("link", name="2"))
    assert "sort=measure" in page.url and "page=2" in page.url
    assert page.locator(DUE_ROWS).count() == 50
    with page.expect_download() as started:
        page.get_by_role("link", name="下载填报表（Excel）").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(started.value.path()).read_bytes()))
    columns = {cell.value: cell.column for cell in book.worksheets[0][3]}
    rows = [
        row
        for row in book.worksheets[0].iter_rows(min_row=4, values_only=True)
        if not row[columns["退回意见"] - 1]
    ]
    assert len(rows) == 127  # every report owed, not the page; returned ones besides


def test_the_long_todo_on_the_desktop(page, demo):
    log_in(page, demo["qn_libo"], PASSWORD)
    page.goto("/todo/?page=3")
    assert page.locator(DUE_ROWS).count() == 27
    screenshot(page, "todo-pages-desktop")
