"""One rule for a missing report (reporting.status.missing_reports, MISSING_RULE): the
board's 逾期未报 items, its count, the dashboard's and the assessment's are one number on
a plan with a closed measure (owes the periods due before its closure, none after), an
approved extension (late only once its date has passed) and a 不涉及 (owes nothing)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from taizhang.plans.models import Assignment
from taizhang.reporting import closing, extensions, status
from taizhang.supervision.overdue import late_items
from tests import factories as f

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Shanghai")
CLOSED = datetime.datetime(2025, 4, 21, 10, 0, tzinfo=TZ)  # after Q1 (due 10 April)
TODAY = datetime.date(2025, 7, 20)  # after Q2 (due 10 July)


@pytest.fixture
def plan(world, pages_not_kept):
    """Measure 1 (州司法局 leads, 州教育局 and 甲县人民政府 carry it) is closed on 21 April;
    甲县人民政府 declared it 不涉及; the 公安局's Q2 report on measure 2 is due on 31 July."""
    police = f.UserFactory(organisation=world.organisation, role="liaison", unit=world.police)
    second_quarter = f.PeriodFactory(plan=world.plan, second_quarter=True)
    Assignment.objects.filter(measure=world.first, unit=world.county_government).update(
        not_concerned=True  # what an approved 不涉及 leaves (plans.exemptions)
    )
    with time_machine.travel(CLOSED, tick=False):
        closure = closing.apply(world.first, world.people["reviewer"], "已全部完成。", None)
        closing.confirm(closure, world.people["office"])
    with time_machine.travel(datetime.datetime(2025, 7, 1, 9, tzinfo=TZ), tick=False):
        carried = Assignment.objects.get(measure=world.second, unit=world.police)
        extension = extensions.request(
            carried, second_quarter, police, datetime.date(2025, 7, 31), "数据汇总需时。"
        )
        extensions.decide(extension, world.people["office"], approve=True)
    world.second_quarter = second_quarter
    return world


def _missing(world):
    return set(
        status.missing_reports(
            Assignment.objects.filter(measure__plan=world.plan), TODAY
        ).values_list("unit_id", "measure_id", "period_id")
    )


def test_the_rule_keeps_what_fell_due_before_the_closure_and_drops_the_rest(plan):
    q1, q2 = plan.period.pk, plan.second_quarter.pk
    assert _missing(plan) == {
        (plan.justice.pk, plan.first.pk, q1),  # due before the closure: still owed
        (plan.education.pk, plan.first.pk, q1),
        (plan.police.pk, plan.second.pk, q1),
        # Q2 of measure 1 fell due after its closure; 甲县 is 不涉及; the 公安局's Q2 is
        # extended to 31 July
    }
    later = TODAY + datetime.timedelta(days=15)
    extended = set(
        status.missing_reports(
            Assignment.objects.filter(measure__plan=plan.plan), later
        ).values_list("unit_id", "period_id")
    )
    assert (plan.police.pk, q2) in extended


def test_the_board_the_dashboard_and_timeliness_say_one_number(client, plan):
    client.force_login(plan.people["office"])
    with time_machine.travel(datetime.datetime(2025, 7, 20, 10, tzinfo=TZ), tick=False):
        board = client.get(reverse("supervision:board", kwargs={"plan_id": plan.plan.pk}))
        dashboard = client.get(reverse("dashboards:plan", kwargs={"plan_id": plan.plan.pk}))
        items = late_items(plan.organisation, TODAY, plan.plan)
    overdue = {
        (i.unit_id, i.measure_id, i.detail.removesuffix("进展报告逾期未报送"))
        for i in items
        if i.kind == "report_overdue"
    }
    names = {plan.period.pk: plan.period.name, plan.second_quarter.pk: "2025年第二季度"}
    assert overdue == {(u, m, names[p]) for u, m, p in _missing(plan)}
    on_board = board.context["kinds"][0][2]
    assert board.context["reports"].missing == on_board == len(overdue) == 3
    assert dashboard.context["figures"].key.late_reports == 3
