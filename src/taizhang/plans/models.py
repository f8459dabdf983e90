"""A confirmed plan: chapters, sections, measures, who carries them, targets, duties."""

from django.conf import settings
from django.db import models

from taizhang.accounts.models import Role
from taizhang.accounts.scoping import Scope, ScopedQuerySet
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
    LINK = "link", "核对落实的上级任务"


class AuditDetail(models.TextChoices):
    MEASURES_ADDED = "measures_added", "新增任务"
    MEASURES_CHANGED = "measures_changed", "修改任务"
    MEASURES_WITHDRAWN = "measures_withdrawn", "删除任务"
    KEPT_WITH_REPORTS = "kept_with_reports", "保留报告的任务"
    FILE = "file", "文件"  # entries of earlier releases
    PARENTS = "parents", "落实的上级任务"


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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Unit staff see a plan their unit carries a measure of; a county office its own plans
    # and those its county's units carry measures of.
    scope = Scope(
        organisation="organisation",
        units=("measures__assignments__unit",),
        regions=("region", "measures__assignments__unit__region"),
    )
    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "实施方案"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


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
    links_checked = models.BooleanField(
        "已核对上级任务",
        default=False,
        help_text="the office confirmed its links (none: it answers to nothing above)",
    )
    withdrawn = models.BooleanField("已删除", default=False, help_text="dropped by a revision")

    scope = Scope(
        organisation="plan__organisation",
        units=("assignments__unit",),
        regions=("plan__region", "assignments__unit__region"),
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "任务"
        ordering = ["position"]
        indexes = [models.Index(fields=["plan", "position"])]

    def __str__(self):
        return f"{self.number}. {self.title or self.text[:30]}"

    @property
    def deadline_label(self) -> str:
        """完成时限 as the plan printed it; a measure without one is 长期坚持."""
        return self.deadline_text or NO_DEADLINE


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

    scope = Scope(
        organisation="measure__plan__organisation", units=("unit",), regions=("unit__region",)
    )

    class Meta:
        verbose_name = verbose_name_plural = "任务分工"
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
    document = models.JSONField("解析结果")
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
