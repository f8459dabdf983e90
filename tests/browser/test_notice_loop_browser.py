"""A unit signs for an urging notice and answers it, in a real Chromium with the demo
deployment: the office has urged 州教育局; its liaison finds the notice on the to-do page,
signs for it, writes what was done with a PDF as evidence, and sees it waiting for the
office, which finds the answer on its own to-do and closes it.
Writes docs/screenshots/notice-sign.png and notice-answered.png."""

import pytest
from django.utils import timezone

from taizhang.notices import services as notices
from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def urge(demo):
    """The office urges the liaison's unit on what it owes (through the write path)."""
    liaison, office = demo["qn_liaison"], demo["qn_office"]
    # the prefecture plan (the demo also holds 都匀市's county plan under it)
    unit, plan = liaison.unit, liaison.organisation.plans.get(parent__isnull=True)
    today = timezone.localdate()
    draft = notices.draft(unit, plan, today)
    assert draft.items, "the demo's 州教育局 owes something"
    return notices.issue(unit, plan, office, today, draft.level, draft.title, draft.body)


def test_a_unit_signs_for_a_notice_and_answers_it(page, demo, tmp_path):
    notice = urge(demo)
    log_in(page, demo["qn_liaison"], PASSWORD)
    waiting = page.locator("#notices-title").locator("xpath=..")
    row = waiting.locator("tbody tr").filter(has_text=notice.number)
    assert row.locator("td[data-label=办理状态]").inner_text() == "未签收"

    click_and_wait(page, row.get_by_role("link", name="签收"))
    assert notice.title in page.inner_text("h1")
    assert "尚未签收" in page.inner_text("dl.meta")
    screenshot(page, "notice-sign", full_page=False)
    click_and_wait(page, page.get_by_role("button", name="签收"))
    assert "已签收" in page.inner_text(".messages")
    assert "签收" in page.inner_text("dl.meta") and "尚未签收" not in page.inner_text("dl.meta")

    evidence = tmp_path / "补报情况说明.pdf"
    evidence.write_bytes(PDF)
    page.fill("#id_text", "已于本周补报第三季度进展报告，并由分管领导逐项核对。")
    page.set_input_files("#id_file", str(evidence))
    click_and_wait(page, page.get_by_role("button", name="提交反馈"))
    assert "已反馈落实情况" in page.inner_text(".messages")
    handling = page.locator("#handling").locator("xpath=..")
    assert "第1次反馈" in handling.inner_text()
    assert handling.get_by_role("link", name="补报情况说明.pdf").is_visible()
    assert "等待依法治理办办结" in handling.inner_text()
    screenshot(page, "notice-answered")

    page.context.clear_cookies()
    log_in(page, demo["qn_office"], PASSWORD)
    settle = page.locator("#settle-title").locator("xpath=..")
    click_and_wait(
        page, settle.locator("tbody tr").filter(has_text=notice.number).get_by_role("link")
    )
    click_and_wait(page, page.get_by_role("button", name="办结"))
    assert "已办结" in page.inner_text("h1")
