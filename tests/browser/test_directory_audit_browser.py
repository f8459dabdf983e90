"""The office's own pages with the demo deployment: the units directory and the audit log."""

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_directory_lists_the_units_with_their_measures(page, demo):
    log_in(page, demo["yc_office"], PASSWORD)
    click_and_wait(page, page.get_by_role("link", name="单位名录"))
    assert page.inner_text("h1").startswith("单位名录")
    assert page.locator("table.ledger tbody tr.group").count() >= 2
    justice = page.locator("table.ledger tbody tr").filter(
        has=page.get_by_role("link", name="市司法局", exact=True)
    )
    assert int(justice.locator("td[data-label=牵头任务]").inner_text()) > 0
    screenshot(page, "units", full_page=False)


def test_the_audit_log_shows_who_returned_a_report_and_why(page, demo):
    reason = "请补充具体工作成效和数据。"
    log_in(page, demo["yc_office"], PASSWORD)
    waiting = page.locator("#office-review-title").locator("xpath=..").locator("tbody tr")
    click_and_wait(page, waiting.first.get_by_role("link", name="审核"))
    page.get_by_label("退回").check()
    page.fill("#id_comment", reason)
    click_and_wait(page, page.get_by_role("button", name="提交审核意见"))

    click_and_wait(page, page.get_by_role("link", name="操作日志"))
    latest = page.locator("table.ledger tbody tr").first
    assert latest.locator("td[data-label=操作人]").inner_text() == "市依法治市办 赵静"
    assert latest.locator("td[data-label=原因]").inner_text() == reason
    screenshot(page, "audit-log", full_page=False)
