"""The supervision board in a real Chromium with the demo deployment: the office opens it
from the menu, finds the late units grouped with their days late, urges one of them and
downloads the notice. Writes docs/screenshots/supervision-board.png."""

import re

import pytest
from docx import Document

from taizhang.notices.services import next_number
from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

UNIT = "荔波县人民政府"  # behind on its reports in the demo, reminded once already


def test_the_office_urges_a_late_unit_from_the_board_and_downloads_the_notice(page, demo):
    log_in(page, demo["qn_office"], PASSWORD)
    click_and_wait(page, page.locator("nav.mainnav").get_by_role("link", name="督查督办"))
    assert page.inner_text("h1").startswith("督查督办")
    grouping = page.get_by_role("navigation", name="分组")
    assert grouping.locator("a[aria-current=page]").inner_text() == "按单位"
    rows = page.locator("table.ledger tbody tr")
    assert rows.count() > 5
    days = rows.locator("td[data-label=最长逾期]").all_inner_texts()
    assert all(re.fullmatch(r"\d+ 天", text) for text in days)
    late = [int(text.split()[0]) for text in days]
    assert late == sorted(late, reverse=True)  # the longest overdue first
    unit = rows.filter(has_text=UNIT)
    assert int(unit.locator("td[data-label=逾期未报送]").inner_text()) > 0
    screenshot(page, "supervision-board", full_page=False)

    click_and_wait(page, unit.get_by_role("link", name="催办"))
    assert UNIT in page.inner_text("h1")
    # A reminder went out before: the next rung of the ladder is 催办.
    suggested = page.locator(".stat").filter(has_text="建议级别").locator("b")
    assert suggested.inner_text() == "催办"
    assert "依法治州办督〔2026〕1号" in page.locator("#earlier").locator("xpath=..").inner_text()
    # numbered after the demo's notices of the year (demo/loop.toml)
    number = next_number(demo["qn_office"].organisation, 2026)
    click_and_wait(page, page.locator("button.primary", has_text="确认发出"))
    assert number in page.locator(".messages").inner_text()

    with page.expect_download() as started:
        page.get_by_role("link", name="下载通知文件（.docx）").click()
    download = started.value
    assert download.suggested_filename.endswith(".docx")
    text = "\n".join(p.text for p in Document(download.path()).paragraphs)
    assert "关于限期完成逾期任务事项的催办通知" in text
    assert UNIT in text
