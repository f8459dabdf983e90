"""What the public may read of a plan: the office's choice, per plan and per field."""

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    """What the public page's settings record (audit/vocabulary.py)."""

    UPDATE = "update", "修改"


class Publication(models.Model):
    """The disclosure settings of one plan. Without a row, or with ``published`` off, the
    plan has no public page at all."""

    plan = models.OneToOneField("plans.Plan", on_delete=models.CASCADE, related_name="publication")
    published = models.BooleanField("向社会公开", default=False)
    show_text = models.BooleanField("任务内容", default=True)
    show_lead_units = models.BooleanField("牵头单位", default=True)
    show_responsible_units = models.BooleanField("责任单位", default=True)
    show_deadline = models.BooleanField("完成时限", default=True)
    show_status = models.BooleanField("进展状态", default=True)
    show_narrative = models.BooleanField(
        "进展情况摘要",
        default=False,
        help_text="only from reports the reviewers accepted",
    )
    show_targets = models.BooleanField("目标指标进展", default=True)
    show_updated = models.BooleanField("更新时间", default=True)
    published_at = models.DateTimeField("首次公开时间", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "公开设置"

    def __str__(self):
        return f"《{self.plan.title}》公开设置"


# The per-field choices, in the order the settings page lists them.
FIELDS = (
    "show_text",
    "show_lead_units",
    "show_responsible_units",
    "show_deadline",
    "show_status",
    "show_narrative",
    "show_targets",
    "show_updated",
)


def field_label(name: str) -> str:
    return str(Publication._meta.get_field(name).verbose_name)
