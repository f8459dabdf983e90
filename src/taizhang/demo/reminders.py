"""The reminders of the demo's year: on each day a reminder was due (黄灯 before a period's
due date, 红灯 after it), the scan runs as the scheduler would have run it, so the message
centres and the delivery log tell the year as it happened."""

from __future__ import annotations

from datetime import date

from taizhang.demo import clock
from taizhang.notifications.api import Send, notify_many, pending_many
from taizhang.supervision.reminders import due_reminders, setting
from taizhang.workdays import add_working_days


def replay(organisation, periods, today: date) -> None:
    """Each day's scan as send_reminders runs it (a reminder is sent only when it reaches
    someone it has not reached), the day's reminders told together at 8:30."""
    for day in sorted({d for period in periods for d in _days(period)}):
        if day >= today:
            continue
        at = clock.moment(day, 8, 30)
        with clock.on(at):
            scanned = due_reminders(day, [organisation])
            due = [Send(r.message, r.users, r.units, at) for r in scanned]
            reaching = pending_many(organisation, due)
            notify_many(organisation, [send for send, t in zip(due, reaching, strict=True) if t])


def _days(period) -> list[date]:
    """The days a period's reminders change: amber, then each red."""
    every = setting("OVERDUE_EVERY_WORKING_DAYS")
    days = [add_working_days(period.due_on, -setting("DUE_WORKING_DAYS"))]
    days += [
        add_working_days(period.due_on, 1 + n * every) for n in range(setting("OVERDUE_TIMES"))
    ]
    return days
