"""The review backlog (待审核积压): every report waiting for review in an organisation, by
who reviews it (reviewers.py) and by how many working days it has waited.

The office supervises the whole organisation, so the backlog counts every reviewer's
waiting reports, a county plan's too; but it reviews only on the plans it runs: a county
plan's reports are its county office's (or its lead units') to review, counted under
them, and listed for the office to open, not to review (each report's ``may_review`` is
reporting.review_report). The office's own row is what its to-do lists."""

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

    @property
    def oldest(self) -> int:
        """The longest any report has waited, in working days (the 合计 row's 最久等待)."""
        return max((row.oldest for row in self.rows), default=0)

    @property
    def ages(self) -> list[int]:
        return [sum(row.ages[i] for row in self.rows) for i in range(len(AGE_LABELS))]


def backlog(user, today: date, reviewer: str = "") -> Backlog:
    """Every report of the person's organisation waiting for review; ``reviewer`` (a unit
    id, OFFICE or a COUNTY key) narrows the list of reports, not the table by reviewer."""
    organisation = user.organisation
    waiting = list(
        reviewers.with_reviewing_unit(
            reviewers.awaiting().filter(assignment__unit__organisation=organisation)
        )
        .select_related(
            "assignment__unit__organisation",
            "assignment__measure__plan",
            "period__plan__region",
            "period__plan__organisation",
        )
        .order_by("submitted_at", "pk")
    )
    names = dict(
        Unit.objects.filter(pk__in={r.reviewing_unit_id for r in waiting}).values_list("pk", "name")
    )
    rows: dict[str, ReviewerRow] = {}
    listed = []
    waited: dict[date, int] = {}
    for report in waiting:
        county = reviewers.running_county(report.period.plan)
        if report.reviewing_unit_id:
            key, name = str(report.reviewing_unit_id), names[report.reviewing_unit_id]
        else:
            key = COUNTY.format(county.pk) if county else OFFICE
            name = reviewers.office_title(report.period.plan)
        report.may_review = user.has_perm("reporting.review_report", report)
        submitted = timezone.localtime(report.submitted_at).date()
        if submitted not in waited:
            waited[submitted] = working_days_between(submitted, today)
        report.waited = waited[submitted]
        report.reviewer_name = name
        row = rows.setdefault(key, ReviewerRow(key, name))
        row.ages[age_column(report.waited)] += 1
        row.oldest = max(row.oldest, report.waited)
        if not reviewer or reviewer == key:
            listed.append(report)
    ordered = sorted(rows.values(), key=lambda r: (r.key != OFFICE, -r.total, r.name))
    return Backlog(ordered, listed[:MAX_LISTED], len(waiting), len(listed))
