"""A measure closed in the middle of the year asks no more reports: with the clock moved,
州教育局 is reminded of its third-quarter report on measure 1 (黄灯 before the due date);
州司法局 applies to close measure 1 and the office confirms (销号) in mid-October; the
fourth quarter's 黄灯 then names only what is still open, the to-do owes nothing on
measure 1, and the plan counts it 已完成. Reopened, it is asked again."""

from __future__ import annotations

from datetime import date, datetime, time
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from taizhang.notifications.models import Notification
from taizhang.plans.models import Assignment
from taizhang.reporting import closing, status
from tests import factories as f

pytestmark = pytest.mark.django_db


def moment(day: date, hour=9):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def scan(day: date) -> None:
    with time_machine.travel(moment(day), tick=False):
        call_command("send_reminders", stdout=StringIO())


def amber(period, unit) -> Notification | None:
    return Notification.objects.filter(key=f"report_due:{period.pk}:{unit.pk}").first()


def test_a_closed_measure_asks_no_more_reports_until_reopened(client, world):
    q3 = f.PeriodFactory(
        plan=world.plan, name="2025年第三季度", starts_on=date(2025, 7, 1),
        ends_on=date(2025, 9, 30), due_on=date(2025, 10, 10),
    )  # fmt: skip
    q4 = f.PeriodFactory(
        plan=world.plan, name="2025年第四季度", starts_on=date(2025, 10, 1),
        ends_on=date(2025, 12, 31), due_on=date(2026, 1, 12),
    )  # fmt: skip
    # 州教育局 carries measure 1 and, for this story, measure 2 as well.
    f.AssignmentFactory(
        measure=world.second, unit=world.education, role=Assignment.Role.RESPONSIBLE
    )

    scan(date(2025, 9, 29))  # 黄灯 for the third quarter: both measures owed
    assert "任务1、2" in amber(q3, world.education).body

    with time_machine.travel(moment(date(2025, 10, 15), 10), tick=False):
        closure = closing.apply(world.first, world.people["reviewer"], "已全部完成。")
    with time_machine.travel(moment(date(2025, 10, 16), 10), tick=False):
        closing.confirm(closure, world.people["office"])

    scan(date(2026, 1, 7))  # 黄灯 for the fourth quarter: only measure 2 is asked
    body = amber(q4, world.education).body
    assert "1项任务" in body and "任务2" in body and "任务1、" not in body

    client.force_login(world.people["liaison"])
    with time_machine.travel(moment(date(2026, 1, 7), 10), tick=False):
        due = client.get(reverse("workspace:todo")).context["todo"].due
        assert {(i.assignment.measure_id, i.period.pk) for i in due} >= {(world.second.pk, q4.pk)}
        assert world.first.pk not in {i.assignment.measure_id for i in due}
        assert status.progress(world.plan, date(2026, 1, 7)).measures[world.first.pk] == "done"

    # The fourth quarter does not count measure 1 as owed; the third (due before) does.
    carried = Assignment.objects.filter(measure__plan=world.plan, unit=world.education)
    table = status.timeliness(carried, [q3, q4])
    assert (
        table[world.education.pk, q3.pk].expected,
        table[world.education.pk, q4.pk].expected,
    ) == (2, 1)

    with time_machine.travel(moment(date(2026, 1, 8), 10), tick=False):
        closing.reopen(closure, world.people["office"], "督查发现仍有县未落实。")
        due = client.get(reverse("workspace:todo")).context["todo"].due
        assert world.first.pk in {i.assignment.measure_id for i in due}
