"""The write path of reporting periods: one at a time or a whole year of one kind, with
the due date given as a date or as "N working days after the period ends"."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.plans.models import Assignment
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


@dataclass(frozen=True)
class PlannedPeriod:
    """A period of a year's generation, and what becomes of it."""

    name: str
    starts_on: date
    ends_on: date
    due_on: date
    fate: str  # CREATE, PAST (due already passed: only as 补报), EARLY (ends before the start)

    @property
    def fate_label(self) -> str:
        return FATES[self.fate]


CREATE, CATCH_UP, PAST, EARLY = "create", "catch_up", "past", "early"
FATES = {
    CREATE: "创建",
    CATCH_UP: "创建（补报）",
    PAST: "不创建：截止日期已过",
    EARLY: "不创建：早于起始日期",
}


@dataclass
class YearPlan:
    """What generating a year of periods would do: which periods, and how many items
    each unit will owe for them (every assignment in force on a live measure, once per
    period, as the to-do counts them)."""

    periods: list[PlannedPeriod]
    owed: list[tuple[str, int, int, int]]  # unit name, per period, in all, of them overdue

    @property
    def to_create(self) -> list[PlannedPeriod]:
        return [p for p in self.periods if p.fate in (CREATE, CATCH_UP)]

    @property
    def catch_up(self) -> list[PlannedPeriod]:
        return [p for p in self.periods if p.fate == CATCH_UP]

    @property
    def total(self) -> int:
        return sum(row[2] for row in self.owed)


def plan_year(
    plan,
    year: int,
    kind: str,
    due_working_days: int,
    starts_from: date,
    today: date,
    catch_up: bool = False,
) -> YearPlan:
    """The periods of ``kind`` in ``year`` from ``starts_from`` on: a period that ends
    before it is not created; one whose due date has passed (``today``) only as a 补报
    period when the office asks for them."""
    due = Due(working_days=due_working_days)
    planned = []
    for name, start, end in spans_of_year(year, kind):
        due_on = due.date_for(end)
        if end < starts_from:
            fate = EARLY
        elif due_on < today:
            fate = CATCH_UP if catch_up else PAST
        else:
            fate = CREATE
        planned.append(PlannedPeriod(name, start, end, due_on, fate))
    return YearPlan(planned, _owed(plan, planned))


def _owed(plan, planned: list[PlannedPeriod]) -> list[tuple[str, int, int, int]]:
    created = [p for p in planned if p.fate in (CREATE, CATCH_UP)]
    overdue = sum(1 for p in created if p.fate == CATCH_UP)
    per_unit = (
        Assignment.objects.filter(measure__plan=plan, measure__withdrawn=False)
        .values("unit__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "unit__name")
    )
    return [
        (row["unit__name"], row["n"], row["n"] * len(created), row["n"] * overdue)
        for row in per_unit
    ]


@transaction.atomic
def create_year(
    user,
    plan,
    year: int,
    kind: str,
    due_working_days: int,
    starts_from=None,
    catch_up=False,
    today=None,
) -> list[Period]:
    """The periods of ``kind`` in ``year`` that ``plan_year`` says to create, each due N
    working days after it ends. Refused as a whole when any of them exists already or
    when none is left to create."""
    today = today or timezone.localdate()
    starts_from = starts_from or date(year, 1, 1)
    planned = plan_year(plan, year, kind, due_working_days, starts_from, today, catch_up)
    spans = planned.to_create
    if not spans:
        raise ValidationError(
            "没有需要创建的报送周期：所选年度的周期均早于起始日期或截止日期已过"
            "（如需补报，请勾选“创建已过截止日期的补报周期”）。"
        )
    taken = set(
        Period.all_objects.filter(plan=plan, name__in=[p.name for p in spans]).values_list(
            "name", flat=True
        )
    )
    if taken:
        raise ValidationError(f"以下报送周期已存在：{'、'.join(sorted(taken))}，未作任何创建。")
    due = Due(working_days=due_working_days)
    return [create_period(user, plan, p.name, kind, p.starts_on, p.ends_on, due) for p in spans]


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
