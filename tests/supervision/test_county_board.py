"""A county office supervises its own plan's units on its own board; the to-do gives it the
reports of its plan to review (and the prefecture office no longer those)."""

from django.urls import reverse

from taizhang.workspace.todo import todo_for
from tests import factories as f


def county_plan_with_a_report(world):
    plan = f.PlanFactory(organisation=world.organisation, region=world.county, parent=world.plan)
    measure = f.MeasureFactory(plan=plan, number=1)
    assignment = f.AssignmentFactory(measure=measure, unit=world.county_government, role="lead")
    report = f.ReportFactory(
        assignment=assignment,
        period=f.PeriodFactory(plan=plan),
        state="submitted",
        status="in_progress",
        narrative="已开展宪法宣传周活动。",
    )
    return plan, report


def test_the_county_office_opens_its_own_plans_board(client, world):
    plan, _ = county_plan_with_a_report(world)
    client.force_login(world.people["county"])
    home = client.get(reverse("supervision:board_home"))
    assert home.url == reverse("supervision:board", kwargs={"plan_id": plan.pk})
    assert client.get(home.url).status_code == 200
    prefecture = reverse("supervision:board", kwargs={"plan_id": world.plan.pk})
    assert client.get(prefecture).status_code == 403


def test_the_county_office_reviews_its_own_plans_reports(world):
    _, report = county_plan_with_a_report(world)
    county, office = world.people["county"], world.people["office"]
    assert county.has_perm("reporting.review_report", report)
    assert not office.has_perm("reporting.review_report", report)
    assert [r.pk for r in todo_for(county, report.period.due_on).office_review] == [report.pk]
    assert report.pk not in [r.pk for r in todo_for(office, report.period.due_on).office_review]
