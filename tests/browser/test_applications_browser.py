"""A liaison asks for a later due date on the report page (延期申请) and for 不涉及 on a
measure it carries through a collective; the office approves both from its to-do page."""

import datetime

import pytest
from django.utils import timezone

from taizhang.plans.models import Assignment
from taizhang.reporting.models import Extension
from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD, CollectiveFactory, PeriodFactory

pytestmark = pytest.mark.django_db(transaction=True)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_office_approves_an_extension_and_a_not_concerned(world, new_page, tmp_path):
    today = timezone.localdate()
    period = PeriodFactory(
        plan=world.plan,
        name=f"{today.year}年本季度",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=5),
        due_on=today + datetime.timedelta(days=10),
    )
    collective = CollectiveFactory(organisation=world.organisation, phrase="各州直部门")
    carried = Assignment.objects.get(measure=world.first, unit=world.education)
    carried.via = collective
    carried.save()

    liaison = new_page()
    log_in(liaison, world.people["liaison"], PASSWORD)
    liaison.goto(f"/reporting/assignments/{carried.pk}/periods/{period.pk}/")
    later = today + datetime.timedelta(days=25)
    liaison.fill("#extension-due", later.isoformat())
    liaison.fill("#extension-reason", "年度统计数据须待省厅反馈后汇总。")
    evidence = tmp_path / "省厅通知.pdf"
    evidence.write_bytes(PDF)
    liaison.set_input_files("#extension-file", str(evidence))
    click_and_wait(liaison, liaison.get_by_role("button", name="申请延期"))
    assert "延期申请已提交" in liaison.inner_text("body")
    assert liaison.get_by_role("link", name="佐证材料：省厅通知.pdf").is_visible()
    liaison.fill("#exemption-reason", "本局不承担该项职能。")
    click_and_wait(liaison, liaison.get_by_role("button", name="申请不涉及"))
    assert "不涉及申请已提交" in liaison.inner_text("body")

    office = new_page()
    log_in(office, world.people["office"], PASSWORD)
    office.goto("/")
    body = office.inner_text("body")
    assert "待审批的延期申请" in body and "待审批的不涉及申请" in body
    extensions = office.locator("#extensions-title").locator("xpath=..")
    with office.expect_download() as started:
        extensions.get_by_role("link", name="佐证材料：省厅通知.pdf").click()
    assert started.value.suggested_filename == "省厅通知.pdf"
    screenshot(office, "applications-todo")
    extensions = office.locator("#extensions-title").locator("xpath=..")
    click_and_wait(office, extensions.get_by_role("button", name="同意", exact=True))
    assert "已同意延期" in office.inner_text("body")
    exemptions = office.locator("#exemptions-title").locator("xpath=..")
    click_and_wait(office, exemptions.get_by_role("button", name="同意", exact=True))
    assert "不再报送" in office.inner_text("body")
    assert Extension.objects.get().state == "approved"
    carried.refresh_from_db()
    assert carried.not_concerned
