"""The write path of reporting periods: one at a time or a whole year of one kind, with
the due date given as a date or as "N working days after the period ends"."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.audit.log import record
from taizhang.reporting.models import AuditAction, Period
from taizhang.workdays import add_working_days

Kind = Period.Kind
_QUARTERS = ("一", "二", "三", "四")


@dataclass(frozen=True)
class Due:
    """When reports of a period are due: a fixed date, or working days after its end."""

    on: date | None = None
    working_days: int | None = None

    def date_for(self, ends_on: date) -> date:
        if self.working_days is not None:
            return add_working_days(ends_on, self.working_days)
        return self.on

    @property
    def rule(self) -> str:
        return f"期末后{self.working_days}个工作日" if self.working_days is not None else ""


def spans_of_year(year: int, kind: str) -> list[tuple[str, date, date]]:
    """(name, start, end) of every period of ``kind`` in ``year``."""
    if kind == Kind.MONTHLY:
        return [
            (f"{year}年{m}月", date(year, m, 1), date(year, m, calendar.monthrange(year, m)[1]))
            for m in range(1, 13)
        ]
    if kind == Kind.QUARTERLY:
        spans = []
        for q in range(4):
            first, last = 3 * q + 1, 3 * q + 3
            end = date(year, last, calendar.monthrange(year, last)[1])
            spans.append((f"{year}年第{_QUARTERS[q]}季度", date(year, first, 1), end))
        return spans
    if kind == Kind.HALF_YEARLY:
        return [
            (f"{year}年上半年", date(year, 1, 1), date(year, 6, 30)),
            (f"{year}年下半年", date(year, 7, 1), date(year, 12, 31)),
        ]
    return [(f"{year}年度", date(year, 1, 1), date(year, 12, 31))]


@transaction.atomic
def create_period(user, plan, name, kind, starts_on, ends_on, due: Due) -> Period:
    period = Period(plan=plan, name=name.strip(), kind=kind, starts_on=starts_on, ends_on=ends_on)
    _apply_due(period, due)
    _validate(period)
    period.save()
    record(user, AuditAction.CREATE, period, _fields(period), organisation=plan.organisation_id)
    return period


@transaction.atomic
def update_period(period, user, name, kind, starts_on, ends_on, due: Due) -> Period:
    before = _fields(period)
    period.name, period.kind = name.strip(), kind
    period.starts_on, period.ends_on = starts_on, ends_on
    _apply_due(period, due)
    _validate(period)
    after = _fields(period)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if changes:
        period.save()
        organisation = period.plan.organisation_id
        record(user, AuditAction.UPDATE, period, changes, organisation=organisation)
    return period


@transaction.atomic
def create_year(user, plan, year: int, kind: str, due_working_days: int) -> list[Period]:
    """Every period of ``kind`` in ``year``, each due N working days after it ends.
    Refused as a whole when any of them exists already."""
    spans = spans_of_year(year, kind)
    taken = set(
        Period.objects.filter(plan=plan, name__in=[name for name, _, _ in spans]).values_list(
            "name", flat=True
        )
    )
    if taken:
        raise ValidationError(f"以下报送周期已存在：{'、'.join(sorted(taken))}，未作任何创建。")
    due = Due(working_days=due_working_days)
    return [create_period(user, plan, name, kind, start, end, due) for name, start, end in spans]


def _apply_due(period: Period, due: Due) -> None:
    if due.on is None and due.working_days is None:
        raise ValidationError("请填写报送截止日期，或填写期末后多少个工作日截止。")
    if due.working_days is not None and not 0 < due.working_days <= 60:
        raise ValidationError("工作日天数应在 1 到 60 之间。")
    period.due_on = due.date_for(period.ends_on)
    period.due_rule = due.rule


def _validate(period: Period) -> None:
    if not period.name:
        raise ValidationError("请填写周期名称。")
    if period.ends_on < period.starts_on:
        raise ValidationError("结束日期不能早于开始日期。")
    if period.due_on < period.ends_on:
        raise ValidationError("报送截止日期不能早于周期结束日期。")
    clash = Period.objects.filter(plan=period.plan, name=period.name).exclude(pk=period.pk)
    if clash.exists():
        raise ValidationError(f"该方案已有名为“{period.name}”的报送周期。")


def _fields(period: Period) -> dict:
    return {
        "name": period.name,
        "kind": period.kind,
        "starts_on": period.starts_on.isoformat(),
        "ends_on": period.ends_on.isoformat(),
        "due_on": period.due_on.isoformat(),
        "due_rule": period.due_rule,
    }
