"""Time travel through a period falling due across the 2025 National Day holiday (1-8
October; 28 September and 11 October are make-up working days), due Friday 10 October:

- 黄灯 three working days before: from Monday 29 September (9 and 10 October and 30
  September being the other two), not on the make-up Sunday 28 September before it;
- nothing new on the holiday, however often the scheduler scans;
- 红灯 from Saturday 11 October (a working day), again every three working days, at most
  three times;
- a unit that sends its report hears nothing more; the others still do."""

from datetime import date, datetime, time
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from taizhang.notifications.models import Channel, Delivery, Notification
from taizhang.plans.models import Assignment
from taizhang.reporting import services

pytestmark = pytest.mark.django_db

DUE = date(2025, 10, 10)


@pytest.fixture
def due_in_october(world):
    period = world.period
    period.name, period.starts_on, period.ends_on, period.due_on = (
        "2025年第三季度",
        date(2025, 7, 1),
        date(2025, 9, 30),
        DUE,
    )
    period.save()
    return world


def _scan_on(day: date, *args) -> str:
    moment = timezone.make_aware(datetime.combine(day, time(9)))
    with time_machine.travel(moment, tick=False):
        out = StringIO()
        call_command("send_reminders", *args, stdout=out)
        return out.getvalue()


def _keys(event: str) -> set[str]:
    return set(Notification.objects.filter(event=event).values_list("key", flat=True))


def _told(user, event: str) -> int:
    return Delivery.objects.filter(
        recipient=user, channel=Channel.IN_APP, notification__event=event
    ).count()


def test_amber_three_working_days_before_across_the_holiday(due_in_october):
    world = due_in_october
    liaison = world.people["liaison"]
    _scan_on(date(2025, 9, 26))  # Friday: four working days before
    _scan_on(date(2025, 9, 28))  # the make-up Sunday: still four
    assert _told(liaison, "report_due") == 0
    _scan_on(date(2025, 9, 29))
    assert _told(liaison, "report_due") == 1
    message = Notification.objects.get(key=f"report_due:{world.period.pk}:{world.education.pk}")
    assert "2025年10月10日" in message.body and "还有3个工作日" in message.body
    for day in (date(2025, 9, 30), date(2025, 10, 1), date(2025, 10, 5), date(2025, 10, 9)):
        _scan_on(day)
        _scan_on(day)
    assert _told(liaison, "report_due") == 1  # once, however often it scans
    assert _told(liaison, "report_overdue") == 0
    # 甲县人民政府 has no liaison: its county office is told
    assert _told(world.people["county"], "report_due") == 1


def test_red_after_the_due_date_repeated_and_capped(due_in_october):
    world = due_in_october
    liaison = world.people["liaison"]
    _scan_on(date(2025, 10, 10))  # due today: amber, not red
    assert _told(liaison, "report_overdue") == 0
    _scan_on(date(2025, 10, 11))  # the make-up Saturday: one working day late
    assert _told(liaison, "report_overdue") == 1
    _scan_on(date(2025, 10, 12))  # Sunday: no reminders on a day off
    _scan_on(date(2025, 10, 14))
    assert _told(liaison, "report_overdue") == 1
    _scan_on(date(2025, 10, 15))  # four working days late: the second
    assert _told(liaison, "report_overdue") == 2
    for day in range(16, 32):
        _scan_on(date(2025, 10, day))
    assert _told(liaison, "report_overdue") == 3  # capped
    last = Notification.objects.filter(event="report_overdue").order_by("-pk").first()
    assert "逾期" in last.title and "任务1" in last.body


def test_sending_the_report_stops_the_reminders(due_in_october):
    world = due_in_october
    liaison, county = world.people["liaison"], world.people["county"]
    _scan_on(date(2025, 10, 11))
    mine = Assignment.objects.get(measure=world.first, unit=world.education)
    services.file_report(
        mine,
        world.period,
        liaison,
        {"status": "in_progress", "narrative": "已开展。"},
        0,
        submit_after=True,
    )
    _scan_on(date(2025, 10, 15))
    assert _told(liaison, "report_overdue") == 1  # nothing more for 州教育局
    assert _told(county, "report_overdue") == 2  # 甲县 has still not reported


def test_running_twice_sends_nothing_new_and_the_dry_run_says_what_it_would(due_in_october):
    world = due_in_october
    dry = _scan_on(date(2025, 9, 29), "--dry-run").strip().splitlines()
    assert dry[-1] == f"would send {len(dry) - 1} messages"
    assert len(dry) - 1 >= 3  # 州教育局, 州司法局 (lead), 甲县 via its county office
    assert all(line.startswith("report_due\t") for line in dry[:-1])
    assert not Notification.objects.exists()  # a dry run writes nothing
    first = _scan_on(date(2025, 9, 29))
    assert first.strip() == f"sent {len(dry) - 1} messages"
    assert _scan_on(date(2025, 9, 29)).strip() == "sent 0 messages"
    assert _scan_on(date(2025, 9, 29), "--dry-run").strip() == "would send 0 messages"
    assert world.people["liaison"].deliveries.count() == 1
