"""Reporting periods, progress reports with their versions, evidence, values and reviews.

What a report means for the rest of the system lives here and in status.py: which states
count as filed (State.FILED), which the unit may still edit (State.OPEN), the latest report
of an assignment, and whether it was filed on time (on_time: first submitted on or before
its period's due date; a report returned and submitted again keeps its first date)."""

import datetime
import enum
import operator
from collections.abc import Iterable
from functools import reduce

from django.conf import settings
from django.db import connections, models
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber, TruncDate
from django.utils import timezone

from taizhang.accounts.scoping import Scope, ScopedQuerySet
from taizhang.documents.official import written_date
from taizhang.plans.models import Application


class AuditAction(models.TextChoices):
    """What reporting's write paths record (audit/vocabulary.py)."""

    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    SAVE = "save", "保存报告"
    SUBMIT = "submit", "报送"
    ACCEPT = "accept", "审核通过"
    RETURN = "return", "退回"
    HIGHLIGHT = "highlight", "标记典型做法"
    EVIDENCE = "evidence", "佐证材料"
    MOVE = "move", "转移报告（单位合并）"
    CLOSURE_APPLY = "closure_apply", "申请办结"
    CLOSURE_CONFIRM = "closure_confirm", "销号"
    CLOSURE_RETURN = "closure_return", "退回办结申请"
    CLOSURE_REOPEN = "closure_reopen", "重新打开任务"
    WITHDRAW = "withdraw", "撤回报告"
    REOPEN = "reopen", "撤销审核通过"
    EXTENSION_REQUEST = "extension_request", "申请延期"
    EXTENSION_APPROVE = "extension_approve", "同意延期"
    EXTENSION_REFUSE = "extension_refuse", "不同意延期"
    CARRY_OVER = "carry_over", "沿用上期"
    BATCH_FILE = "batch_file", "批量填报"


class AuditDetail(models.TextChoices):
    VALUES = "values", "指标实际值"
    EVIDENCE_ADDED = "evidence_added", "添加材料"
    EVIDENCE_REMOVED = "evidence_removed", "删除材料"
    UNIT = "unit", "报送单位"
    COMMENT = "comment", "意见"
    BATCH = "batch", "批次"
    BATCH_REPORTS = "batch_reports", "本批报告"


class CurrentPeriods(models.Manager.from_queryset(ScopedQuerySet)):
    """Periods of plans not archived: an archived plan asks no reports and reminds nobody
    (``Period.all_objects`` reaches them all)."""

    def get_queryset(self):
        return super().get_queryset().filter(plan__archived_at__isnull=True)


class Period(models.Model):
    """A reporting round set by the office: 2025年第一季度, due 2025-04-10."""

    class Kind(models.TextChoices):
        MONTHLY = "monthly", "月报"
        QUARTERLY = "quarterly", "季报"
        HALF_YEARLY = "half_yearly", "半年报"
        YEARLY = "yearly", "年报"

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="periods")
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("结束日期")
    due_on = models.DateField("报送截止日期")
    due_rule = models.CharField(
        "截止规则", max_length=100, blank=True, help_text="e.g. 期末后10个工作日"
    )

    # A period is seen with its plan.
    scope = Scope(
        organisation="plan__organisation",
        units=("plan__measures__assignments__unit",),
        regions=("plan__region", "plan__measures__assignments__unit__region"),
    )
    objects = CurrentPeriods()
    all_objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "报送周期"
        ordering = ["-ends_on"]
        base_manager_name = "all_objects"
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="unique_period_name")]

    def __str__(self):
        return self.name

    @property
    def closes_at(self) -> datetime.datetime:
        """The first moment after the due date, in the office's time zone: a report first
        submitted before it is on time."""
        day_after = self.due_on + datetime.timedelta(days=1)
        return datetime.datetime.combine(
            day_after, datetime.time.min, tzinfo=timezone.get_current_timezone()
        )


def report_extensions_in_force():
    """Approved extensions of a report's due date (延期报送) that still move it: an approved
    date is a later due date, never an earlier one, so once the office moves the period's
    own due date to it or past it, the period's wins. The one rule every reader of a
    report's due date goes through (approved_report_due, approved_report_dues, hence
    report_due), as approved_deadlines is for the 完成时限; on_time_in and
    status.owed_reports say the same without its join to the period."""
    return Extension.objects.filter(
        state=Extension.State.APPROVED,
        period__isnull=False,
        requested_due__gt=F("period__due_on"),
    )


def approved_report_due(assignment_ref, period_ref):
    """The latest approved extension of a unit's report for a period (延期报送) still in
    force: a query of its new due date, for Coalesce with the period's (so the later of the
    two is the due date)."""
    return (
        report_extensions_in_force()
        .filter(assignment=assignment_ref, period=period_ref)
        .order_by("-requested_due")
        .values("requested_due")[:1]
    )


def approved_report_dues(periods, assignments=None) -> dict[tuple[int, int], datetime.date]:
    """approved_report_due for many reports at once, whether written yet or not:
    (assignment id, period id) -> the approved later due date, for the pairs of ``periods``
    (and ``assignments``) that have one. Every other pair is due on its period's date
    (``report_due``). One query."""
    found = report_extensions_in_force().filter(period__in=periods)
    if assignments is not None:
        found = found.filter(assignment__in=assignments)
    rows = (
        found.order_by()
        .values("assignment_id", "period_id")
        .annotate(due=Max("requested_due"))
        .values_list("assignment_id", "period_id", "due")
    )
    return {(assignment, period): due for assignment, period, due in rows}


def report_due(period, assignment_id: int, dues: dict | None = None) -> datetime.date:
    """When an assignment's report for ``period`` is due: the period's date, or the later
    one the office approved. The one answer: the report in hand (ProgressReport.due_on),
    the request form's 原期限 (extensions.current_due), the to-do and the reminders ask it.
    ``dues``: approved_report_dues of the periods (and assignments) a list covers, read
    once; without it, this one report's is read (one query). with_on_time's Coalesce and
    status.owed_reports say the same in SQL."""
    if dues is None:
        dues = approved_report_dues([period], [assignment_id])
    return dues.get((assignment_id, period.pk), period.due_on)


def approved_deadline(assignment=None, measure=None):
    """The latest approved extension of an assignment's 完成时限 (or of a measure's: its
    lead unit's), as a query of its date."""
    found = (
        Extension.objects.filter(assignment=assignment)
        if measure is None
        else Extension.objects.filter(assignment__measure=measure, assignment__role="lead")
    )
    return (
        found.filter(period__isnull=True, state=Extension.State.APPROVED)
        .order_by("-requested_due")
        .values("requested_due")[:1]
    )


def approved_deadlines(
    measures: Iterable = (), assignments: Iterable = ()
) -> tuple[dict[int, datetime.date], dict[int, datetime.date]]:
    """approved_deadline for many at once (one query): measure id -> the later 完成时限
    approved to its lead unit, and assignment id -> the one approved to that unit, for
    ``measures`` and ``assignments`` (ids or querysets) that have one. Every other
    deadline is the measure's own."""
    rows = Extension.objects.filter(period__isnull=True, state=Extension.State.APPROVED).filter(
        Q(assignment__measure__in=measures, assignment__role="lead") | Q(assignment__in=assignments)
    )
    by_measure: dict[int, datetime.date] = {}
    by_assignment: dict[int, datetime.date] = {}
    for assignment_id, measure_id, role, due, own in rows.values_list(
        "assignment_id",
        "assignment__measure_id",
        "assignment__role",
        "requested_due",
        "assignment__measure__deadline",
    ):
        if own is not None and due <= own:
            continue  # the office has moved the measure's own deadline past it since
        by_assignment[assignment_id] = max(due, by_assignment.get(assignment_id, due))
        if role == "lead":
            by_measure[measure_id] = max(due, by_measure.get(measure_id, due))
    return by_measure, by_assignment


def assignment_deadlines(assignments) -> dict[int, datetime.date]:
    """Assignment id -> the later 完成时限 in force for its unit, for those that have one:
    the one approved to that unit or its measure's (the lead unit's), whichever is later.
    ``assignments``: anything with ``pk`` and ``measure_id``."""
    assignments = list(assignments)
    by_measure, own = approved_deadlines(
        [a.measure_id for a in assignments], [a.pk for a in assignments]
    )
    found = {}
    for assignment in assignments:
        dates = [own.get(assignment.pk), by_measure.get(assignment.measure_id)]
        dates = [day for day in dates if day is not None]
        if dates:
            found[assignment.pk] = max(dates)
    return found


def deadline_label(printed: str, extended_to: datetime.date | None) -> str:
    """完成时限 as the plan printed it, and the later date in force when the office approved
    one (延期申请): what the ledger, the 责任清单, the export and the public page show."""
    if extended_to is None:
        return printed
    return f"{printed}（经批准延期至{written_date(extended_to)}）"


class ProgressReportQuerySet(ScopedQuerySet):
    """The questions every page asks of reports, answered once."""

    def filed(self):
        return self.filter(state__in=ProgressReport.State.FILED)

    def open(self):
        return self.filter(state__in=ProgressReport.State.OPEN)

    def accepted(self):
        return self.filter(state=ProgressReport.State.ACCEPTED)

    def latest_per_assignment(self):
        """Of the reports in this queryset, each assignment's latest: the one for the period
        that ends last (the later report when two periods end together).

        Filter first, then ask (``filed().filter(assignment__in=…).latest_per_assignment()``);
        a filter added afterwards narrows the reports considered, as a prefetch's does. One
        pass over the reports in question, never a subquery per report: DISTINCT ON on
        PostgreSQL, a ROW_NUMBER window elsewhere."""
        order = ("-period__ends_on", "-pk")
        if connections[self.db].vendor == "postgresql":
            return self.order_by("assignment_id", *order).distinct("assignment_id")
        rank = Window(RowNumber(), partition_by=F("assignment_id"), order_by=order)
        return self.alias(rank_in_assignment=rank).filter(rank_in_assignment=1)

    def with_on_time(self):
        """Annotate ``on_time``: True when first submitted on or before the period's due
        date (in the office's time zone), False when first submitted later, None when never
        submitted. Returned and submitted again keeps the first date."""
        first_day = TruncDate("first_submitted_at", tzinfo=timezone.get_current_timezone())
        extended = Subquery(approved_report_due(OuterRef("assignment"), OuterRef("period")))
        due = Coalesce(extended, F("period__due_on"))
        return self.alias(first_day=first_day, due=due).annotate(
            on_time=Case(
                When(first_submitted_at__isnull=True, then=Value(None)),
                When(first_day__lte=F("due"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(null=True),
            )
        )

    @staticmethod
    def on_time_in(periods) -> Q:
        """The with_on_time rule as a plain filter for reports of known ``periods``: first
        submitted before the period closes. Aggregates over many reports use it, since it
        compares stored instants instead of converting each one to a local date; only a
        report whose due date was extended (延期) is compared with its own date.

        Any approved extension may be asked here, in force or not: one whose date is not
        later than the period's closes no later than the period, so a report it finds on
        time is on time by the period too. Leaving out report_extensions_in_force's join
        to the period spares the subquery run per report (the board at province scale)."""
        extended = Extension.objects.filter(
            state=Extension.State.APPROVED,
            assignment=OuterRef("assignment"),
            period=OuterRef("period"),
            closes_at__gt=OuterRef("first_submitted_at"),
        )
        return reduce(
            operator.or_,
            (Q(period_id=p.pk, first_submitted_at__lt=p.closes_at) for p in periods),
            Q(pk__in=[]),
        ) | (Q(first_submitted_at__isnull=False) & Q(Exists(extended)))

    def on_time(self):
        return self.with_on_time().filter(on_time=True)

    def late(self):
        return self.with_on_time().filter(on_time=False)


class ProgressReport(models.Model):
    """One unit's report on one measure for one period.

    Who reviews it is decided in reviewers.py: a responsible unit's report by the measure's
    lead unit, everything else (the lead unit's own consolidated report, a measure the
    office leads, a lead unit without an active reviewer) by the coordinating office."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "未启动"
        IN_PROGRESS = "in_progress", "推进中"
        DONE = "done", "已完成"
        LAGGING = "lagging", "滞后"

    class State(models.TextChoices):
        DRAFT = "draft", "草稿"
        SUBMITTED = "submitted", "已报送"
        RETURNED = "returned", "已退回"
        ACCEPTED = "accepted", "已审核通过"

        # What the states mean. Filed: sent and standing (submitted, or accepted). Open:
        # the unit's to edit (a draft, or returned to it). Accepted: the government's word,
        # the only state completion and the public page count.
        FILED = enum.nonmember(("submitted", "accepted"))
        OPEN = enum.nonmember(("draft", "returned"))

    assignment = models.ForeignKey(
        "plans.Assignment", on_delete=models.PROTECT, related_name="reports"
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(
        "进展状态", max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    narrative = models.TextField("进展情况", blank=True)
    actions = models.TextField("主要举措", blank=True)
    problems = models.TextField("存在问题", blank=True)
    next_steps = models.TextField("下步打算", blank=True)
    state = models.CharField("流程状态", max_length=20, choices=State.choices, default=State.DRAFT)
    highlight = models.BooleanField("典型做法", default=False)
    version = models.PositiveIntegerField("版本", default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField("最近报送时间", null=True, blank=True)
    # Set by the first submission and never again: on time is decided from it (a report
    # withdrawn and sent again keeps it too: it was filed then).
    first_submitted_at = models.DateTimeField("首次报送时间", null=True, blank=True)
    # 沿用上期: the previous period's report this one was started from.
    carried_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="沿用自",
    )

    objects = ProgressReportQuerySet.as_manager()

    # A unit's staff see its reports, a county office its county's units'; a reviewer also
    # the responsible units' reports on the measures its unit leads.
    scope = Scope(
        organisation="assignment__unit__organisation",
        units=("assignment__unit",),
        regions=("assignment__unit__region",),
        led="assignment__measure",
        led_rows=(("assignment__role", "responsible"),),
    )

    class Meta:
        verbose_name = verbose_name_plural = "进展报告"
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "period"], name="one_report_per_assignment_period"
            )
        ]

    def __str__(self):
        return f"{self.assignment.unit} · {self.period} · 任务{self.assignment.measure.number}"

    @property
    def is_lead_report(self) -> bool:
        return self.assignment.role == "lead"

    @property
    def is_filed(self) -> bool:
        return self.state in self.State.FILED

    @property
    def due_on(self) -> datetime.date:
        """The period's due date, or the later one an approved extension gave this report."""
        return report_due(self.period, self.assignment_id)

    @property
    def filed_on_time(self) -> bool | None:
        """As ProgressReportQuerySet.with_on_time, for one report in hand (its annotation
        when the report was loaded with it: lists ask no query per report)."""
        if "on_time" in self.__dict__:
            return self.__dict__["on_time"]
        if self.first_submitted_at is None:
            return None
        return timezone.localdate(self.first_submitted_at) <= self.due_on


class ReportVersion(models.Model):
    """Every saved state of a report, kept: nothing a unit filed is ever lost."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=20)
    snapshot = models.JSONField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    scope = ProgressReport.scope.under("report")

    class Meta:
        verbose_name = verbose_name_plural = "报告版本"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_report_version")
        ]

    def __str__(self):
        return f"{self.report}（第{self.number}版）"


def evidence_path(instance, filename):
    return f"evidence/{instance.report.period.plan_id}/{instance.report_id}/{filename}"


class Evidence(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path)
    original_name = models.CharField("文件名", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    scope = ProgressReport.scope.under("report")

    class Meta:
        verbose_name = verbose_name_plural = "佐证材料"

    def __str__(self):
        return self.original_name


class IndicatorValue(models.Model):
    """A value a unit reports for one of the measure's targets."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="values")
    target = models.ForeignKey("plans.Target", on_delete=models.CASCADE, related_name="values")
    value = models.FloatField("实际值")
    source = models.CharField("数据来源", max_length=200, blank=True)

    scope = ProgressReport.scope.under("report")

    class Meta:
        verbose_name = verbose_name_plural = "指标填报值"
        constraints = [
            models.UniqueConstraint(fields=["report", "target"], name="one_value_per_target")
        ]

    def __str__(self):
        return f"{self.target}：{self.value:g}"


class Review(models.Model):
    class Decision(models.TextChoices):
        ACCEPT = "accept", "通过"
        RETURN = "return", "退回"

    class Stage(models.TextChoices):
        LEAD = "lead", "牵头单位审核"
        OFFICE = "office", "依法治理办审核"

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    stage = models.CharField(max_length=20, choices=Stage.choices)
    decision = models.CharField("审核意见", max_length=20, choices=Decision.choices)
    comment = models.TextField("意见", blank=True)
    at = models.DateTimeField(auto_now_add=True)

    scope = ProgressReport.scope.under("report")

    class Meta:
        verbose_name = verbose_name_plural = "审核记录"
        ordering = ["at"]

    def __str__(self):
        return f"{self.report}：{self.get_decision_display()}"


def closure_path(instance, filename):
    return f"closures/{instance.measure.plan_id}/{instance.measure_id}/{filename}"


class Closure(models.Model):
    """办结 and 销号 of a measure: the lead unit applies (a summary and an optional
    evidence file), the office confirms (销号) or returns the application with a comment,
    and may reopen a closed measure with a reason. One row per application, so the
    history stays; the measure is closed while its latest application stands CLOSED
    (reporting/status.py reads it: a closed measure is 已完成 everywhere and owes no
    more reports)."""

    class State(models.TextChoices):
        APPLIED = "applied", "待销号"
        CLOSED = "closed", "已销号"
        RETURNED = "returned", "已退回"
        REOPENED = "reopened", "已重新打开"

    measure = models.ForeignKey("plans.Measure", on_delete=models.CASCADE, related_name="closures")
    unit = models.ForeignKey("units.Unit", verbose_name="申请单位", on_delete=models.PROTECT)
    state = models.CharField("状态", max_length=20, choices=State.choices, default=State.APPLIED)
    summary = models.TextField("办结情况")
    file = models.FileField("佐证材料", upload_to=closure_path, blank=True)
    original_name = models.CharField("文件名", max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请人", on_delete=models.PROTECT, related_name="+"
    )
    applied_at = models.DateTimeField("申请时间", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    comment = models.TextField("审核意见", blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="重新打开人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reopened_at = models.DateTimeField("重新打开时间", null=True, blank=True)
    reopen_reason = models.TextField("重新打开原因", blank=True)

    # Whoever sees the measure sees its closure.
    scope = Scope(
        organisation="measure__plan__organisation",
        units=("measure__assignments__unit",),
        regions=("measure__plan__region", "measure__assignments__unit__region"),
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "任务办结"
        ordering = ["applied_at", "pk"]
        constraints = [
            # One application waiting or standing at a time (two clicks make one).
            models.UniqueConstraint(
                fields=["measure"],
                condition=Q(state__in=["applied", "closed"]),
                name="one_open_closure_per_measure",
            )
        ]

    def __str__(self):
        return f"任务{self.measure.number}办结申请"


def extension_path(instance, filename):
    return f"extensions/{instance.assignment.measure.plan_id}/{instance.assignment_id}/{filename}"


class Extension(Application):
    """延期申请: a unit asks for a later due date for its report of a period, or for a later
    完成时限 of its assignment (period empty; the lead unit's is the measure's). The office
    approves (the new date is used from then on; every request is kept) or refuses."""

    assignment = models.ForeignKey(
        "plans.Assignment", on_delete=models.CASCADE, related_name="extensions"
    )
    period = models.ForeignKey(
        Period, null=True, blank=True, on_delete=models.CASCADE, related_name="extensions"
    )
    current_due = models.DateField("原期限", null=True, blank=True)
    requested_due = models.DateField("申请延至")
    # The first moment after requested_due in the office's time zone (as Period.closes_at):
    # reports first submitted before it are on time.
    closes_at = models.DateTimeField(null=True, blank=True, editable=False)
    reason = models.TextField("延期理由")
    # The optional evidence of the reason (checked and bounded as report evidence is).
    file = models.FileField("佐证材料", upload_to=extension_path, blank=True)
    original_name = models.CharField("文件名", max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)

    class Meta(Application.Meta):
        verbose_name = verbose_name_plural = "延期申请"
        indexes = [models.Index(fields=["assignment", "period", "state"])]

    def __str__(self):
        return f"{self.assignment.unit} · 任务{self.assignment.measure.number} 延期申请"

    def save(self, *args, **kwargs):
        day_after = self.requested_due + datetime.timedelta(days=1)
        self.closes_at = datetime.datetime.combine(
            day_after, datetime.time.min, tzinfo=timezone.get_current_timezone()
        )
        super().save(*args, **kwargs)

    @property
    def what(self) -> str:
        return f"{self.period.name}进展报告报送期限" if self.period_id else "任务完成时限"
