"""Long work done in the background for a person: parsing a large upload, making a PDF,
a large export. The task framework runs it; a Job is what the person's page shows while
it runs (progress, stage) and after (where to go next, the file made, or what went wrong
in Chinese)."""

from django.conf import settings
from django.db import models


class Job(models.Model):
    class Kind(models.TextChoices):
        PARSE_UPLOAD = "parse_upload", "解析方案文件"
        ANNUAL_PDF = "annual_pdf", "生成年度报告 PDF"
        FINALISE_ANNUAL = "finalise_annual", "年度报告定稿"
        EXPORT = "export", "导出表格"

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "处理中"
        DONE = "done", "已完成"
        FAILED = "failed", "未完成"

    kind = models.CharField("类型", max_length=30, choices=Kind.choices)
    title = models.CharField("名称", max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "units.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField("进度", default=0)
    stage = models.CharField("当前步骤", max_length=100, blank=True)
    message = models.CharField("说明", max_length=500, blank=True)
    # what the job works on and where it leads: {"upload": path, "next": url, ...}
    params = models.JSONField(default=dict)
    result_url = models.CharField(max_length=300, blank=True)
    file = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    filename = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "后台任务"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
