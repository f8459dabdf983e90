"""分解落实: a county office makes its county's plan from the plan above, on one page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.plans import breakdown
from taizhang.plans.models import Assignment, MeasureLink, Plan, Target
from tests import factories as f


@pytest.fixture
def county_units(world):
    justice = f.UnitFactory(
        organisation=world.organisation, region=world.county, name="县司法局", level="county"
    )
    education = f.UnitFactory(
        organisation=world.organisation, region=world.county, name="县教育局", level="county"
    )
    return justice, education


def _post(world, units, **extra):
    justice, education = units
    first, second = world.first, world.second
    data = {
        "title": "甲县法治社会建设实施方案",
        "pick": [first.pk],
        f"lead-{first.pk}": [justice.pk],
        f"responsible-{first.pk}": [education.pk, world.county_government.pk],
        f"schedule-{first.pk}": "2023年6月底前完成；每年12月底前总结。",
        f"outcome-{first.pk}": "工作方案、活动台账、年度总结。",
        f"lead-{second.pk}": [justice.pk],
    }
    data.update(extra)
    return data


def test_the_county_office_makes_its_plan_from_the_parent_plan(client, world, county_units):
    f.TargetFactory(measure=world.first, quote="覆盖率达到95%", value=95, unit="%")
    client.force_login(world.people["county"])
    page = client.get(reverse("nesting:break_down", kwargs={"plan_id": world.plan.pk}))
    html = page.content.decode()
    assert page.status_code == 200
    assert "工作进度安排" in html and "可检验的成果形式" in html
    # measure 1 names 甲县人民政府: it comes ticked, its lead 州司法局 pre-filled as 县司法局
    row = next(r for r in page.context["rows"] if r.measure == world.first)
    assert row.picked and row.lead == {county_units[0].pk}
    url = reverse("nesting:break_down_create", kwargs={"plan_id": world.plan.pk})
    response = client.post(url, _post(world, county_units))
    plan = Plan.objects.get(title="甲县法治社会建设实施方案")
    assert response.status_code == 302
    assert (plan.region, plan.parent) == (world.county, world.plan)
    measure = plan.measures.get()
    assert (measure.number, measure.text) == (1, world.first.text)
    assert measure.schedule.startswith("2023年6月底前") and measure.outcome.startswith("工作方案")
    roles = dict(Assignment.objects.filter(measure=measure).values_list("unit__name", "role"))
    assert roles == {"县司法局": "lead", "县教育局": "responsible", "甲县人民政府": "responsible"}
    link = MeasureLink.objects.get(child=measure)
    assert link.parent == world.first and measure.links_checked
    assert Target.objects.filter(measure=measure, unit="%", value=95).exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"break_down", "link"} <= actions
    # shown on the measure page
    ledger = client.get(
        reverse("ledger:measure", kwargs={"plan_id": plan.pk, "measure_id": measure.pk})
    )
    assert "2023年6月底前完成" in ledger.content.decode()


def test_a_measure_without_schedule_is_refused_and_nothing_made(client, world, county_units):
    client.force_login(world.people["county"])
    url = reverse("nesting:break_down_create", kwargs={"plan_id": world.plan.pk})
    response = client.post(url, _post(world, county_units, **{f"schedule-{world.first.pk}": ""}))
    assert response.status_code == 400
    assert "工作进度安排和可检验的成果形式" in response.content.decode()
    assert not Plan.objects.filter(parent=world.plan).exists()


def test_a_unit_of_another_county_or_the_prefecture_is_refused(client, world, county_units):
    client.force_login(world.people["county"])
    url = reverse("nesting:break_down_create", kwargs={"plan_id": world.plan.pk})
    data = _post(world, county_units, **{f"lead-{world.first.pk}": [world.justice.pk]})
    response = client.post(url, data)
    assert response.status_code == 400
    assert "所选单位或统称不属于本县" in response.content.decode()
    assert not Plan.objects.filter(parent=world.plan).exists()


def test_the_write_path_refuses_what_the_page_cannot_send(world, county_units):
    office = world.people["county"]
    other = f.PlanFactory(organisation=world.organisation, region=world.home)
    stranger = f.MeasureFactory(plan=other, number=9)
    pick = breakdown.Pick(stranger, [county_units[0]], [], "进度", "成果")
    with pytest.raises(ValidationError, match="不是上级方案的现行任务"):
        breakdown.create_county_plan(world.plan, world.county, office, "甲县方案", [pick])
    with pytest.raises(ValidationError, match="至少勾选"):
        breakdown.create_county_plan(world.plan, world.county, office, "甲县方案", [])
    prefecture = breakdown.Pick(world.first, [world.justice], [], "进度", "成果")
    with pytest.raises(ValidationError, match="须是甲县的单位"):
        breakdown.create_county_plan(world.plan, world.county, office, "甲县方案", [prefecture])
    assert not Plan.objects.filter(parent=world.plan).exists()


def test_the_default_title_is_the_parents_with_the_countys_name(world):
    world.plan.title = "测试州法治社会建设实施方案"
    assert breakdown.default_title(world.plan, world.county) == "甲县法治社会建设实施方案"


def test_the_ledger_export_carries_schedule_and_outcome(client, world, county_units):
    client.force_login(world.people["county"])
    url = reverse("nesting:break_down_create", kwargs={"plan_id": world.plan.pk})
    client.post(url, _post(world, county_units))
    plan = Plan.objects.get(parent=world.plan)
    response = client.get(reverse("ledger:export", kwargs={"plan_id": plan.pk}))
    from io import BytesIO

    from openpyxl import load_workbook

    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(BytesIO(content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "工作进度安排" in values and "可检验的成果形式" in values
    assert "工作方案、活动台账、年度总结。" in values


def test_the_new_plan_waits_in_the_county_offices_to_do_until_it_has_periods(
    client, world, county_units, pages_not_kept
):
    client.force_login(world.people["county"])
    url = reverse("nesting:break_down_create", kwargs={"plan_id": world.plan.pk})
    client.post(url, _post(world, county_units))
    plan = Plan.objects.get(parent=world.plan)
    todo = client.get(reverse("workspace:todo")).content.decode()
    assert "尚未设置报送周期的方案" in todo and plan.title in todo
    periods = client.get(reverse("reporting:periods") + f"?plan={plan.pk}")
    assert periods.status_code == 200
    f.PeriodFactory(plan=plan)
    assert "尚未设置报送周期的方案" not in client.get(reverse("workspace:todo")).content.decode()


def test_every_township_of_the_county_carries_a_measure_given_to_its_collective(
    client, world, county_units
):
    from taizhang.plans import assignments as plan_assignments
    from taizhang.units import services as directory

    office = world.people["county"]
    draft = directory.UnitDraft("甲镇人民政府", "government", "township", world.county)
    town = plan_assignments.create_unit(world.organisation, draft, office)
    collective = directory.get_or_create_collective(world.organisation, "各乡镇（街道）", office)
    county_office_only = directory.get_or_create_collective(world.organisation, "各县(市)", office)
    client.force_login(office)
    page = client.get(reverse("nesting:break_down", kwargs={"plan_id": world.plan.pk}))
    assert page.context["collectives"] == [collective]  # not 各县(市)
    url = reverse("nesting:break_down_create", kwargs={"plan_id": world.plan.pk})
    refused = client.post(
        url,
        _post(world, county_units, **{f"collectives-{world.first.pk}": [county_office_only.pk]}),
    )
    assert refused.status_code == 400
    client.post(
        url, _post(world, county_units, **{f"collectives-{world.first.pk}": [collective.pk]})
    )
    measure = Plan.objects.get(parent=world.plan).measures.get()
    assert Assignment.objects.filter(measure=measure, unit=town, via=collective).exists()
    assert "各乡镇（街道）" in measure.attribution_raw


def test_the_plan_made_records_who_made_it_and_when_as_its_version(client, world, county_units):
    """Plan.version says of a plan broken down from its parent who made it and when, as it
    says of an imported one who imported it: the plan's pages and the ledger export ask it."""
    import io
    from datetime import datetime

    import openpyxl
    import time_machine
    from django.utils import timezone

    county = world.people["county"]
    client.force_login(county)
    url = reverse("nesting:break_down_create", kwargs={"plan_id": world.plan.pk})
    with time_machine.travel(timezone.make_aware(datetime(2026, 9, 1, 9, 30)), tick=False):
        client.post(url, _post(world, county_units))
    plan = Plan.objects.get(title="甲县法治社会建设实施方案")
    assert plan.version_by == county
    assert plan.version.label == "第1版，2026年9月1日 09:30分解制定"
    assert plan.version_line == f"第1版，2026年9月1日 09:30分解制定（{county}）"
    ledger = client.get(reverse("ledger:ledger", kwargs={"plan_id": plan.pk}))
    assert "第1版，2026年9月1日 09:30分解制定" in ledger.content.decode()
    revise = client.get(reverse("plans:import_revise", kwargs={"plan_id": plan.pk}))
    assert f"当前版本：第1版，2026年9月1日 09:30分解制定（{county}）" in revise.content.decode()
    export = client.get(reverse("ledger:export", kwargs={"plan_id": plan.pk}))
    title = openpyxl.load_workbook(io.BytesIO(export.content)).active["A1"].value
    assert title.endswith("（第1版，2026年9月1日 09:30分解制定）")
