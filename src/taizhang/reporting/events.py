"""What reporting tells people (through notifications.notify), called by its write path."""

from __future__ import annotations

from django.urls import reverse

from taizhang.notifications.api import Message, notify
from taizhang.notifications.events import Event
from taizhang.notifications.recipients import Duty, for_unit


def report_returned(report, review) -> None:
    """The unit that filed a report is told it came back, with the reviewer's comment."""
    unit, measure = report.assignment.unit, report.assignment.measure
    notify(
        unit.organisation,
        Message(
            Event.REPORT_RETURNED,
            f"report_returned:{review.pk}",
            f"报告被退回：任务{measure.number}（{report.period.name}）",
            f"{unit.name}报送的任务{measure.number}{report.period.name}进展报告被退回，"
            f"退回意见：{review.comment.strip()}。请修改后重新报送。",
            reverse(
                "reporting:report",
                kwargs={"assignment_id": report.assignment_id, "period_id": report.period_id},
            ),
        ),
        users=for_unit(unit, Duty.FILE),
        units=[unit],
    )
