"""What reporting tells people (through notifications.notify), called by its write path."""

from __future__ import annotations

from collections import defaultdict

from django.urls import reverse

from taizhang.notifications.api import Message, Send, notify, notify_many, said
from taizhang.notifications.events import Event
from taizhang.notifications.recipients import Duty, for_unit
from taizhang.reporting import reviewers


def report_returned(report, review) -> None:
    """The unit that filed a report is told it came back, with the reviewer's comment."""
    unit = report.assignment.unit
    message = _returned(report, review)
    notify(unit.organisation, message, users=for_unit(unit, Duty.FILE), units=[unit])


def reports_returned(returns) -> None:
    """``report_returned`` for many (report, review) pairs at once (reporting.bulk), each
    message dated when its review was made."""
    people: dict[int, list] = {}  # unit id -> who files for it, asked once per unit
    sends: dict[int, list[Send]] = defaultdict(list)  # organisation id -> its messages
    organisations = {}
    for report, review in returns:
        unit = report.assignment.unit
        if unit.pk not in people:
            people[unit.pk] = for_unit(unit, Duty.FILE)
        if unit.organisation_id not in organisations:
            organisations[unit.organisation_id] = unit.organisation
        message = _returned(report, review)
        sends[unit.organisation_id].append(Send(message, people[unit.pk], [unit], at=review.at))
    for organisation_id, told in sends.items():
        notify_many(organisations[organisation_id], told)


def _returned(report, review) -> Message:
    unit, measure = report.assignment.unit, report.assignment.measure
    return Message(
        Event.REPORT_RETURNED,
        f"report_returned:{review.pk}",
        f"报告被退回：任务{measure.number}（{report.period.name}）",
        f"{unit.name}报送的任务{measure.number}（{report.period.name}）进展报告被退回，"
        f"退回意见：{said(review.comment)}。请修改后重新报送。",
        reverse(
            "reporting:report",
            kwargs={"assignment_id": report.assignment_id, "period_id": report.period_id},
        ),
    )


def report_reopened(report, user, reason: str) -> None:
    """The office undid an acceptance (撤销审核通过): the unit learns its report is not
    accepted after all, and its reviewers find it waiting for them again."""
    unit, measure = report.assignment.unit, report.assignment.measure
    what = f"任务{measure.number}（{report.period.name}）"
    link = reverse("reporting:report_detail", kwargs={"report_id": report.pk})
    key = f"report_reopened:{report.pk}:{report.version}"
    notify(
        unit.organisation,
        Message(
            Event.REPORT_REOPENED,
            f"{key}:unit",
            f"审核通过已撤销：{what}",
            f"依法治理办（{user}）撤销了{unit.name}{what}进展报告的审核通过，"
            f"原因：{said(reason)}。报告重新等待审核，审核前不计入任务状态。",
            link,
        ),
        users=for_unit(unit, Duty.FILE),
        units=[unit],
    )
    notify(
        unit.organisation,
        Message(
            Event.REPORT_REOPENED,
            f"{key}:reviewers",
            f"报告重新待审核：{what}",
            f"依法治理办（{user}）撤销了{unit.name}{what}进展报告的审核通过，"
            f"原因：{said(reason)}。该报告已回到待审核事项，请重新审核。",
            link,
        ),
        users=reviewers.reviewers_of(report),
    )


def report_withdrawn(report, user) -> None:
    """The reviewers who had a report waiting are told its unit took it back (撤回): it
    left their to-do and needs nothing from them until it is sent again."""
    unit, measure = report.assignment.unit, report.assignment.measure
    notify(
        unit.organisation,
        Message(
            Event.REPORT_WITHDRAWN,
            f"report_withdrawn:{report.pk}:{report.version}",
            f"报告已撤回：任务{measure.number}（{report.period.name}）",
            f"{unit.name}已撤回报送的任务{measure.number}（{report.period.name}）进展报告"
            f"（撤回人：{user}），该报告已移出您的待审核事项，重新报送后再行审核。",
            reverse(
                "reporting:report",
                kwargs={"assignment_id": report.assignment_id, "period_id": report.period_id},
            ),
        ),
        users=reviewers.reviewers_of(report),
    )
