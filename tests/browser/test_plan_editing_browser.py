"""The office corrects the ledger and undoes a duplicate import, through the pages."""

import datetime

import pytest

from tests.browser.conftest import DEMO, click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

PLAN_FILE = DEMO / "yinchuan-fazhi-shehui-2022-2025.txt"


@pytest.fixture
def office_with_plan(db):
    """银川's office with its plan imported last month through plans.importing."""
    from django.utils import timezone

    from taizhang.accounts.models import Role
    from taizhang.plans import importing
    from taizhang.plans.models import Plan
    from tests import factories as f

    city = f.OrganisationFactory(name="银川市", prefix="市", office_name="市委依法治市办")
    home = f.RegionFactory(organisation=city, name="银川市")
    for name in ("兴庆区", "金凤区", "西夏区", "永宁县", "贺兰县", "灵武市"):
        f.CountyFactory(organisation=city, name=name, parent=home)
    office = f.UserFactory(
        organisation=city, role=Role.OFFICE_ADMIN, display_name="市依法治市办 赵静"
    )
    staged = importing.stage(city, office, home, PLAN_FILE.name, PLAN_FILE.read_bytes())
    plan = importing.confirm(staged, office, {})
    earlier = timezone.now() - datetime.timedelta(days=30)
    Plan.objects.filter(pk=plan.pk).update(created_at=earlier, version_at=earlier)
    plan.refresh_from_db()
    return office, plan


def test_the_office_changes_the_units_of_a_measure(page, office_with_plan):
    from taizhang.audit.models import AuditEntry
    from taizhang.plans.models import Assignment
    from taizhang.units.models import Unit

    office, plan = office_with_plan
    measure = plan.measures.filter(assignments__role="lead").order_by("position").first()
    before = set(Assignment.objects.filter(measure=measure).values_list("unit__name", flat=True))
    log_in(page, office, PASSWORD)
    page.goto(f"/plans/{plan.pk}/measures/{measure.pk}/")
    click_and_wait(page, page.get_by_role("link", name="调整分工"))
    assert page.inner_text("h1") == f"任务{measure.number}：调整分工单位"

    added_name = (
        Unit.objects.filter(organisation=plan.organisation, level="prefecture")
        .exclude(assignments__measure=measure)
        .order_by("name")
        .values_list("name", flat=True)
        .first()
    )
    page.locator("#id_responsible_units").get_by_label(added_name, exact=True).check()
    page.fill("#id_reason", "市委全面依法治市委员会第三次会议调整分工")
    screenshot(page, "measure-units-edit", full_page=False)
    click_and_wait(page, page.get_by_role("button", name="保存"))

    assert "已保存分工单位" in page.inner_text(".messages")
    assert added_name in page.locator("table.ledger").first.inner_text()
    screenshot(page, "measure-units-saved", full_page=False)
    after = set(Assignment.objects.filter(measure=measure).values_list("unit__name", flat=True))
    assert after == before | {added_name}
    entry = AuditEntry.objects.get(action="set_units", object_id=str(measure.pk))
    assert added_name in entry.changes["responsible_units"][1]

    # the same form, left open in another tab, is refused rather than overwriting
    page.go_back()
    page.reload()
    page.goto(f"/plans/edit/measures/{measure.pk}/units/")
    page.evaluate("document.querySelector('#id_version').value = '1'")
    page.fill("#id_reason", "旧页面再次提交")
    click_and_wait(page, page.get_by_role("button", name="保存"))
    assert "该任务已被他人修改，请刷新页面后重新编辑。" in page.inner_text("main")


def test_the_office_archives_a_duplicate_import(page, office_with_plan):
    from taizhang.audit.models import AuditEntry
    from taizhang.plans.models import Plan

    office, plan = office_with_plan
    log_in(page, office, PASSWORD)
    page.goto("/plans/import/")
    page.set_input_files("#id_file", str(PLAN_FILE))
    page.select_option("#id_region", label="银川市")
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))
    warning = page.locator("#similar-title").locator("..")
    assert "本组织已有相同或相近的方案" in warning.inner_text()
    assert plan.label in warning.inner_text()
    warning.screenshot(path=str(screenshot(page, "import-duplicate-warning", full_page=False)))

    # imported anyway by mistake: the plan list tells the two apart
    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    page.goto("/plans/")
    rows = page.locator("table.plan-list tbody tr")
    assert rows.count() == 2
    labels = [rows.nth(i).locator(".muted").first.inner_text() for i in range(2)]
    assert labels[0] != labels[1]

    duplicate = Plan.objects.exclude(pk=plan.pk).get()
    click_and_wait(page, rows.nth(0).get_by_role("link", name="归档"))
    assert page.inner_text("h1") == "归档方案"
    page.fill("#id_reason", "重复导入")
    screenshot(page, "plan-archive", full_page=False)
    click_and_wait(page, page.get_by_role("button", name="归档"))

    assert "已归档方案" in page.inner_text("h1")
    assert duplicate.title in page.inner_text("table")
    page.goto("/plans/")
    assert page.locator("table.plan-list tbody tr").count() == 1
    entry = AuditEntry.objects.get(action="archive_plan")
    assert (entry.object_id, entry.reason) == (str(duplicate.pk), "重复导入")


def test_generating_periods_previews_what_each_unit_will_owe(page, office_with_plan):
    from django.utils import timezone

    from taizhang.reporting.models import Period

    office, plan = office_with_plan
    today = timezone.localdate()
    log_in(page, office, PASSWORD)
    page.goto("/reporting/periods/")
    form = page.locator("form", has=page.get_by_role("button", name="批量生成"))
    form.locator("#id_plan").select_option(str(plan.pk))
    form.locator("#id_year").fill(str(today.year))
    form.locator("#id_starts_from").fill(f"{today.year}-01-01")
    click_and_wait(page, page.get_by_role("button", name="批量生成"))

    assert page.inner_text("h1") == "批量生成报送周期：请确认"
    assert "不创建：截止日期已过" in page.inner_text("main") or today.month < 4
    assert page.locator("#owed-title").is_visible()
    screenshot(page, "periods-year-preview", full_page=False)
    created = page.locator("td[data-label=处理] .badge").count()
    assert f"将创建 {created} 个周期" in page.inner_text("#periods-title")
    click_and_wait(page, page.get_by_role("button", name="确认生成"))
    assert "已创建" in page.inner_text(".messages")
    assert Period.objects.filter(plan=plan).count() == created
