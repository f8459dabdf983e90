"""The yearly assessment: a scheme of weighted indicators, bonus and penalty items, and the
scores as published."""

from django.conf import settings
from django.db import models

from taizhang.accounts.scoping import Scope, ScopedQuerySet
from taizhang.assessment.scoring import rule_in_words


class AuditAction(models.TextChoices):
    """What the assessment's write path records (audit/vocabulary.py)."""

    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"
    PUBLISH = "publish", "发布考核结果"


class AuditDetail(models.TextChoices):
    INDICATORS = "indicators", "考核指标"
    INDICATOR = "indicator", "考核指标"
    UNITS_SCORED = "units_scored", "参评单位数"
    COUNTIES_SCORED = "counties_scored", "参评县(市、区)数"


class Scheme(models.Model):
    """A year's scoring scheme. Drafts are recomputed whenever asked; a published scheme's
    scores are frozen as PublishedScore rows."""

    class State(models.TextChoices):
        DRAFT = "draft", "草稿"
        PUBLISHED = "published", "已发布"

    organisation = models.ForeignKey("units.Organisation", on_delete=models.CASCADE)
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="schemes")
    year = models.PositiveSmallIntegerField("考核年度")
    name = models.CharField("名称", max_length=200)
    state = models.CharField("状态", max_length=20, choices=State.choices, default=State.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )

    scope = Scope(organisation="organisation")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "考核方案"
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="one_scheme_per_plan_year")
        ]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """One weighted line of the scheme, scored by a rule (assessment/scoring.py)."""

    class Kind(models.TextChoices):
        REPORT_TIMELINESS = "report_timeliness", "按时报送"
        MEASURE_COMPLETION = "measure_completion", "任务完成"
        TARGET_ATTAINMENT = "target_attainment", "目标达成"
        REVIEW_OUTCOMES = "review_outcomes", "审核结果"
        DUTY_FULFILMENT = "duty_fulfilment", "经常性任务落实"
        SURVEY_RESULTS = "survey_results", "群众满意度"

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="indicators")
    kind = models.CharField("评分规则", max_length=30, choices=Kind.choices)
    name = models.CharField("指标名称", max_length=100)
    weight = models.FloatField("分值")
    params = models.JSONField("规则参数", default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    scope = Scope(organisation="scheme__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "考核指标"
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.name}（{self.weight:g}分）"

    @property
    def basis(self) -> str:
        """How the indicator is scored, in one line (its 口径)."""
        return rule_in_words(self.kind, self.params)


def adjustment_path(instance, filename):
    return f"assessment/{instance.scheme_id}/{filename}"


class Adjustment(models.Model):
    """A bonus or penalty item with its reason and evidence."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="adjustments")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="adjustments")
    points = models.FloatField("加减分")
    reason = models.CharField("事由", max_length=500)
    evidence = models.FileField("佐证材料", upload_to=adjustment_path, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    scope = Scope(organisation="scheme__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "加减分事项"

    def __str__(self):
        return f"{self.unit}：{self.reason}（{self.points:+g}分）"


class PublishedScore(models.Model):
    """A unit's or a county's score as published: the total and the breakdown that
    explains every point, frozen whatever later changes."""

    class Subject(models.TextChoices):
        UNIT = "unit", "单位"
        COUNTY = "county", "县(市、区)"

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="scores")
    subject = models.CharField(max_length=10, choices=Subject.choices)
    unit = models.ForeignKey("units.Unit", null=True, on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey(
        "units.Region", null=True, on_delete=models.PROTECT, related_name="+"
    )
    total = models.FloatField("总分")
    rank = models.PositiveIntegerField("名次")
    breakdown = models.JSONField("得分明细")

    scope = Scope(organisation="scheme__organisation")

    class Meta:
        verbose_name = verbose_name_plural = "发布的得分"
        ordering = ["subject", "rank"]

    def __str__(self):
        subject = self.unit if self.subject == self.Subject.UNIT else self.region
        return f"{self.scheme}·{subject}：{self.total:g}分（第{self.rank}名）"
