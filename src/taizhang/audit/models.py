"""The audit log: who changed what, when and why. Append-only."""

from django.conf import settings
from django.db import models

from taizhang.accounts.scoping import Scope, ScopedQuerySet


class AuditDetail(models.TextChoices):
    """Keys of entries written before the vocabulary, still in older logs."""

    ADDED = "added", "新增"
    REMOVED = "removed", "移出"
    CHANGED = "changed", "修改"
    WITHDRAWN = "withdrawn", "删除"
    MEASURES = "measures", "任务数"


class AuditEntryQuerySet(ScopedQuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log cannot be edited.")

    def delete(self):
        raise PermissionError("The audit log cannot be edited.")


class AuditEntry(models.Model):
    organisation = models.ForeignKey(
        "units.Organisation", null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    action = models.CharField("操作", max_length=50)
    object_type = models.CharField("对象类型", max_length=50)
    object_id = models.CharField("对象编号", max_length=50)
    object_label = models.CharField("对象", max_length=200)
    changes = models.JSONField("变更内容", default=dict)
    reason = models.CharField("原因", max_length=500, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    scope = Scope(organisation="organisation")

    class Meta:
        verbose_name = verbose_name_plural = "操作日志"
        ordering = ["-at", "-id"]
        # The organisation's latest entry is its pages' version stamp (taizhang.freshness).
        indexes = [models.Index(fields=["organisation", "-id"], name="audit_org_latest")]

    def __str__(self) -> str:
        return f"{self.object_label}（{self.at:%Y-%m-%d %H:%M}）"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log cannot be edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log cannot be edited.")
