"""The reminders of the demo's year: on each day a reminder was due (黄灯 before a period's
due date, 红灯 after it), the scan runs as the scheduler would have run it, so the message
centres and the delivery log tell the year as it happened."""

from __future__ import annotations

from datetime import date

from taizhang.demo import clock
from taizhang.supervision.reminders import due_reminders, setting
from taizhang.workdays import add_working_days


def replay(organisation, periods, today: date) -> None:
    for day in sorted({d for period in periods for d in _days(period)}):
        if day >= today:
            continue
        with clock.on(clock.moment(day, 8, 30)):
            for reminder in due_reminders(day, [organisation]):
                if reminder.pending():  # as send_reminders: only what reaches someone
                    reminder.send()


def _days(period) -> list[date]:
    """The days a period's reminders change: amber, then each red."""
    every = setting("OVERDUE_EVERY_WORKING_DAYS")
    days = [add_working_days(period.due_on, -setting("DUE_WORKING_DAYS"))]
    days += [
        add_working_days(period.due_on, 1 + n * every) for n in range(setting("OVERDUE_TIMES"))
    ]
    return days
