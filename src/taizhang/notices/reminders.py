"""未签收: an urging notice the unit has not signed for. N working days after it was issued
(TAIZHANG_REMINDERS["NOTICE_UNSIGNED_WORKING_DAYS"], default 2) the unit is told again;
after 2N the office is told that the unit has still not signed. Each once per notice (the
key), in the reminder scan of supervision/reminders.py, which this module joins."""

from __future__ import annotations

from datetime import date

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse

from taizhang.notices.models import UrgeNotice
from taizhang.notifications.api import Message
from taizhang.notifications.events import Event
from taizhang.notifications.recipients import Duty, for_unit, office
from taizhang.supervision.reminders import Reminder, register, setting
from taizhang.workdays import working_days_between


@register
def unsigned_notices(organisation, today: date) -> list[Reminder]:
    limit = setting("NOTICE_UNSIGNED_WORKING_DAYS")
    notices = UrgeNotice.objects.filter(
        organisation=organisation, state=UrgeNotice.State.ISSUED, issued_on__lt=today
    ).select_related("unit", "organisation")
    reminders = []
    for notice in notices.order_by("issued_on", "pk"):
        waited = working_days_between(notice.issued_on, today)
        if waited >= limit:
            reminders.append(_to_unit(notice, waited))
        if waited >= 2 * limit:
            reminders.append(_to_office(notice, waited))
    return reminders


UNIT_KEY = ("notice_unsigned:", ":unit")  # around the notice's id


def unit_reminder_key(notice_id) -> str:
    """The key of the reminder telling the unit again."""
    return f"{UNIT_KEY[0]}{notice_id}{UNIT_KEY[1]}"


def unit_reminder_key_of(notice_ref) -> Concat:
    """unit_reminder_key in SQL, for a notice's id (an OuterRef): what
    notices.queries.with_reminders counts."""
    return Concat(Value(UNIT_KEY[0]), Cast(notice_ref, CharField()), Value(UNIT_KEY[1]))


def _to_unit(notice: UrgeNotice, waited: int) -> Reminder:
    unit = notice.unit
    message = Message(
        Event.NOTICE_UNSIGNED,
        unit_reminder_key(notice.pk),
        f"催办通知未签收：{notice.number}",
        f"{unit.name}：依法治理办{_issued(notice)}发出的{notice.get_level_display()}"
        f"（{notice.number}）已{waited}个工作日未签收，请立即签收并按要求反馈落实情况。",
        _link(notice),
    )
    return Reminder(notice.organisation, message, for_unit(unit, Duty.FILE), [unit])


def _to_office(notice: UrgeNotice, waited: int) -> Reminder:
    message = Message(
        Event.NOTICE_UNSIGNED,
        f"notice_unsigned:{notice.pk}:office",
        f"催办通知逾期未签收：{notice.unit.name}",
        f"{_issued(notice)}发给{notice.unit.name}的{notice.get_level_display()}"
        f"（{notice.number}）已{waited}个工作日未签收，经提醒仍未签收，请跟进督办。",
        _link(notice),
    )
    return Reminder(notice.organisation, message, office(notice.organisation_id))


def _issued(notice: UrgeNotice) -> str:
    day = notice.issued_on
    return f"{day.year}年{day.month}月{day.day}日"


def _link(notice: UrgeNotice) -> str:
    return reverse("notices:detail", kwargs={"notice_id": notice.pk})
