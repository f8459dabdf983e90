"""A confirmed plan: chapters, sections, measures, who carries them, targets, duties."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from taizhang.accounts.models import Role
from taizhang.accounts.scoping import Scope, ScopedQuerySet
from taizhang.documents.official import written_date
from taizhang.units.models import Region

NO_DEADLINE = "长期坚持"


class AuditAction(models.TextChoices):
    """What the plans' write paths record (audit/vocabulary.py)."""

    UPDATE = "update", "修改"
    STAGE = "stage", "上传待确认的方案"
    ABANDON = "abandon", "放弃导入"
    PURGE = "purge", "清理过期导入"  # entries of earlier releases
    IMPORT = "import", "导入方案"
    REVISE = "revise", "修订方案"
    CORRECT = "correct", "更正解析结果"
    UNDO_CORRECTION = "undo_correction", "撤销解析更正"
    ADOPT_CORRECTIONS = "adopt_corrections", "沿用上次导入的更正"
    ADD_MEASURE = "add_measure", "新增任务"
    EDIT_MEASURE = "edit_measure", "修改任务"
    MOVE_MEASURE = "move_measure", "移动任务"
    SET_UNITS = "set_units", "调整任务分工"
    ARCHIVE_MEASURE = "archive_measure", "归档任务"
    RESTORE_MEASURE = "restore_measure", "恢复任务"
    ARCHIVE_PLAN = "archive_plan", "归档方案"
    RESTORE_PLAN = "restore_plan", "恢复方案"
    DELETE_PLAN = "delete_plan", "删除方案"
    ADD_ADHOC = "add_adhoc", "新增督办事项"
    EXEMPTION_REQUEST = "exemption_request", "申请不涉及"
    EXEMPTION_APPROVE = "exemption_approve", "同意不涉及"
    EXEMPTION_REFUSE = "exemption_refuse", "不同意不涉及"
    LINK = "link", "核对落实的上级任务"
    BREAK_DOWN = "break_down", "按上级方案分解制定方案"


class AuditDetail(models.TextChoices):
    MEASURES_ADDED = "measures_added", "新增任务"
    MEASURES_CHANGED = "measures_changed", "修改任务"
    MEASURES_WITHDRAWN = "measures_withdrawn", "删除任务"
    KEPT_WITH_REPORTS = "kept_with_reports", "保留报告的任务"
    FILE = "file", "文件"  # entries of earlier releases
    CORRECTION = "correction", "更正内容"
    CORRECTIONS = "corrections", "应用的更正"
    LEAD_UNITS = "lead_units", "牵头单位"
    RESPONSIBLE_UNITS = "responsible_units", "责任单位"
    LEAD_COLLECTIVES = "lead_collectives", "牵头统称"
    RESPONSIBLE_COLLECTIVES = "responsible_collectives", "责任统称"
    ENDED_WITH_REPORTS = "ended_with_reports", "结束分工（保留报告）"
    PLACE = "place", "位置"
    ADHOC_RENUMBERED = "adhoc_renumbered", "督办事项顺延编号"

    PARENTS = "parents", "落实的上级任务"
    PARENT_PLAN = "parent_plan", "上级方案"


# The source of a plan a county made from its parent (plans.breakdown), not from a file.
BROKEN_DOWN_FROM = "分解自"


@dataclass(frozen=True)
class PlanVersion:
    """A plan's version in force: its number, when its document was imported (or, for a
    plan broken down from its parent, when it was made) and by whom."""

    number: int
    at: datetime | None
    by_id: int | None
    made: str = "导入"  # 导入, or 分解制定 for a plan made from its parent's measures

    @property
    def label(self) -> str:
        """第3版，2026年8月3日 10:00导入 (written as a date is in Chinese prose)."""
        if self.at is None:
            return f"第{self.number}版"
        return f"第{self.number}版，{written_date(self.at)} {self.at:%H:%M}{self.made}"


class PlanQuerySet(ScopedQuerySet):
    """Plans nest (a county's under its prefecture's): where a page picks one plan for the
    person, it picks one of their own, the newest first."""

    def own(self, user) -> models.QuerySet:
        """A county office's plans of its county; anyone else's the top-level plans."""
        if getattr(user, "role", None) == Role.COUNTY_OFFICE and user.region_id:
            return self.filter(region_id=user.region_id)
        return self.filter(parent__isnull=True)

    def run_by(self, user) -> models.QuerySet:
        """The plans the person runs (imports, revises, links, sets the periods of, reviews,
        supervises): the office its organisation's plans above the counties, a county
        office its county's (plans.rules says the same for one plan)."""
        role = getattr(user, "role", None)
        rows = self.filter(organisation_id=getattr(user, "organisation_id", None))
        if role == Role.OFFICE_ADMIN:
            return rows.exclude(region__level=Region.Level.COUNTY)
        if role == Role.COUNTY_OFFICE and user.region_id:
            return rows.filter(region_id=user.region_id)
        return rows.none()

    def own_first(self, user) -> models.QuerySet:
        own = self.own(user).values("pk")
        return self.annotate(
            not_own=models.Case(models.When(pk__in=own, then=0), default=1)
        ).order_by("not_own", "-created_at", "-pk")


class CurrentPlans(models.Manager.from_queryset(PlanQuerySet)):
    """Plans not archived: every list, select and page starts here. An archived plan is
    reached only through ``Plan.all_objects`` (the archive page, restoring it)."""

    def get_queryset(self):
        return super().get_queryset().filter(archived_at__isnull=True)


class Plan(models.Model):
    organisation = models.ForeignKey(
        "units.Organisation", on_delete=models.CASCADE, related_name="plans"
    )
    region = models.ForeignKey(
        "units.Region",
        on_delete=models.PROTECT,
        related_name="plans",
        help_text="whose plan: the prefecture or city, or one county",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name="上级方案",
    )
    title = models.CharField("标题", max_length=300)
    issuer = models.CharField("印发机关", max_length=300, blank=True)
    issued_on = models.DateField("成文日期", null=True, blank=True)
    start_year = models.PositiveSmallIntegerField("起始年份", null=True, blank=True)
    end_year = models.PositiveSmallIntegerField("截止年份", null=True, blank=True)
    parent_documents = models.JSONField("上位文件", default=list)
    source_name = models.CharField("来源文件", max_length=300, blank=True)
    revision = models.PositiveIntegerField("版本", default=1)
    # the office's corrections to the parse of the imported file, offered again when a
    # revised document is imported (plans.import_corrections)
    import_corrections = models.JSONField("导入时的更正", default=list, blank=True)
    created_at = models.DateTimeField("导入时间", auto_now_add=True)
    # the version in force (``revision``): when and by whom its document was confirmed, or
    # the plan made from its parent's measures (plans.breakdown); empty on a plan made
    # before these were kept: created_at then
    version_at = models.DateTimeField("本版导入时间", null=True, blank=True)
    version_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="本版导入人",
    )
    updated_at = models.DateTimeField(auto_now=True)
    archived_at = models.DateTimeField("归档时间", null=True, blank=True)

    # Unit staff see a plan their unit carries a measure of; a county office its own plans
    # and those its county's units carry measures of.
    scope = Scope(
        organisation="organisation",
        units=("measures__assignments__unit",),
        regions=("region", "measures__assignments__unit__region"),
    )
    objects = CurrentPlans()
    all_objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "实施方案"
        ordering = ["-created_at"]
        base_manager_name = "all_objects"

    def __str__(self):
        return self.label

    @property
    def version(self) -> PlanVersion:
        """The version in force, the one place every page, list and export (the ledger's, the
        dashboard's, the 承接情况 one) ask
        for a plan's version and when (and by whom) it was imported: a revision's confirm
        sets both, so the number and the date never come from two versions."""
        at = self.version_at or self.created_at
        at = timezone.localtime(at) if at else None
        made = "分解制定" if self.source_name.startswith(BROKEN_DOWN_FROM) else "导入"
        return PlanVersion(self.revision, at, self.version_by_id, made)

    @property
    def version_line(self) -> str:
        """The version in force and who imported it: 第2版，2026年8月3日 15:00导入（张三）."""
        label = self.version.label
        return f"{label}（{self.version_by}）" if self.version_by_id else label

    @property
    def distinction(self) -> str:
        """What tells plans of one title apart: their years (unless the title says them:
        most do, 实施方案（2022—2025年）), version and import time, written as a date is in
        Chinese prose (2026年7月6日 14:00)."""
        parts = []
        years = [str(year) for year in (self.start_year, self.end_year) if year]
        if years and not all(year in self.title for year in years):
            if len(set(years)) == 2:
                parts.append(f"{years[0]}—{years[1]}年")
            else:
                parts.append(f"{years[0]}年")
        parts.append(self.version.label)
        if self.archived_at:
            parts.append("已归档")
        return "，".join(parts)

    @property
    def label(self) -> str:
        """The one display of a plan in lists, selects and headings: its title with what
        tells it apart from another import of the same title."""
        return f"{self.title}（{self.distinction}）"


class Chapter(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="chapters")
    number = models.CharField("序号", max_length=10)
    title = models.CharField("标题", max_length=300)
    position = models.PositiveIntegerField()

    scope = Scope(organisation="plan__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "章"
        ordering = ["position"]

    def __str__(self):
        return f"{self.number}、{self.title}"


class Section(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    chapter = models.ForeignKey(
        Chapter, null=True, on_delete=models.CASCADE, related_name="sections"
    )
    number = models.CharField("序号", max_length=10)
    title = models.CharField("标题", max_length=300)
    position = models.PositiveIntegerField()

    scope = Scope(organisation="plan__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "节"
        ordering = ["position"]

    def __str__(self):
        return f"({self.number}){self.title}"


class CurrentMeasures(models.Manager.from_queryset(ScopedQuerySet)):
    """Measures of plans not archived (an archived plan's measures leave every list with
    it); ``Measure.all_objects`` reaches them all."""

    def get_queryset(self):
        return super().get_queryset().filter(plan__archived_at__isnull=True)


class Measure(models.Model):
    """A numbered measure (任务 / 举措): the unit of work and of reporting."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
    chapter = models.ForeignKey(
        Chapter, null=True, blank=True, on_delete=models.SET_NULL, related_name="measures"
    )
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="measures"
    )
    number = models.PositiveIntegerField("序号")
    position = models.PositiveIntegerField()
    title = models.CharField("标题", max_length=300, blank=True)
    text = models.TextField("任务内容")
    attribution_raw = models.TextField("原文分工", blank=True)
    deadline_text = models.CharField("完成时限", max_length=100, blank=True)
    deadline = models.DateField("截止日期", null=True, blank=True)
    # What a county's breakdown of a parent measure adds (黔南's closing paragraph: 明确提出
    # 工作进度安排和可检验的成果形式): when each step is done, and what shows it was.
    schedule = models.TextField("工作进度安排", blank=True)
    outcome = models.TextField("可检验的成果形式", blank=True)
    links_checked = models.BooleanField(
        "已核对上级任务",
        default=False,
        help_text="the office confirmed its links (none: it answers to nothing above)",
    )
    # Dropped by a revision or archived by the office: it leaves every list and owes
    # nothing, its reports stay; restoring it clears the flag.
    withdrawn = models.BooleanField("已归档", default=False, help_text="dropped or archived")
    version = models.PositiveIntegerField("修改版本", default=1)

    scope = Scope(
        organisation="plan__organisation",
        units=("assignments__unit",),
        regions=("plan__region", "assignments__unit__region"),
    )
    objects = CurrentMeasures()
    all_objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "任务"
        ordering = ["position"]
        base_manager_name = "all_objects"
        indexes = [models.Index(fields=["plan", "position"])]

    def __str__(self):
        return f"{self.number}. {self.title or self.text[:30]}"

    @property
    def deadline_label(self) -> str:
        """完成时限 as the plan printed it; a measure without one is 长期坚持."""
        return self.deadline_text or NO_DEADLINE

    @property
    def deadline_date_note(self) -> str:
        """截止日期 beside 完成时限 (（2026年12月31日前）), or nothing where 完成时限 says that
        date already, as an ad-hoc item's does."""
        if self.deadline is None:
            return ""
        day = f"{written_date(self.deadline)}前"
        return "" if day in self.deadline_label else f"（{day}）"

    @property
    def withdrawn_label(self) -> str:
        """A withdrawn 督办事项 as the lists that still show it name it: 原任务84（已撤回）. It
        keeps the number it had, which an item in force may carry now (plans/adhoc.py
        ``renumber``); empty for any other measure."""
        if not self.withdrawn or not hasattr(self, "source"):
            return ""
        return f"原任务{self.number}（已撤回）"

    @property
    def label(self) -> str:
        """任务84, or a withdrawn 督办事项's 原任务84（已撤回）."""
        return self.withdrawn_label or f"任务{self.number}"


class AssignmentQuerySet(ScopedQuerySet):
    def owing(self):
        """The assignments that owe reports: on live measures of plans in force, and not
        declared 不涉及 (approved by the office). Whatever counts what units owe starts here."""
        return self.filter(
            measure__withdrawn=False,
            measure__plan__archived_at__isnull=True,
            not_concerned=False,
        )


class CurrentAssignments(models.Manager.from_queryset(AssignmentQuerySet)):
    """Assignments in force; an ended one is reached through ``Assignment.all_objects``
    (or from its reports)."""

    def get_queryset(self):
        return super().get_queryset().filter(ended_at__isnull=True)


class MeasureSource(models.Model):
    """Where an ad-hoc 督办事项 came from: a leader's instruction (领导批示) or a meeting's
    decision (会议议定事项), added by the office to a plan as a measure of its own, so it
    is reported on, supervised and assessed as every measure is (plans/adhoc.py). A
    measure with no source is the plan's own."""

    class Kind(models.TextChoices):
        INSTRUCTION = "instruction", "领导批示"
        MEETING = "meeting", "会议议定事项"

    measure = models.OneToOneField(Measure, on_delete=models.CASCADE, related_name="source")
    kind = models.CharField("来源类型", max_length=20, choices=Kind.choices)
    title = models.CharField("来源文件或文号", max_length=200)
    issued_on = models.DateField("批示或会议日期")
    # Reports are owed for the periods due on or after the day it was added.
    added_on = models.DateField("交办日期")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    scope = Measure.scope.under("measure")

    class Meta:
        verbose_name = verbose_name_plural = "督办事项来源"

    def __str__(self):
        return f"{self.get_kind_display()}：{self.title}"


class MeasureLink(models.Model):
    """A confirmed link: ``child`` (a county plan's measure) carries out ``parent`` (a
    measure of the plan above). Proposed links are computed (plans/linking.py), not stored;
    a row exists only once the office confirmed it."""

    child = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="child_links")
    score = models.FloatField("匹配得分", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField("确认时间")

    scope = Scope(
        organisation="child__plan__organisation",
        regions=("child__plan__region",),
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "上级任务对应"
        constraints = [
            models.UniqueConstraint(fields=["child", "parent"], name="one_link_per_pair")
        ]

    def __str__(self):
        return f"{self.child} → {self.parent}"


class Assignment(models.Model):
    """A unit's part in a measure. Those expanded from a collective remember it."""

    class Role(models.TextChoices):
        LEAD = "lead", "牵头单位"
        RESPONSIBLE = "responsible", "责任单位"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    via = models.ForeignKey(
        "units.Collective",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    # Set when the office takes the unit off the measure after it has reported: the
    # assignment leaves every list and owes nothing, its reports stay and show.
    ended_at = models.DateTimeField("结束时间", null=True, blank=True)
    # Set when the office approves the unit's 不涉及 (Exemption): it owes no reports.
    not_concerned = models.BooleanField("不涉及", default=False)

    scope = Scope(
        organisation="measure__plan__organisation", units=("unit",), regions=("unit__region",)
    )
    objects = CurrentAssignments()
    all_objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "任务分工"
        base_manager_name = "all_objects"
        constraints = [
            models.UniqueConstraint(fields=["measure", "unit"], name="one_assignment_per_unit")
        ]

    def __str__(self):
        return f"{self.unit} · {self.measure}"


class MeasureCollective(models.Model):
    """A collective phrase a measure names (各县(市)), as printed, with its role."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="collectives")
    collective = models.ForeignKey(
        "units.Collective", on_delete=models.PROTECT, related_name="measures"
    )
    role = models.CharField("角色", max_length=20, choices=Assignment.Role.choices)

    scope = Scope(organisation="measure__plan__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "任务所列统称"
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "collective"], name="unique_measure_collective"
            )
        ]

    def __str__(self):
        return f"{self.collective} · {self.measure}"


class Target(models.Model):
    """A quantitative target of a measure, or of the plan when measure is empty."""

    class Comparator(models.TextChoices):
        AT_LEAST = ">=", "不低于"
        EQUAL = "=", "达到"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    measure = models.ForeignKey(
        Measure, null=True, blank=True, on_delete=models.CASCADE, related_name="targets"
    )
    quote = models.CharField("原文", max_length=300)
    value = models.FloatField("目标值")
    unit = models.CharField("计量单位", max_length=20)
    comparator = models.CharField(max_length=2, choices=Comparator.choices, default="=")
    year = models.PositiveSmallIntegerField("目标年份", null=True, blank=True)
    per = models.CharField("人均口径", max_length=20, blank=True, help_text="每万人 → 万人")
    baseline = models.FloatField("基期值", null=True, blank=True)

    scope = Scope(organisation="plan__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "目标指标"

    def __str__(self):
        return self.quote


class RecurringDuty(models.Model):
    """An obligation that repeats: 每年至少开展2次评查抽查."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="duties")
    quote = models.CharField("原文", max_length=500)
    times_per_year = models.PositiveSmallIntegerField("每年次数", default=1)

    scope = Scope(organisation="measure__plan__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "经常性任务"

    def __str__(self):
        return self.quote


class PlanImport(models.Model):
    """An upload being checked before it becomes (or revises) a plan. Until confirmed,
    the parse lives only here; abandoning deletes it and leaves nothing behind."""

    organisation = models.ForeignKey("units.Organisation", on_delete=models.CASCADE)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    source_name = models.CharField("来源文件", max_length=300)
    document = models.JSONField("解析结果")  # the parse as read; corrections apply on top
    source_text = models.TextField("原文", blank=True, default="")
    corrections = models.JSONField("更正", default=list, blank=True)
    # a revision: the previous import's corrections that still apply, until adopted
    offered = models.JSONField("可沿用的更正", default=list, blank=True)
    unit_choices = models.JSONField("单位匹配", default=dict)
    region = models.ForeignKey("units.Region", on_delete=models.PROTECT)
    revises = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.CASCADE, related_name="revision_imports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # A county office imports its own county's plan: it sees the imports of its region.
    scope = Scope(organisation="organisation", regions=("region",))

    class Meta:
        verbose_name = verbose_name_plural = "导入"

    def __str__(self):
        return f"导入《{self.source_name}》"


class Application(models.Model):
    """What a unit asks the office and the office decides (不涉及, 延期申请): who asked and
    when, the state, who decided, when and with what comment. Every one is kept."""

    class State(models.TextChoices):
        PENDING = "pending", "待审批"
        APPROVED = "approved", "已同意"
        REFUSED = "refused", "不同意"

    state = models.CharField("状态", max_length=20, choices=State.choices, default=State.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField("申请时间", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)
    comment = models.TextField("审批意见", blank=True)

    scope = Scope(
        organisation="assignment__measure__plan__organisation",
        units=("assignment__unit",),
        regions=("assignment__unit__region",),
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["requested_at", "pk"]

    MAX_REASON = 2000

    @classmethod
    def checked_reason(cls, reason: str, missing: str) -> str:
        """The reason given, trimmed; ``missing`` when there is none."""
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(missing)
        if len(reason) > cls.MAX_REASON:
            raise ValidationError(f"理由不能超过{cls.MAX_REASON}字。")
        return reason

    def settle(self, user, approve: bool, comment: str) -> None:
        """Record the office's decision; refused when already decided, or a refusal
        without a comment (the unit must learn why)."""
        if self.state != self.State.PENDING:
            raise ValidationError(f"该申请已{self.get_state_display()}，不能再次审批。")
        if not approve and not comment:
            raise ValidationError("不同意时请填写审批意见。")
        self.state = self.State.APPROVED if approve else self.State.REFUSED
        self.decided_by, self.decided_at, self.comment = user, timezone.now(), comment
        self.save()


class Exemption(Application):
    """不涉及: a unit carried in by a collective (各县(市)…) says a measure does not concern
    it, with a reason; the office approves (the unit owes no reports for it) or refuses."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="exemptions")
    reason = models.TextField("不涉及理由")

    class Meta(Application.Meta):
        verbose_name = verbose_name_plural = "不涉及申请"

    def __str__(self):
        return f"{self.assignment.unit} · 任务{self.assignment.measure.number} 不涉及申请"
