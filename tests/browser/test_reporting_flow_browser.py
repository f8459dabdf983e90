"""The issue's acceptance test, as people do it in a browser: a liaison files a progress
report with evidence, the lead unit returns it with a comment, the liaison fixes and
resubmits, the office accepts it, and the ledger shows the measure's new status."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.conftest import pdf_bytes
from tests.factories import PASSWORD, PeriodFactory

pytestmark = pytest.mark.django_db(transaction=True)

NARRATIVE = "本季度在全州中小学开展“宪法进校园”活动 36 场，覆盖师生 2.1 万人。"
FIXED = NARRATIVE + "其中农村学校 21 场，覆盖率达到 96%，已完成年度目标。"
RETURN_COMMENT = "请补充农村学校的场次和覆盖率数据。"


PEOPLE = {
    "office": "州委依法治州办 王敏",
    "liaison": "州教育局联络员 李婷",
    "reviewer": "州司法局审核人 张伟",
}


@pytest.fixture
def flow(world):
    """The world with a quarter open for reporting today, and measure 1 due next year, so
    the ledger status can only come from reports (not from a passed deadline). People and
    texts get real-looking names for the screenshots."""
    from taizhang.accounts.models import User
    from taizhang.plans.models import Measure, Plan

    for role, name in PEOPLE.items():
        User.objects.filter(pk=world.people[role].pk).update(display_name=name)
    Plan.objects.filter(pk=world.plan.pk).update(title="测试州法治社会建设实施方案(2022—2025年)")
    Measure.objects.filter(pk=world.second.pk).update(
        text="加强社会治安防控体系建设，依法打击整治突出违法犯罪。"
    )
    today = timezone.localdate()
    period = PeriodFactory(
        plan=world.plan,
        name=f"{today.year}年本季度",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=20),
        due_on=today + datetime.timedelta(days=30),
    )
    Measure.objects.filter(pk=world.first.pk).update(
        text="深入开展宪法宣传教育，推动宪法进机关、进乡村、进社区、进学校、进企业、进单位。",
        deadline=datetime.date(today.year + 1, 12, 31),
        deadline_text=f"{today.year + 1}年底前",
    )
    world.open_period = period
    return world


def evidence_file() -> dict:
    return {
        "name": "宪法进校园活动总结.pdf",
        "mimeType": "application/pdf",
        "buffer": pdf_bytes("“宪法进校园”活动总结\n共开展活动 36 场，覆盖师生 2.1 万人。"),
    }


def measure_row(page, number: int):
    return page.locator("table.ledger tbody tr").filter(
        has=page.locator("td.no", has_text=re.compile(rf"^\s*{number}\s*$"))
    )


def test_a_report_goes_from_the_liaison_through_review_to_the_ledger(flow, new_page):
    office = new_page()
    log_in(office, flow.people["office"], PASSWORD)
    office.goto(f"/plans/{flow.plan.pk}/")
    assert measure_row(office, 1).locator(".badge").first.inner_text() == "未启动"

    # The liaison opens the to-do page and follows the link to the report due.
    liaison = new_page()
    log_in(liaison, flow.people["liaison"], PASSWORD)
    assert "待填报的进展报告" in liaison.inner_text("main")
    due = liaison.locator("#due-title").locator("xpath=..").locator("tbody tr")
    assert due.count() == 1
    assert "州教育局" in due.first.inner_text()
    click_and_wait(liaison, due.first.get_by_role("link", name="填报"))

    # Fill the form, attach evidence, save a draft, then submit.
    liaison.select_option("#id_status", label="已完成")
    liaison.fill("#id_narrative", NARRATIVE)
    liaison.fill("#id_actions", "联合州司法局组建宪法宣讲团，深入各县（市）学校巡回宣讲。")
    liaison.fill("#id_problems", "部分偏远学校活动频次偏低。")
    liaison.fill("#id_next_steps", "下季度重点覆盖农村学校。")
    liaison.set_input_files("#id_files", evidence_file())
    click_and_wait(liaison, liaison.get_by_role("button", name="保存草稿"))
    assert "草稿已保存" in liaison.inner_text(".messages")
    assert liaison.get_by_role("link", name="宪法进校园活动总结.pdf").is_visible()
    assert liaison.input_value("#id_narrative") == NARRATIVE
    screenshot(liaison, "report-form")
    click_and_wait(liaison, liaison.get_by_role("button", name="提交审核"))
    assert "报告已提交审核" in liaison.inner_text(".messages")

    # The lead unit's reviewer finds it on the to-do page and returns it with a comment.
    reviewer = new_page()
    log_in(reviewer, flow.people["reviewer"], PASSWORD)
    waiting = reviewer.locator("#review-title").locator("xpath=..").locator("tbody tr")
    assert waiting.count() == 1
    assert "州教育局" in waiting.first.inner_text()
    screenshot(reviewer, "todo")  # to review, and the lead unit's own report due
    click_and_wait(reviewer, waiting.first.get_by_role("link", name="审核"))
    assert NARRATIVE in reviewer.inner_text("main")
    assert reviewer.get_by_role("link", name="宪法进校园活动总结.pdf").is_visible()
    screenshot(reviewer, "review")
    reviewer.get_by_label("退回").check()
    reviewer.fill("#id_comment", RETURN_COMMENT)
    click_and_wait(reviewer, reviewer.get_by_role("button", name="提交审核意见"))
    assert "已退回" in reviewer.inner_text(".messages")

    # The liaison sees the comment, fixes the report and submits it again.
    liaison.goto("/todo/")
    returned = liaison.locator("#returned-title").locator("xpath=..").locator("tbody tr")
    assert RETURN_COMMENT in returned.first.inner_text()
    click_and_wait(liaison, returned.first.get_by_role("link", name="修改"))
    assert RETURN_COMMENT in liaison.inner_text("[role=alert]")
    liaison.fill("#id_narrative", FIXED)
    click_and_wait(liaison, liaison.get_by_role("button", name="提交审核"))
    assert "报告已提交审核" in liaison.inner_text(".messages")

    # The office opens the measure from the ledger, then the report, and accepts it.
    office.goto(f"/plans/{flow.plan.pk}/")
    click_and_wait(office, measure_row(office, 1).locator("td.no a"))
    reports = office.locator("table.ledger tbody tr").filter(has_text="州教育局")
    click_and_wait(office, reports.get_by_role("link", name=flow.open_period.name))
    click_and_wait(office, office.get_by_role("link", name="审核", exact=True))
    assert FIXED in office.inner_text("main")
    office.get_by_label("通过").check()
    office.fill("#id_comment", "数据完整，同意。")
    click_and_wait(office, office.get_by_role("button", name="提交审核意见"))
    assert "已审核通过" in office.inner_text(".messages")

    # The ledger: no lead-unit report yet, so the measure is 推进中 now that the
    # education bureau has reported (it was 未启动 at the start).
    office.goto(f"/plans/{flow.plan.pk}/")
    assert measure_row(office, 1).locator(".badge").first.inner_text() == "推进中"
    # The measure page lists the report as the office accepted it.
    click_and_wait(office, measure_row(office, 1).locator("td.no a"))
    accepted = (
        office.locator("table.ledger tbody tr")
        .filter(has_text="州教育局")
        .filter(has_text=flow.open_period.name)
    )
    assert "已完成" in accepted.inner_text()
    assert "已审核通过" in accepted.inner_text()
    # The liaison's responsibility list shows the unit's own report as accepted.
    liaison.goto(f"/plans/{flow.plan.pk}/mine/")
    own = measure_row(liaison, 1)
    assert "推进中" in own.inner_text()
    assert "本单位 已审核通过" in own.inner_text()


def test_returning_without_a_comment_is_refused_with_a_message(flow, new_page):
    from taizhang.plans.models import Assignment
    from taizhang.reporting import services

    assignment = Assignment.objects.get(measure=flow.first, unit=flow.education)
    report = services.file_report(
        assignment,
        flow.open_period,
        flow.people["liaison"],
        {"status": "in_progress", "narrative": NARRATIVE},
        0,
        submit_after=True,
    )
    reviewer = new_page()
    log_in(reviewer, flow.people["reviewer"], PASSWORD)
    reviewer.goto(f"/reporting/reports/{report.pk}/review/")
    reviewer.get_by_label("退回").check()
    click_and_wait(reviewer, reviewer.get_by_role("button", name="提交审核意见"))
    assert "退回时请填写退回意见" in reviewer.inner_text("main")
