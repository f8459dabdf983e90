"""What people are told and how it reached them.

A Notification is one event told once (its key makes it idempotent: the same event is
never told twice). Each Delivery is that notification on one channel to one target: a
person's message centre, mailbox or phone, or a unit's group chat. The deliveries are the
delivery log: who, what, which channel, sent or failed, how many attempts."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from taizhang.notifications.events import Event


class AuditAction(models.TextChoices):
    RESEND = "resend", "重新发送通知"
    SET_CHANNELS = "set_channels", "设置通知渠道"
    SET_ROBOT = "set_robot", "设置群机器人"
    REMOVE_ROBOT = "remove_robot", "删除群机器人"


class AuditDetail(models.TextChoices):
    DELIVERY_CHANNEL = "delivery_channel", "发送渠道"
    DELIVERY_ADDRESS = "delivery_address", "发送地址"


class Channel(models.TextChoices):
    IN_APP = "in_app", "站内消息"
    EMAIL = "email", "电子邮件"
    SMS = "sms", "短信"
    WECOM = "wecom", "企业微信群机器人"
    DINGTALK = "dingtalk", "钉钉群机器人"


ROBOTS = (Channel.WECOM, Channel.DINGTALK)


class Notification(models.Model):
    organisation = models.ForeignKey(
        "units.Organisation", on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField("事项", max_length=40, choices=Event.choices)
    key = models.CharField("事件标识", max_length=200)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    link = models.CharField("链接", max_length=300, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "通知"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="one_notification_per_key")
        ]

    def __str__(self):
        return self.title


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "待发送"
        SENDING = "sending", "发送中"
        RETRYING = "retrying", "重试中"
        SENT = "sent", "已送达"
        FAILED = "failed", "发送失败"

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField("渠道", max_length=20, choices=Channel.choices)
    # "user:12" or "unit:5": with the channel, what makes a delivery unique
    target = models.CharField(max_length=40)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deliveries",
        verbose_name="接收人",
    )
    unit = models.ForeignKey(
        "units.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deliveries",
        verbose_name="接收单位",
    )
    address = models.CharField("发送地址", max_length=200, blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    last_error = models.CharField("失败原因", max_length=300, blank=True)
    next_attempt_at = models.DateTimeField("下次尝试", null=True, blank=True)
    sent_at = models.DateTimeField("送达时间", null=True, blank=True)
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "发送记录"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel", "target"], name="one_delivery_per_target"
            )
        ]
        indexes = [models.Index(fields=["recipient", "channel", "read_at"])]

    def __str__(self):
        return f"{self.notification.title} → {self.address or self.target}"

    @property
    def is_unread(self) -> bool:
        return self.channel == Channel.IN_APP and self.read_at is None


class OrganisationChannels(models.Model):
    """Which channels besides the message centre an organisation uses."""

    organisation = models.OneToOneField(
        "units.Organisation", on_delete=models.CASCADE, related_name="channels"
    )
    email = models.BooleanField("电子邮件", default=True)
    sms = models.BooleanField("短信", default=False)
    wecom = models.BooleanField("企业微信群机器人", default=False)
    dingtalk = models.BooleanField("钉钉群机器人", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "通知渠道设置"

    def __str__(self):
        return f"{self.organisation}的通知渠道"

    @classmethod
    def of(cls, organisation) -> OrganisationChannels:
        """The organisation's settings, or the defaults when it never set any."""
        found = cls.objects.filter(organisation=organisation).first()
        return found or cls(organisation=organisation)

    def enabled(self, channel: str) -> bool:
        return channel == Channel.IN_APP or bool(getattr(self, channel, False))


class UnitRobot(models.Model):
    """A unit's group chat robot (企业微信 or 钉钉): where its reminders are posted."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="robots")
    kind = models.CharField("类型", max_length=20, choices=[(c.value, c.label) for c in ROBOTS])
    webhook = models.CharField("Webhook 地址", max_length=500)
    secret = models.CharField("加签密钥", max_length=200, blank=True)
    enabled = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "单位群机器人"
        constraints = [models.UniqueConstraint(fields=["unit", "kind"], name="one_robot_per_kind")]

    def __str__(self):
        return f"{self.unit} · {self.get_kind_display()}"


class Preference(models.Model):
    """How one person wants to be told, besides the message centre (always on)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.BooleanField("电子邮件", default=True)
    sms = models.BooleanField("短信", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "个人通知偏好"

    def __str__(self):
        return f"{self.user}的通知设置"
