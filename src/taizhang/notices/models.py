"""Urging notices (催办通知) sent to units, with the measures they cite and their .docx."""

from django.conf import settings
from django.db import models

from taizhang.accounts.scoping import Scope, ScopedQuerySet


class AuditAction(models.TextChoices):
    """What the notices' write path records (audit/vocabulary.py)."""

    URGE = "urge", "发出催办通知"
    SIGN = "sign", "签收催办通知"
    ANSWER = "answer", "反馈催办落实情况"
    CLOSE = "close", "催办事项办结"
    SEND_BACK = "send_back", "退回催办反馈"


class AuditDetail(models.TextChoices):
    ADDRESSEE = "addressee", "主送机关"
    EVIDENCE = "evidence", "佐证材料"
    COMMENT = "comment", "意见"


def notice_path(instance, filename):
    return f"notices/{instance.organisation_id}/{filename}"


class UrgeNotice(models.Model):
    """A formal reminder to a unit; the escalation ladder is reminder -> 催办 -> 通报."""

    class Level(models.TextChoices):
        REMINDER = "reminder", "提醒"
        URGE = "urge", "催办"
        CIRCULAR = "circular", "通报"

    class State(models.TextChoices):
        """Where the unit's handling of the notice stands (签收 → 反馈 → 办结; the office
        may send a reply back, and the unit answers again). Each label says what the
        addressee has done: a notice sent and not yet signed for is 未签收 (that it was sent
        is the notice itself; that the unit was reminded is a fact of its own,
        notices.queries.with_reminders)."""

        ISSUED = "issued", "未签收"
        SIGNED = "signed", "已签收"
        ANSWERED = "answered", "已反馈"
        RETURNED = "returned", "退回重办"
        CLOSED = "closed", "已办结"

    # The states in which the unit owes something (签收 or 反馈): its to-do lists them.
    UNIT_OWES = (State.ISSUED, State.SIGNED, State.RETURNED)

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
    items = models.JSONField("逾期事项", default=list)
    measures = models.ManyToManyField("plans.Measure", related_name="notices", blank=True)
    document = models.FileField("通知文件", upload_to=notice_path, blank=True)
    issued_on = models.DateField("成文日期")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField("办理状态", max_length=20, choices=State.choices, default=State.ISSUED)
    signed_at = models.DateTimeField("签收时间", null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签收人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)

    # Sent to a unit: its staff see it, and its county's office.
    scope = Scope(organisation="organisation", units=("unit",), regions=("unit__region",))
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "催办通知"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def state_badge(self) -> str:
        """The badge colour of the handling state (site.css)."""
        return STATE_BADGES[self.state]


STATE_BADGES = {
    UrgeNotice.State.ISSUED: "lagging",  # waiting on the unit: not the grey of 未催办
    UrgeNotice.State.SIGNED: "in_progress",
    UrgeNotice.State.ANSWERED: "submitted",
    UrgeNotice.State.RETURNED: "returned",
    UrgeNotice.State.CLOSED: "done",
}


def reply_path(instance, filename):
    return f"notices/{instance.notice.organisation_id}/replies/{instance.notice_id}/{filename}"


class NoticeReply(models.Model):
    """A unit's 反馈 on a notice: what it did, with an optional evidence file, and the
    office's decision on it (办结, or 退回 with a comment). A notice sent back is answered
    again: its replies are its history."""

    class Decision(models.TextChoices):
        CLOSED = "closed", "办结"
        RETURNED = "returned", "退回"

    notice = models.ForeignKey(UrgeNotice, on_delete=models.CASCADE, related_name="replies")
    text = models.TextField("落实情况")
    file = models.FileField("佐证材料", upload_to=reply_path, blank=True)
    original_name = models.CharField("文件名", max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="反馈人", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("反馈时间", auto_now_add=True)
    decision = models.CharField("办理意见", max_length=20, choices=Decision.choices, blank=True)
    comment = models.TextField("意见", blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)

    scope = UrgeNotice.scope.under("notice")

    class Meta:
        verbose_name = verbose_name_plural = "催办反馈"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.notice}（反馈）"
