"""The board and every missing count read an approved 延期 as reporting does: a report
whose approved due date has not come is neither late on the board nor 逾期未报 in any
count; once that date has passed unfiled, it is late from that date. The board and the
dashboard say the same number."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from taizhang.assessment.facts import gather
from taizhang.plans.models import Assignment
from taizhang.reporting import extensions
from taizhang.supervision.overdue import late_items
from tests import factories as f
from tests.supervision.helpers import filed

pytestmark = pytest.mark.django_db
AFTER_DUE = date(2025, 4, 20)  # the world's period (2025 Q1) was due on 2025-04-10
EXTENDED = date(2025, 4, 30)


@pytest.fixture
def extended(world):
    """The 教育局 asked for its Q1 report to be due on 30 April; the office approved."""
    assignment = Assignment.objects.get(measure=world.first, unit=world.education)
    extension = extensions.request(
        assignment, world.period, world.people["liaison"], EXTENDED, "数据汇总需时。"
    )
    extensions.decide(extension, world.people["office"], approve=True)
    return assignment


def _pages(client, world, day):
    """(the board's late items, its 逾期未报 count, the dashboard's) as of ``day``."""
    client.force_login(world.people["office"])
    with time_machine.travel(day, tick=False):
        board = client.get(reverse("supervision:board", kwargs={"plan_id": world.plan.pk}))
        dashboard = client.get(reverse("dashboards:plan", kwargs={"plan_id": world.plan.pk}))
    assert board.status_code == dashboard.status_code == 200
    return (
        late_items(world.organisation, day, world.plan),
        board.context["reports"].missing,
        dashboard.context["figures"].key.late_reports,
    )


def _overdue(items, unit):
    return [i for i in items if i.kind == "report_overdue" and i.unit_id == unit.pk]


def test_an_approved_extension_takes_the_report_off_the_board_and_the_missing_count(
    client, world, extended
):
    items, on_board, on_dashboard = _pages(client, world, AFTER_DUE)
    assert _overdue(items, world.education) == []
    overdue = [i for i in items if i.kind == "report_overdue"]
    assert overdue  # the others are still late
    assert on_board == on_dashboard == len(overdue)


def test_without_the_extension_the_report_is_late_and_counted(client, world):
    items, on_board, on_dashboard = _pages(client, world, AFTER_DUE)
    assert len(_overdue(items, world.education)) == 1
    assert on_board == on_dashboard == len([i for i in items if i.kind == "report_overdue"])


def test_past_the_approved_date_unfiled_it_is_late_from_that_date(client, world, extended):
    items, on_board, on_dashboard = _pages(client, world, date(2025, 5, 6))
    [item] = _overdue(items, world.education)
    assert (item.due_on, item.days_late) == (EXTENDED, 6)
    assert on_board == on_dashboard == len([i for i in items if i.kind == "report_overdue"])


def test_filed_after_the_period_but_before_the_approved_date_is_on_time(world, extended):
    with time_machine.travel(date(2025, 4, 25), tick=False):
        filed(extended, world.period, world.people["liaison"])
    scheme = f.SchemeFactory(plan=world.plan, year=2025)
    units, _counties = gather(scheme, [], date(2025, 5, 6))
    [education] = [u for u in units if u.id == world.education.pk]
    assert (education.facts.reports_on_time, education.facts.reports_missing) == (1, 0)
    assert _overdue(late_items(world.organisation, date(2025, 5, 6)), world.education) == []


def test_an_exempted_unit_is_not_late_on_the_board(client, world):
    """不涉及 approved: the assignment owes nothing, on the board as in every count."""
    assignment = Assignment.objects.get(measure=world.first, unit=world.education)
    Assignment.objects.filter(pk=assignment.pk).update(not_concerned=True)
    items, on_board, on_dashboard = _pages(client, world, AFTER_DUE)
    assert _overdue(items, world.education) == []
    assert on_board == on_dashboard == len([i for i in items if i.kind == "report_overdue"])
