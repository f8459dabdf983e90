"""The review backlog (待审核积压): every report waiting for review in an organisation, by
who reviews it (reviewers.py) and by how many working days it has waited.

The office supervises the whole organisation, so the backlog counts every reviewer's
waiting reports, a county plan's too; but it reviews only on the plans it runs: a county
plan's reports are its county office's (or its lead units') to review, counted under
them, and listed for the office to open, not to review (each report's ``may_review`` is
reporting.review_report). Each row is what that reviewer's to-do lists: a report on a
measure two lead units with reviewers lead is in both to-dos (reviewers.reviewed_by), so
it counts in both rows, while the 合计 row counts every report once (TOTAL_RULE)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from taizhang.reporting import reviewers
from taizhang.units.models import Unit
from taizhang.workdays import working_days_between

# Upper bounds (working days) of the age columns; the last column is everything older.
AGE_BOUNDS = (5, 10, 20)
AGE_LABELS = ("5个工作日内", "6—10个工作日", "11—20个工作日", "20个工作日以上")
AGE_RULE = (
    "等待天数：自最近一次报送之日起至今日的工作日数（按国家法定节假日安排计算）；"
    "审核人按“责任单位报告由牵头单位审核，其余由负责该方案的依法治理办审核”确定，"
    "县(市、区)方案由该县(市、区)依法治理办负责。"
)
TOTAL_RULE = (
    "由两个及以上牵头单位审核的报告，在每个牵头单位的行中各计1份（与各单位待办一致）；"
    "合计行每份报告只计1次，因此合计可能少于各行之和。"
)
OFFICE = "office"
COUNTY = "county-{}"  # a county office's row: COUNTY.format(region id)
MAX_LISTED = 300


def age_column(days: int) -> int:
    for column, bound in enumerate(AGE_BOUNDS):
        if days <= bound:
            return column
    return len(AGE_BOUNDS)


@dataclass
class ReviewerRow:
    key: str  # a unit id, OFFICE, or COUNTY.format(region id)
    name: str
    ages: list[int] = field(default_factory=lambda: [0] * len(AGE_LABELS))
    oldest: int = 0

    @property
    def total(self) -> int:
        return sum(self.ages)


@dataclass
class Backlog:
    rows: list[ReviewerRow]
    reports: list  # the waiting reports (each with .waited, .reviewer_name), oldest first
    total: int
    matching: int  # how many reports the narrowed list holds before the cut
    ages: list[int]  # the 合计 row: every report once, though rows may overlap
    reviewer_name: str = ""  # the row the list is narrowed to

    @property
    def oldest(self) -> int:
        """The longest any report has waited, in working days (the 合计 row's 最久等待)."""
        return max((row.oldest for row in self.rows), default=0)


def backlog(user, today: date, reviewer: str = "") -> Backlog:
    """Every report of the person's organisation waiting for review; ``reviewer`` (a unit
    id, OFFICE or a COUNTY key) narrows the list of reports, not the table by reviewer."""
    organisation = user.organisation
    waiting = list(
        reviewers.awaiting()
        .filter(assignment__unit__organisation=organisation)
        .select_related(
            "assignment__unit__organisation",
            "assignment__measure__plan",
            "period__plan__region",
            "period__plan__organisation",
        )
        .order_by("submitted_at", "pk")
    )
    by = reviewers.reviewed_by(waiting)
    names = dict(
        Unit.objects.filter(pk__in={u for units, _ in by.values() for u in units}).values_list(
            "pk", "name"
        )
    )
    rows: dict[str, ReviewerRow] = {}
    ages = [0] * len(AGE_LABELS)
    listed = []
    waited: dict[date, int] = {}
    for report in waiting:
        units, county = by[report.pk]
        if units:
            keys = [(str(unit_id), names[unit_id]) for unit_id in sorted(units)]
        else:
            key = COUNTY.format(county.pk) if county else OFFICE
            keys = [(key, reviewers.office_title(report.period.plan))]
        report.may_review = user.has_perm("reporting.review_report", report)
        submitted = timezone.localtime(report.submitted_at).date()
        if submitted not in waited:
            waited[submitted] = working_days_between(submitted, today)
        report.waited = waited[submitted]
        report.reviewer_name = "、".join(name for _, name in keys)
        column = age_column(report.waited)
        ages[column] += 1
        for key, name in keys:
            row = rows.setdefault(key, ReviewerRow(key, name))
            row.ages[column] += 1
            row.oldest = max(row.oldest, report.waited)
        if not reviewer or reviewer in {key for key, _ in keys}:
            listed.append(report)
    ordered = sorted(rows.values(), key=lambda r: (r.key != OFFICE, -r.total, r.name))
    narrowed = rows[reviewer].name if reviewer in rows else ""
    return Backlog(ordered, listed[:MAX_LISTED], len(waiting), len(listed), ages, narrowed)
