"""A county running its own plan, in a real Chromium with the demo deployment: 都匀市's
office keeps its townships in the units directory, makes a plan of its own from the 黔南
plan on one page (分解落实), and the 黔南 office switches its dashboard to the counties'
roll-up. Writes docs/screenshots/county-townships.png, county-breakdown.png and
dashboard-county-rollup.png."""

import re

import pytest
from django.urls import reverse

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_county_office_keeps_its_townships(page, demo):
    log_in(page, demo["qn_county"], PASSWORD)
    page.goto("/units/?level=township")
    table = page.locator("table.ledger tbody")
    text = table.inner_text()
    assert "广惠街道办事处" in text and "归兰水族乡人民政府" in text
    assert "隶属：都匀市人民政府" in text
    assert "州司法局" not in page.locator("main").inner_text()  # not its county's
    page.get_by_role("link", name="墨冲镇人民政府").click()
    assert page.inner_text("h1") == "墨冲镇人民政府"
    # the plan's 各镇（街道） gave the township its share of the county's measures
    carried = page.locator("table.ledger tbody tr")
    assert carried.count() >= 10
    assert "通过“各镇（街道）”" in carried.first.inner_text()
    page.goto("/units/?level=township")
    screenshot(page, "county-townships", full_page=False)


def test_the_county_office_makes_its_plan_from_the_prefecture_plan(page, demo):
    from taizhang.plans.models import MeasureLink, Plan

    prefecture = Plan.objects.get(parent__isnull=True, region__name="黔南州")
    log_in(page, demo["qn_county"], PASSWORD)
    page.goto(f"/plans/{prefecture.pk}/")
    click_and_wait(page, page.get_by_role("link", name="分解制定本级方案"))
    assert page.inner_text("h1") == "分解制定都匀市实施方案"
    ticked = page.locator("input[name=pick]:checked")
    assert ticked.count() > 10  # the measures 黔南 gives 各县(市) come ticked
    # with the county's counterpart of 黔南's lead unit pre-filled (州司法局 → 都匀市司法局)
    assert page.locator("select[name^=lead-] option[selected]", has_text="都匀市司法局").count()
    while ticked.count():
        ticked.first.uncheck()
    first = prefecture.measures.get(number=1)
    row = page.locator("tr", has=page.locator(f"input[name=pick][value='{first.pk}']"))
    row.locator("input[name=pick]").check()
    row.locator(f"select[name=lead-{first.pk}]").select_option(label="都匀市委依法治市办")
    row.locator(f"select[name=responsible-{first.pk}]").select_option(label="都匀市司法局")
    row.get_by_label("各镇（街道）").check()  # every township of 都匀市
    row.locator(f"textarea[name=schedule-{first.pk}]").fill("2026年12月底前完成年度学习计划。")
    row.locator(f"textarea[name=outcome-{first.pk}]").fill("年度学习计划、专题研讨班签到册。")
    page.fill("input[name=title]", "都匀市2026年法治社会建设重点任务分解方案")
    row.scroll_into_view_if_needed()
    screenshot(page, "county-breakdown", full_page=False)

    click_and_wait(page, page.get_by_role("button", name="生成本级方案"))
    assert "均已对应上级任务" in page.locator(".messages").inner_text()
    plan = Plan.objects.get(title="都匀市2026年法治社会建设重点任务分解方案")
    measure = plan.measures.get()
    assert MeasureLink.objects.filter(child=measure, parent=first).exists()
    towns = measure.assignments.filter(via__phrase="各镇（街道）").count()
    assert towns == 10  # the demo's townships and 街道 of 都匀市
    page.goto(f"/plans/{plan.pk}/measures/{measure.pk}/")
    facts = page.locator("dl.facts").inner_text()
    assert "2026年12月底前完成年度学习计划" in facts and "专题研讨班签到册" in facts
    assert "第1项" in facts  # 落实上级任务
    # its version says who made it and when, as an imported plan's says who imported it
    page.goto(reverse("ledger:ledger", kwargs={"plan_id": plan.pk}))
    assert re.search(r"第1版，\d{4}年\d+月\d+日 \d\d:\d\d分解制定", page.inner_text(".subtitle"))
    page.goto(reverse("plans:import_revise", kwargs={"plan_id": plan.pk}))
    assert f"分解制定（{demo['qn_county']}）" in page.inner_text("main")


def test_the_prefecture_dashboard_switches_to_the_counties_roll_up(page, demo):
    from taizhang.plans.models import Plan

    prefecture = Plan.objects.get(parent__isnull=True, region__name="黔南州")
    log_in(page, demo["qn_office"], PASSWORD)
    page.goto(f"/dashboards/plans/{prefecture.pk}/")
    click_and_wait(page, page.get_by_role("link", name="县级汇总", exact=True).first)
    assert "source=counties" in page.url
    assert page.locator("nav.tabs a.active").inner_text() == "县级汇总"
    table = page.locator("table.ledger tbody tr")
    assert table.count() == prefecture.measures.filter(withdrawn=False).count()
    assert "都匀市" in page.locator("table.ledger tbody").inner_text()
    assert "县级汇总只计已确认对应的县级任务" in page.locator(".rule").first.inner_text()
    linked = page.locator(".stats .stat.none b").inner_text()
    assert int(linked) < table.count()  # some measures have no county measure
    screenshot(page, "dashboard-county-rollup", full_page=False)


def test_a_rate_rolls_up_by_the_base_the_county_entered(page, demo):
    from taizhang.plans.models import MeasureLink
    from taizhang.supervision.models import TargetReading

    # 都匀 entered 96.5% of 42 departments (demo/duyun-…bases.toml) for its measure
    # carrying out 黔南 第29项, whose target is the same rate
    reading = TargetReading.objects.get(
        target__plan__region__name="都匀市", target__quote__contains="涉企信息部门归集覆盖率"
    )
    assert reading.denominator == 42
    parent = MeasureLink.objects.get(child=reading.target.measure, parent__number=29).parent
    log_in(page, demo["qn_office"], PASSWORD)
    page.goto(f"/plans/{parent.plan_id}/measures/{parent.pk}/")
    text = page.locator("section.rollup").inner_text()
    assert "96.5" in text
    assert "都匀市按基数42" in text and "按其基数（分母）加权平均" in text
