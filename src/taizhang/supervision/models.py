"""What the office tracks beyond the reports: target trajectories and readings, and
recurring duties fulfilled. (Urging notices are the notices app's.)"""

from django.conf import settings
from django.db import models

from taizhang.accounts.scoping import Scope


class AuditAction(models.TextChoices):
    """What supervision's write paths record (audit/vocabulary.py)."""

    UPDATE = "update", "修改"
    RECORD_FULFILMENT = "record_fulfilment", "登记经常性任务落实情况"
    ADD_READING = "add_reading", "录入指标实际值"
    DELETE_READING = "delete_reading", "删除指标实际值"


class AuditDetail(models.TextChoices):
    MILESTONES = "milestones", "年度节点"


class TargetTracking(models.Model):
    """How a target is expected to move from its baseline to its value by its deadline."""

    class Trajectory(models.TextChoices):
        LINEAR = "linear", "线性推进"
        MILESTONES = "milestones", "年度节点"

    target = models.OneToOneField("plans.Target", on_delete=models.CASCADE, related_name="tracking")
    baseline = models.FloatField("基期值", null=True, blank=True)
    baseline_on = models.DateField("基期日期", null=True, blank=True)
    deadline = models.DateField("目标期限", null=True, blank=True)
    trajectory = models.CharField(
        "推进方式", max_length=20, choices=Trajectory.choices, default=Trajectory.LINEAR
    )

    scope = Scope(organisation="target__plan__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "目标进度设置"

    def __str__(self):
        return self.target.quote


class Milestone(models.Model):
    """A yearly value the office expects on the way to the target."""

    target = models.ForeignKey("plans.Target", on_delete=models.CASCADE, related_name="milestones")
    year = models.PositiveSmallIntegerField("年度")
    value = models.FloatField("节点值")

    scope = Scope(organisation="target__plan__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "年度节点"
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["target", "year"], name="one_milestone_per_year")
        ]

    def __str__(self):
        return f"{self.target.quote}：{self.year}年{self.value:g}"


class TargetReading(models.Model):
    """An actual value entered by the office (plan-level targets, official statistics).
    Values units report with their progress reports are IndicatorValues."""

    target = models.ForeignKey("plans.Target", on_delete=models.CASCADE, related_name="readings")
    measured_on = models.DateField("统计日期")
    value = models.FloatField("实际值")
    # A rate's base (the cases, villages, people the rate is of): a county's rate rolls up
    # to the plan above weighted by it (taizhang.rollup); empty: not reported.
    denominator = models.FloatField("基数（分母）", null=True, blank=True)
    source = models.CharField("数据来源", max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)

    scope = Scope(organisation="target__plan__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "指标实际值"
        ordering = ["measured_on"]

    def __str__(self):
        return f"{self.target.quote}：{self.value:g}（{self.measured_on:%Y-%m-%d}）"


def fulfilment_path(instance, filename):
    return f"duties/{instance.duty_id}/{filename}"


class DutyFulfilment(models.Model):
    """One occurrence of a recurring duty, as the unit records it."""

    duty = models.ForeignKey(
        "plans.RecurringDuty", on_delete=models.CASCADE, related_name="fulfilments"
    )
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="fulfilments")
    happened_on = models.DateField("开展日期")
    note = models.CharField("情况说明", max_length=500)
    evidence = models.FileField("佐证材料", upload_to=fulfilment_path, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)

    scope = Scope(
        organisation="duty__measure__plan__organisation", units=("unit",), regions=("unit__region",)
    )

    class Meta:
        verbose_name = verbose_name_plural = "经常性任务落实记录"
        ordering = ["-happened_on"]

    def __str__(self):
        return f"{self.unit}·{self.duty}（{self.happened_on:%Y-%m-%d}）"


def notice_path(instance, filename):
    """Kept for migration 0001, which names it: urging notices are the notices app's now."""
    return f"notices/{instance.organisation_id}/{filename}"
