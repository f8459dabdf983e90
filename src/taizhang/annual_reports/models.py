"""Annual reports (年度法治社会建设情况报告): a government's report to the party committee
and the people's congress standing committee, a unit's year-end report to the
coordinating office, and a county's report up to the prefecture. A draft's sections are
edited in the browser; the final version is kept with its .docx and .pdf."""

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    """What the annual reports' write path records (audit/vocabulary.py)."""

    CREATE = "create", "新建"
    SAVE = "save", "保存报告"
    REGENERATE = "regenerate", "重新生成报告章节"
    FINALISE = "finalise", "定稿"


class AuditDetail(models.TextChoices):
    REGENERATED = "regenerated", "重新生成"


def annual_report_path(instance, filename):
    return f"annual_reports/{instance.organisation_id}/{instance.pk}/{filename}"


class AnnualReport(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "政府年度报告"
        UNIT_YEAR_END = "unit_year_end", "单位年终报告"
        COUNTY_UP = "county_up", "县(市、区)向州(市)报告"

    class State(models.TextChoices):
        DRAFT = "draft", "草稿"
        FINAL = "final", "已定稿"

    organisation = models.ForeignKey(
        "units.Organisation", on_delete=models.CASCADE, related_name="annual_reports"
    )
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="annual_reports")
    region = models.ForeignKey(
        "units.Region",
        on_delete=models.PROTECT,
        related_name="annual_reports",
        help_text="whose report: the prefecture or city, or one county (a unit's: its region)",
    )
    unit = models.ForeignKey(
        "units.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField("报告年度")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.DRAFT)
    issuer_mark = models.CharField("发文机关标志", max_length=100)
    number = models.CharField("发文字号", max_length=100, blank=True)
    title = models.CharField("标题", max_length=200)
    addressee = models.CharField("主送机关", max_length=200)
    signature = models.CharField("落款", max_length=100)
    copy_to = models.CharField("抄送机关", max_length=200, blank=True)
    # [{"key", "heading", "text", "table": {"caption", "header", "rows", "widths"} | None}]
    sections = models.JSONField("正文", default=list)
    generated_at = models.DateTimeField("数据生成时间")
    version = models.PositiveIntegerField("版本", default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    finalised_at = models.DateTimeField("定稿时间", null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    docx = models.FileField("定稿文件（.docx）", upload_to=annual_report_path, blank=True)
    pdf = models.FileField("定稿文件（.pdf）", upload_to=annual_report_path, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "年度报告"
        ordering = ["-year", "-created_at"]
        indexes = [
            models.Index(
                fields=["organisation", "year", "kind"], name="annual_report_org_year_kind"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_final(self) -> bool:
        return self.state == self.State.FINAL


class AnnualReportVersion(models.Model):
    """Every saved state of a report's text, kept."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=20)
    snapshot = models.JSONField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "年度报告版本"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="unique_annual_report_version"
            )
        ]

    def __str__(self):
        return f"{self.report}（第{self.number}版）"
