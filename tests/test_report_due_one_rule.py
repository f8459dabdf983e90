"""One answer to "when is this unit's report for this period due": the period's due date
unless an approved 延期 moves it later (reporting.models.report_due; approved_report_dues
for many). The to-do, the overdue board and the assessment's facts ask it, and agree, on a
plan where the copies of the rule could part:

  州教育局  Q1  approved to 30 April                 -> due 30 April
  甲县政府  Q1  asked for 30 April, refused          -> due 10 April (the period's)
  州公安局  Q2  approved to 31 July (another period) -> Q1 due 10 April, Q2 31 July
  州司法局  Q2  approved to 20 July, then the office moved Q2 to 25 July
                                                     -> due 25 July (no longer in force)

Before status.owed_reports asked whether an approved date was still in force, the office's
to-do on 15 April counted two Q2 reports owed where there are three: it took 州司法局's
overtaken extension for one still moving its date, while that unit's own to-do listed the
report due on 25 July.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.utils import timezone

from taizhang.accounts.models import Role
from taizhang.assessment.facts import gather
from taizhang.plans.models import Assignment
from taizhang.reporting import extensions, periods
from taizhang.reporting.models import Period, approved_report_dues, report_due
from taizhang.supervision.overdue import late_items
from taizhang.workspace.todo import todo_for
from tests import factories as f

pytestmark = pytest.mark.django_db
Q1_DUE = datetime.date(2025, 4, 10)
Q2_DUE = datetime.date(2025, 7, 25)  # moved from 10 July, past 州司法局's approved 20 July


def at(day: datetime.date):
    moment = datetime.datetime.combine(day, datetime.time(9))
    return time_machine.travel(timezone.make_aware(moment), tick=False)


@pytest.fixture
def plan(world):
    office = world.people["office"]
    q2 = f.PeriodFactory(plan=world.plan, second_quarter=True)
    units = {
        "justice": world.justice,
        "education": world.education,
        "county": world.county_government,
        "police": world.police,
    }
    found = {a.unit_id: a for a in Assignment.objects.all()}
    assignments = {key: found[unit.pk] for key, unit in units.items()}
    liaisons = {
        key: f.UserFactory(organisation=world.organisation, role=Role.LIAISON, unit=unit)
        for key, unit in units.items()
    }

    def extension(key, period, day, approve):
        with at(datetime.date(2025, 4, 8)):
            asked = extensions.request(assignments[key], period, liaisons[key], day, "数据汇总延迟")
            extensions.decide(asked, office, approve, "" if approve else "理由不充分")

    extension("education", world.period, datetime.date(2025, 4, 30), True)
    extension("county", world.period, datetime.date(2025, 4, 30), False)
    extension("police", q2, datetime.date(2025, 7, 31), True)
    extension("justice", q2, datetime.date(2025, 7, 20), True)
    periods.update_period(
        q2, office, q2.name, q2.kind, q2.starts_on, q2.ends_on, periods.Due(on=Q2_DUE)
    )
    scheme = f.SchemeFactory(plan=world.plan, year=2025)
    f.IndicatorFactory(scheme=scheme, kind="report_timeliness", name="按时报送", weight=10)
    return SimpleNamespace(
        world=world,
        q1=Period.objects.get(pk=world.period.pk),
        q2=Period.objects.get(pk=q2.pk),
        assignments=assignments,
        liaisons=liaisons,
        scheme=scheme,
        key_of={unit.pk: key for key, unit in units.items()},
    )


def _due(plan):
    """(unit key, period name) -> the one answer, asked for the list at once."""
    dues = approved_report_dues([plan.q1, plan.q2])
    return {
        (key, period.name): report_due(period, assignment.pk, dues)
        for key, assignment in plan.assignments.items()
        for period in (plan.q1, plan.q2)
    }


def test_the_one_answer(plan):
    q1, q2 = plan.q1, plan.q2
    due = _due(plan)
    assert [due[key, q1.name] for key in ("justice", "education", "county", "police")] == [
        Q1_DUE,
        datetime.date(2025, 4, 30),
        Q1_DUE,
        Q1_DUE,
    ]
    assert [due[key, q2.name] for key in ("justice", "education", "county", "police")] == [
        Q2_DUE,
        Q2_DUE,
        Q2_DUE,
        datetime.date(2025, 7, 31),
    ]
    # the report in hand and the request form's 原期限 say the same
    for key, assignment in plan.assignments.items():
        for period in (q1, q2):
            report = f.ReportFactory.build(assignment=assignment, period=period)
            assert report.due_on == due[key, period.name]
            assert extensions.current_due(assignment, period) == due[key, period.name]


@pytest.mark.parametrize("day", [datetime.date(2025, 4, 15), datetime.date(2025, 7, 28)])
def test_the_to_do_the_board_and_the_facts_ask_it(plan, day):
    world, q1, q2, liaisons, key_of = plan.world, plan.q1, plan.q2, plan.liaisons, plan.key_of
    due = _due(plan)
    with at(day):
        # the to-do: each unit's reports due, each on its date
        listed = {}
        for key, liaison in liaisons.items():
            for item in todo_for(liaison, day).due:
                listed[key, item.period.name] = item.due_on
        # the board: missing = never sent past that date, late since it
        board = {
            (key_of[item.unit_id], item.detail.removesuffix("进展报告逾期未报送")): item.due_on
            for item in late_items(world.organisation, day)
            if item.kind == "report_overdue"
        }
        # the office's to-do: per open period, the reports owed so far
        owed = {
            summary.period.name: summary.expected
            for summary in todo_for(world.people["office"], day).summaries
        }
        units, _ = gather(plan.scheme, [], day)
    assert listed == {pair: due[pair] for pair in listed}
    assert {(key, q2.name) for key in liaisons} <= set(listed)
    expected_board = {pair: date for pair, date in due.items() if date < day}
    assert board == expected_board
    # the assessment: reports owed of the periods due, by the same dates
    facts = {key_of[s.id]: s.facts.reports_missing for s in units}
    assert facts == {
        key: sum(1 for (k, _), date in expected_board.items() if k == key) for key in liaisons
    }
    # owed so far: every report of a period begun, except one an approved date in force
    # has moved past today and not sent yet
    period_due = {q1.name: q1.due_on, q2.name: q2.due_on}
    in_force = {pair for pair, date in due.items() if date >= day and date > period_due[pair[1]]}
    assert owed == {
        name: sum(1 for key in liaisons if (key, name) not in in_force) for name in owed
    }
    assert q2.name in owed
