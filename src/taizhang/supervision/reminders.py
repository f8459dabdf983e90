"""The reminders the scheduler sends (manage.py send_reminders): what is due soon, what
is late, what waits for review. Each is a message to the people of a unit (and its group
chat), keyed so that a scan run twice, or every ten minutes, tells each thing once.

- 黄灯 (report_due): N working days before a period's due date (default 3, counted on the
  Chinese calendar, so a due date after the National Day holiday warns before it), a unit
  that has not sent every report it owes for the period is told which ones. Once per unit
  and period.
- 红灯 (report_overdue): after the due date, the unit is told again every M working days
  (default 3), at most K times (default 3); after that the office's urging notice
  (催办通知) takes over. Sending the reports stops both: only what is still owed counts.
- 待审核 (review_waiting): reports waiting more than N working days (default 5) for review
  are counted for whoever reviews them (the lead unit's reviewers, else the office), once
  a week.
- 新报送待审核 (review_arrived): each working day at REVIEW_ARRIVED_HOUR (default 17:00)
  or the first scan after it, whoever reviews reports is told how many reached their
  to-do since the previous working day's digest (sent, or sent again after a return) and
  still await review; nothing on a day with nothing new.

- 未签收 (notice_unsigned): an urging notice not signed for N working days after it was
  issued (default 2) is pressed on the unit once; still unsigned after 2N, the office is
  told once. The notices app registers this scan (``register``): supervision sits below
  notices and does not import it.

Reminders go out on working days only, as an office would send them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from taizhang.notifications.api import Message, notify, pending
from taizhang.notifications.events import Event
from taizhang.notifications.recipients import Duty, county_office, for_unit, office
from taizhang.plans.models import Assignment
from taizhang.reporting import reviewers, status
from taizhang.reporting.models import (
    Period,
    ProgressReport,
    approved_report_dues,
    report_due,
)
from taizhang.units.models import Organisation, Unit
from taizhang.workdays import add_working_days, is_working_day, working_days_between

DEFAULTS = {
    "DUE_WORKING_DAYS": 3,
    "OVERDUE_EVERY_WORKING_DAYS": 3,
    "OVERDUE_TIMES": 3,
    "REVIEW_WAITING_WORKING_DAYS": 5,
    "REVIEW_ARRIVED_HOUR": 17,
    "NOTICE_UNSIGNED_WORKING_DAYS": 2,
}
MAX_NUMBERS_SHOWN = 10
OVERDUE_HORIZON = timedelta(days=180)  # older periods are the urging notices' business


def setting(name: str) -> int:
    return {**DEFAULTS, **getattr(settings, "TAIZHANG_REMINDERS", {})}[name]


@dataclass
class Reminder:
    organisation: Organisation
    message: Message
    users: list
    units: list = field(default_factory=list)

    def pending(self):
        return pending(self.organisation, self.message, self.users, self.units)

    def send(self):
        return notify(self.organisation, self.message, self.users, self.units)


# Scans of the apps above supervision (the notices' 未签收), each (organisation, today) ->
# reminders, registered when their app is ready.
SCANS: list[Callable[[Organisation, date], list[Reminder]]] = []


def register(scan):
    """Add an app's scan to the reminders (once, whatever the number of calls)."""
    if scan not in SCANS:
        SCANS.append(scan)
    return scan


def due_reminders(today: date, organisations=None, now: datetime | None = None) -> list[Reminder]:
    """Every reminder due on ``today`` (none on a non-working day); ``now`` (default: the
    time) decides whether the day's digest of reports arrived is due yet."""
    if not is_working_day(today):
        return []
    now = now or timezone.now()
    reminders = []
    for organisation in organisations or Organisation.objects.order_by("pk"):
        reminders += _reports(organisation, today)
        reminders += _reviews_waiting(organisation, today)
        reminders += _reviews_arrived(organisation, today, now)
        for scan in SCANS:
            reminders += scan(organisation, today)
    return reminders


# -- reports due and overdue ------------------------------------------------------------------


def _reports(organisation, today: date) -> list[Reminder]:
    periods = list(
        Period.objects.filter(
            plan__organisation=organisation,
            starts_on__lte=today,
            due_on__gte=today - OVERDUE_HORIZON,
            due_on__lte=today + timedelta(days=60),
        ).select_related("plan")
    )
    periods = [p for p in periods if _stage(p, today) is not None]
    if not periods:
        return []
    owed = _owed(periods, today)
    units = Unit.objects.in_bulk({unit_id for _, unit_id in owed})
    reminders = []
    for period in periods:
        stage = _stage(period, today)
        for (period_id, unit_id), numbers in sorted(owed.items()):
            if period_id == period.pk:
                unit = units[unit_id]
                message = _due_message(period, unit, numbers, today, stage)
                users = for_unit(unit, Duty.FILE)
                reminders.append(Reminder(organisation, message, users, [unit]))
    return reminders


def _stage(period, today: date) -> int | None:
    """None: nothing to say today; -1: 黄灯; n >= 0: the n-th 红灯."""
    if today <= period.due_on:
        warn_from = add_working_days(period.due_on, -setting("DUE_WORKING_DAYS"))
        return -1 if today >= warn_from else None
    late = working_days_between(period.due_on, today)
    return min(
        max(late - 1, 0) // setting("OVERDUE_EVERY_WORKING_DAYS"), setting("OVERDUE_TIMES") - 1
    )


def _owed(periods, today: date) -> dict[tuple[int, int], list[int]]:
    """(period, unit) -> the numbers of the measures whose report the unit has not sent
    (leaving out a report whose due date an approved extension moved past today)."""
    plans = {p.plan_id for p in periods}
    sent = set(
        ProgressReport.objects.filter(period__in=periods)
        .filed()
        .values_list("assignment_id", "period_id")
    )
    assignments = status.still_asked(
        Assignment.objects.owing().filter(measure__plan_id__in=plans), "measure__"
    ).values_list("pk", "measure__plan_id", "measure__number", "unit_id", "measure_id")
    assignments = list(assignments)
    since = status.asked_from({row[4] for row in assignments})
    by_plan = defaultdict(list)
    for row in assignments:
        by_plan[row[1]].append(row)
    dues = approved_report_dues(periods)  # an approved 延期 moves the report's due date
    owed: dict[tuple[int, int], list[int]] = defaultdict(list)
    for period in periods:
        for pk, _plan, number, unit_id, measure_id in by_plan[period.plan_id]:
            if not status.owes_report(None, period, since.get(measure_id)):
                continue
            extended = (pk, period.pk) in dues and report_due(period, pk, dues) >= today
            if (pk, period.pk) not in sent and not extended:
                owed[(period.pk, unit_id)].append(number)
    return {key: sorted(numbers) for key, numbers in owed.items()}


def _due_message(period, unit, numbers: list[int], today: date, stage: int) -> Message:
    shown = "、".join(str(n) for n in numbers[:MAX_NUMBERS_SHOWN])
    if len(numbers) > MAX_NUMBERS_SHOWN:
        shown += f"等{len(numbers)}项"
    due = f"{period.due_on.year}年{period.due_on.month}月{period.due_on.day}日"
    what = (
        f"《{period.plan.title}》{period.name}尚有{len(numbers)}项任务的进展报告未报送"
        f"（任务{shown}）"
    )
    link = reverse("workspace:todo")
    if stage < 0:
        left = working_days_between(today, period.due_on)
        when = "今天截止" if left == 0 else f"还有{left}个工作日"
        return Message(
            Event.REPORT_DUE,
            f"report_due:{period.pk}:{unit.pk}",
            f"黄灯提醒：{period.name}进展报告将于{due}截止",
            f"{unit.name}：{what}，报送截止日期为{due}（{when}），请及时填报。",
            link,
        )
    late = working_days_between(period.due_on, today)
    return Message(
        Event.REPORT_OVERDUE,
        f"report_overdue:{period.pk}:{unit.pk}:{stage}",
        f"红灯提醒：{period.name}进展报告已逾期",
        f"{unit.name}：{what}，已于{due}截止，逾期{late}个工作日，请尽快报送。",
        link,
    )


# -- reviews waiting, reports arrived ---------------------------------------------------------


@dataclass
class _Reviewer:
    """Whoever reviews some reports: a lead unit's reviewers, else the office that runs
    the plan (a county plan's county office, else the organisation's office)."""

    who: str
    key: str
    users: list
    unit: Unit | None
    reports: list = field(default_factory=list)


def _by_reviewer(organisation, reports) -> list[_Reviewer]:
    """``reports`` counted for each of their reviewers (reporting/reviewers.py says who:
    every lead unit with reviewers, else the office whose to-do lists them)."""
    reports = list(reports.select_related("assignment", "period__plan__region"))
    groups: dict[tuple[int, int], list] = defaultdict(list)
    counties = {}
    by = reviewers.reviewed_by(reports)
    for report in reports:
        units, county = by[report.pk]
        if county is not None:
            counties[county.pk] = county
        for unit_id in units or [0]:
            groups[(unit_id, 0 if units or county is None else county.pk)].append(report)
    found_units = Unit.objects.in_bulk([u for u, _ in groups if u])
    found = []
    for (unit_id, county_id), mine in sorted(groups.items()):
        unit = found_units.get(unit_id)
        if unit:
            reviewer = _Reviewer(unit.name, str(unit_id), for_unit(unit, Duty.REVIEW), unit)
        elif county_id:
            county = counties[county_id]
            users = county_office(organisation.pk, county_id)
            reviewer = _Reviewer(county.office_title, f"county{county_id}", users, None)
        else:
            reviewer = _Reviewer(organisation.office_title, "office", office(organisation.pk), None)
        reviewer.reports = mine
        found.append(reviewer)
    return found


def _reviews_waiting(organisation, today: date) -> list[Reminder]:
    """Reports sent more than N working days ago and not yet reviewed, counted for each
    reviewer (``_by_reviewer``), once a week."""
    limit = setting("REVIEW_WAITING_WORKING_DAYS")
    waiting = reviewers.awaiting().filter(
        assignment__unit__organisation=organisation,
        submitted_at__date__lte=today - timedelta(days=limit),
    )
    week = "{}-{:02d}".format(*today.isocalendar()[:2])
    reminders = []
    for reviewer in _by_reviewer(organisation, waiting):
        days = [timezone.localtime(r.submitted_at).date() for r in reviewer.reports]
        days = [day for day in days if working_days_between(day, today) > limit]
        if not days:
            continue
        oldest = min(days)
        message = Message(
            Event.REVIEW_WAITING,
            f"review_waiting:{reviewer.key}:{week}",
            f"待审核提醒：{len(days)}份进展报告等待审核超过{limit}个工作日",
            f"{reviewer.who}：有{len(days)}份进展报告报送后超过{limit}个工作日尚未审核"
            f"（最早于{oldest.month}月{oldest.day}日报送），请及时审核。",
            reverse("workspace:todo"),
        )
        units = [reviewer.unit] if reviewer.unit else []
        reminders.append(Reminder(organisation, message, reviewer.users, units))
    return reminders


def digest_window(today: date) -> tuple[datetime, datetime]:
    """The reports a working day's digest counts: those sent after the previous working
    day's digest (at REVIEW_ARRIVED_HOUR) up to today's. A report sent in the evening, at
    the weekend or on a holiday is counted by the next working day's digest."""
    at = time(setting("REVIEW_ARRIVED_HOUR"))
    before = add_working_days(today, -1)
    return (
        timezone.make_aware(datetime.combine(before, at)),
        timezone.make_aware(datetime.combine(today, at)),
    )


def _reviews_arrived(organisation, today: date, now: datetime) -> list[Reminder]:
    """The daily digest: each reviewer is told how many reports reached their to-do since
    the last digest (sent, or sent again after a return) and still await review; nothing
    on a day with nothing new. Sent by the first scan from REVIEW_ARRIVED_HOUR on."""
    start, end = digest_window(today)
    if now < end:
        return []
    arrived = reviewers.awaiting().filter(
        assignment__unit__organisation=organisation, submitted_at__gt=start, submitted_at__lte=end
    )
    reminders = []
    for reviewer in _by_reviewer(organisation, arrived):
        count = len(reviewer.reports)
        oldest = timezone.localtime(min(r.submitted_at for r in reviewer.reports))
        section = "#review-title" if reviewer.unit else "#office-review-title"
        message = Message(
            Event.REVIEW_ARRIVED,
            f"review_arrived:{reviewer.key}:{today.isoformat()}",
            f"新报送待审核：今日收到{count}份进展报告",
            f"{reviewer.who}：上一工作日{end.hour}时以来新收到{count}份进展报告"
            f"（含退回修改后重新报送的），尚未审核，最早一份于{oldest.month}月{oldest.day}日"
            f"{oldest:%H:%M}报送，请及时审核。",
            reverse("workspace:todo") + section,
        )
        units = [reviewer.unit] if reviewer.unit else []
        reminders.append(Reminder(organisation, message, reviewer.users, units))
    return reminders
