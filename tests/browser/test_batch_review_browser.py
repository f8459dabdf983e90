"""A reviewer approves five reports at once from the to-do page (批量审核), and the office
reads the review backlog by reviewer and by age."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from taizhang.reporting import services
from taizhang.reporting.models import ProgressReport
from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD, AssignmentFactory, MeasureFactory, PeriodFactory, UnitFactory

pytestmark = pytest.mark.django_db(transaction=True)

UNITS = ("州教育局", "州民政局", "州人社局", "州卫健委", "州文旅局")


@pytest.fixture
def five(world):
    """Five responsible units' reports on measure 1 (led by 州司法局), submitted in the
    quarter open today, and one on a measure the office leads itself."""
    from taizhang.accounts.models import User
    from taizhang.plans.models import Measure

    User.objects.filter(pk=world.people["reviewer"].pk).update(display_name="州司法局审核人 张伟")
    Measure.objects.filter(pk=world.first.pk).update(
        text="深入开展宪法宣传教育，推动宪法进机关、进乡村、进社区、进学校、进企业、进单位。"
    )
    today = timezone.localdate()
    period = PeriodFactory(
        plan=world.plan,
        name=f"{today.year}年本季度",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=20),
        due_on=today + datetime.timedelta(days=30),
    )
    office = world.people["office"]
    reports = []
    for name in UNITS:
        unit = (
            world.education
            if name == "州教育局"
            else UnitFactory(organisation=world.organisation, region=world.home, name=name)
        )
        assignment = world.first.assignments.filter(unit=unit).first() or AssignmentFactory(
            measure=world.first, unit=unit, role="responsible"
        )
        report = services.start_report(assignment, period)
        report = services.save_draft(
            report,
            office,
            {"narrative": f"{name}本季度开展宪法宣传活动。", "status": "in_progress"},
            0,
        )
        reports.append(services.submit(report, office, report.version))
    own = MeasureFactory(
        plan=world.plan, number=3, text="健全依法治州工作机制，定期研究法治建设重大问题。"
    )
    assignment = AssignmentFactory(measure=own, unit=world.police, role="responsible")
    report = services.start_report(assignment, period)
    report = services.save_draft(report, office, {"narrative": "已落实。"}, 0)
    services.submit(report, office, report.version)
    return reports


def test_a_reviewer_approves_five_reports_at_once(world, five, new_page):
    page = new_page()
    log_in(page, world.people["reviewer"], PASSWORD)
    page.goto("/")
    for report in five:
        page.check(f"#lead-review-{report.pk}")
    page.locator("#lead-review input[name=decision][value=accept]").check()
    page.fill("#lead-review-comment", "材料齐全，同意。")
    screenshot(page, "batch-review-ticked")
    click_and_wait(page, page.get_by_role("button", name="提交勾选报告的审核意见"))
    assert "已审核通过5份报告" in page.inner_text("body")
    assert "暂无待审核的报告" in page.inner_text("body")
    screenshot(page, "batch-review-done", full_page=False)
    states = set(
        ProgressReport.objects.filter(pk__in=[r.pk for r in five]).values_list("state", flat=True)
    )
    assert states == {"accepted"}

    office = new_page()
    log_in(office, world.people["office"], PASSWORD)
    click_and_wait(office, office.get_by_role("link", name="待审核报告", exact=True))
    text = (
        office.inner_text("main") if office.locator("main").count() else office.inner_text("body")
    )
    assert "按审核人统计" in text and "健全依法治州工作机制" in text
    screenshot(office, "review-backlog")


def test_the_backlog_counts_a_jointly_led_measures_reports_in_both_rows(
    world, five, page, phone_page, live_server
):
    """Measure 1 led by 州司法局 and 州公安局, both with reviewers: its five reports are in
    both units' rows, the 合计 row counts each report once (6 with the office's own), and
    the 口径 line says so; on the desktop and at 390 px."""
    from tests.factories import UserFactory

    AssignmentFactory(measure=world.first, unit=world.police, role="lead")
    UserFactory(organisation=world.organisation, role="reviewer", unit=world.police)
    for shown, name in [(page, "review-backlog-joint"), (phone_page, "review-backlog-joint-phone")]:
        log_in(shown, world.people["office"], PASSWORD)
        shown.goto(reverse("reporting:review_backlog"))
        rows = {
            row.locator("td").first.inner_text(): row.locator("td[data-label=合计]").inner_text()
            for row in shown.locator("#by-reviewer-title ~ .table-wrap tbody tr").all()
        }
        office_row = world.organisation.office_title
        assert rows == {office_row: "1", "州司法局": "5", "州公安局": "5", "合计": "6"}, rows
        assert "合计行每份报告只计1次" in shown.inner_text("main")
        assert "州司法局、州公安局" in shown.inner_text("main")
        width = shown.evaluate("document.documentElement.scrollWidth")
        assert width <= shown.viewport_size["width"], width
        screenshot(shown, name)
