"""The reports a liaison owes, grouped by plan, filtered by plan, state and due date,
sorted, saved drafts marked 草稿."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from taizhang.reporting import services
from tests.factories import AssignmentFactory, MeasureFactory, PeriodFactory, PlanFactory

TODO = reverse("workspace:todo")
TODAY = datetime.datetime(2025, 4, 15, 10, tzinfo=datetime.UTC)  # Q1 due 10 April: overdue


@pytest.fixture
def owed(world):
    """教育局 owes measure 1 and measure 5 of the plan (Q1, overdue; Q2, due in July),
    and measure 1 of a second plan (due in May); its measure-5 Q1 report is a draft."""
    fifth = MeasureFactory(plan=world.plan, number=5)
    AssignmentFactory(measure=fifth, unit=world.education, role="responsible")
    PeriodFactory(plan=world.plan, second_quarter=True)
    other = PlanFactory(organisation=world.organisation, region=world.home, title="乙方案")
    measure = MeasureFactory(plan=other, number=1)
    AssignmentFactory(measure=measure, unit=world.education, role="lead")
    PeriodFactory(
        plan=other,
        name="乙方案一季度",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 3, 31),
        due_on=datetime.date(2025, 5, 10),
    )
    report = services.start_report(fifth.assignments.get(), world.period)
    services.save_draft(report, world.people["liaison"], {"narrative": "写了一半"}, 0)
    return other


def _due(client, **params):
    with time_machine.travel(TODAY, tick=False):
        response = client.get(TODO, params)
    items = response.context["todo"].due
    return response, [(i.period.name, i.assignment.measure.number) for i in items]


@pytest.mark.django_db
def test_grouped_by_plan_and_sorted_by_due_date(client, world, owed):
    client.force_login(world.people["liaison"])
    response, items = _due(client)
    q1 = world.period.name
    assert items == [
        (q1, 1),
        (q1, 5),
        ("2025年第二季度", 1),
        ("2025年第二季度", 5),
        ("乙方案一季度", 1),
    ]
    page = response.content.decode()
    assert page.count('class="plan-group"') == 2 and "乙方案" in page
    assert page.count(">草稿</span>") == 1


@pytest.mark.django_db
def test_sorted_by_task_number(client, world, owed):
    client.force_login(world.people["liaison"])
    _, items = _due(client, sort="measure")
    assert [n for _, n in items] == [1, 1, 5, 5, 1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "draft"}, [("Q1", 5)]),
        ({"state": "overdue"}, [("Q1", 1), ("Q1", 5)]),
        ({"state": "not_started", "due_by": "2025-05-31"}, [("Q1", 1), ("乙方案一季度", 1)]),
    ],
)
def test_filtered_by_state_and_due_date(client, world, owed, params, expected):
    client.force_login(world.people["liaison"])
    _, items = _due(client, **params)
    names = {world.period.name: "Q1"}
    assert [(names.get(p, p), n) for p, n in items] == expected


@pytest.mark.django_db
def test_filtered_by_plan_and_the_counts_stay_whole(client, world, owed):
    client.force_login(world.people["liaison"])
    response, items = _due(client, plan=owed.pk)
    assert items == [("乙方案一季度", 1)]
    todo = response.context["todo"]
    assert (todo.due_total, todo.due_matching, todo.overdue_count) == (5, 1, 2)


@pytest.mark.django_db
def test_a_bad_date_gets_a_message_and_everything_is_listed(client, world, owed):
    client.force_login(world.people["liaison"])
    response, items = _due(client, due_by="明天")
    assert len(items) == 5
    assert "请输入有效的日期" in response.content.decode()
