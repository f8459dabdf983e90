"""A plan moved through a year with a frozen clock: quarterly periods are created, a
unit's report falls due (its to-do shows it), becomes late (the board shows it with the
days late), gets filed (it disappears), is returned (it shows up again, as returned), and
a duty not fulfilled by the year end shows as missed."""

from datetime import date

import time_machine
from django.urls import reverse

from taizhang.plans.models import Assignment
from taizhang.reporting import periods, services
from taizhang.supervision.overdue import late_items_for_unit
from tests import factories as f
from tests.supervision.helpers import filed


def on(day):
    return time_machine.travel(day, tick=False)


def page(client, user, name, **kwargs):
    client.force_login(user)
    return client.get(reverse(name, kwargs=kwargs)).content.decode()


def test_a_year_of_supervision(client, world):
    office, liaison = world.people["office"], world.people["liaison"]
    world.period.delete()
    world.plan.start_year = 2025  # duties are owed from the plan's first year
    world.plan.save()
    mine = Assignment.objects.get(measure=world.first, unit=world.education)
    duty = f.RecurringDutyFactory(
        measure=world.first, times_per_year=2, quote="每年至少开展2次评查"
    )

    with on(date(2025, 1, 6)):
        quarters = periods.create_year(office, world.plan, 2025, "quarterly", 10, catch_up=True)
    first = quarters[0]
    assert [p.name for p in quarters] == [f"2025年第{q}季度" for q in "一二三四"]
    assert first.due_on == date(2025, 4, 15)  # 10 working days after 31 March (清明 4-6 April)

    with on(date(2025, 4, 2)):  # the quarter has ended: the report is due, not late
        todo = page(client, liaison, "workspace:todo")
        assert "2025年第一季度" in todo
        board = page(client, office, "supervision:board", plan_id=world.plan.pk)
        assert "州教育局" not in board

    with on(date(2025, 4, 25)):  # ten days after the due date
        board = page(client, office, "supervision:board", plan_id=world.plan.pk)
        assert "州教育局" in board and "2025年第一季度进展报告逾期未报送" in board
        assert "逾期10天" in board

    with on(date(2025, 4, 26)):
        report = filed(mine, first, liaison)
        assert late_items_for_unit(world.education, date(2025, 4, 26)) == []

    with on(date(2025, 4, 28)):
        services.review(report, world.people["reviewer"], "return", "请补充佐证", report.version)
    with on(date(2025, 5, 8)):
        board = page(client, office, "supervision:board", plan_id=world.plan.pk)
        assert "被退回后未重新报送" in board and "逾期10天" in board

    with on(date(2025, 6, 1)):
        f.DutyFulfilmentFactory(duty=duty, unit=world.education, happened_on=date(2025, 5, 30))
    with on(date(2025, 12, 31)):  # the year is not over: nothing missed yet
        kinds = {i.kind for i in late_items_for_unit(world.education, date(2025, 12, 31))}
        assert "duty_missed" not in kinds
    with on(date(2026, 1, 5)):
        board = page(client, office, "supervision:board", plan_id=world.plan.pk)
        assert "2025年“每年至少开展2次评查”应开展2次，实际1次" in board
        missed = [
            i
            for i in late_items_for_unit(world.education, date(2026, 1, 5))
            if i.kind == "duty_missed"
        ]
        assert [i.days_late for i in missed] == [4]
