"""Urging notices (催办通知) sent to units, with the measures they cite and their .docx."""

from django.conf import settings
from django.db import models

from taizhang.accounts.scoping import Scope, ScopedQuerySet


class AuditAction(models.TextChoices):
    """What the notices' write path records (audit/vocabulary.py)."""

    URGE = "urge", "发出催办通知"


class AuditDetail(models.TextChoices):
    ADDRESSEE = "addressee", "主送机关"


def notice_path(instance, filename):
    return f"notices/{instance.organisation_id}/{filename}"


class UrgeNotice(models.Model):
    """A formal reminder to a unit; the escalation ladder is reminder -> 催办 -> 通报."""

    class Level(models.TextChoices):
        REMINDER = "reminder", "提醒"
        URGE = "urge", "催办"
        CIRCULAR = "circular", "通报"

    organisation = models.ForeignKey("units.Organisation", on_delete=models.CASCADE)
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="notices")
    issuer = models.ForeignKey(
        "units.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="发文县（市、区）",
        help_text="a county office's notice on its own plan; empty: the organisation's office",
    )
    level = models.CharField("级别", max_length=20, choices=Level.choices)
    number = models.CharField("文号", max_length=100)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文")
    items = models.JSONField("督办事项", default=list)
    measures = models.ManyToManyField("plans.Measure", related_name="notices", blank=True)
    document = models.FileField("通知文件", upload_to=notice_path, blank=True)
    issued_on = models.DateField("成文日期")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    # Sent to a unit: its staff see it, and its county's office.
    scope = Scope(organisation="organisation", units=("unit",), regions=("unit__region",))
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "催办通知"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
