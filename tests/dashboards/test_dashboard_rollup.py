"""The dashboard of a plan with county plans switches between its own units' reports and
the counties' roll-up, each with its 口径."""

import datetime

from django.urls import reverse

from taizhang.plans.models import Measure, MeasureLink
from taizhang.reporting.status import measure_statuses
from taizhang.supervision.rollup import PLAN_RULE, plan_rollup
from tests import factories as f


def _county_measure(world, region, status):
    plan = f.PlanFactory(organisation=world.organisation, region=region, parent=world.plan)
    measure = f.MeasureFactory(plan=plan, number=1, deadline=datetime.date(2099, 12, 31))
    unit = f.UnitFactory(organisation=world.organisation, region=region)
    assignment = f.AssignmentFactory(measure=measure, unit=unit, role="lead")
    f.ReportFactory(assignment=assignment, status=status, state="accepted")
    MeasureLink.objects.create(
        child=measure, parent=world.first, confirmed_at=datetime.datetime.now(datetime.UTC)
    )
    return measure


def test_the_roll_up_of_a_plan_counts_each_measure_by_its_counties(world):
    second = f.CountyFactory(organisation=world.organisation, name="乙县")
    _county_measure(world, world.county, "done")
    _county_measure(world, second, "done")
    day = datetime.date(2026, 1, 15)
    result = plan_rollup(world.plan, day)
    rows = {row.measure: row for row in result.rows}
    assert rows[world.first].status == "done"
    # its own status is reporting.status's, from the plan's own units (none reported)
    own = measure_statuses(Measure.objects.filter(pk=world.first.pk), day)[world.first.pk]
    assert rows[world.first].own_status == own != "done"
    assert rows[world.first].counties == sorted(["甲县", "乙县"])
    assert rows[world.second].status is None
    counts = {status: n for status, _, n in result.counts()}
    assert counts["done"] == 1 and counts["none"] == 1 and result.linked == 1


def test_one_lagging_county_makes_the_roll_up_lag(world):
    second = f.CountyFactory(organisation=world.organisation, name="乙县")
    _county_measure(world, world.county, "done")
    _county_measure(world, second, "lagging")
    rows = {r.measure: r for r in plan_rollup(world.plan, datetime.date(2026, 1, 15)).rows}
    assert rows[world.first].status == "lagging"


def test_the_dashboard_switches_to_the_counties_roll_up(client, world):
    _county_measure(world, world.county, "done")
    client.force_login(world.people["office"])
    url = reverse("dashboards:plan", kwargs={"plan_id": world.plan.pk})
    own = client.get(url).content.decode()
    assert "县级汇总" in own and "按章节完成情况" in own
    rolled = client.get(url + "?source=counties")
    html = rolled.content.decode()
    assert rolled.status_code == 200
    assert "各项任务：本级报送与县级汇总" in html and PLAN_RULE in html
    assert "按章节完成情况" not in html
    row = next(r for r in rolled.context["rollup"].rows if r.measure == world.first)
    assert (row.status, row.counties) == ("done", ["甲县"])


def test_a_plan_without_county_plans_offers_no_switch(client, world):
    client.force_login(world.people["office"])
    url = reverse("dashboards:plan", kwargs={"plan_id": world.plan.pk})
    page = client.get(url + "?source=counties").content.decode()
    assert "本级报送" not in page and "按章节完成情况" in page
