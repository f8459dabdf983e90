"""The write path of notifications: what the office and each person change here, checked
and audited. (Telling people things is api.notify, called by the other apps.)"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.notifications.channels import robots
from taizhang.notifications.models import (
    AuditAction,
    Channel,
    Delivery,
    OrganisationChannels,
    Preference,
    UnitRobot,
)
from taizhang.notifications.tasks import enqueue

CHANNEL_FIELDS = ("email", "sms", "wecom", "dingtalk")


@transaction.atomic
def resend(delivery: Delivery, actor) -> Delivery:
    """Another series of attempts (after the address was fixed, say), audited."""
    delivery = Delivery.objects.select_for_update(of=("self",)).get(pk=delivery.pk)
    if delivery.channel == Channel.IN_APP:
        raise ValidationError("站内消息无需重新发送。")
    if delivery.status == Delivery.Status.SENDING:
        raise ValidationError("该消息正在发送，请稍后刷新查看结果。")
    delivery.status, delivery.attempts = Delivery.Status.PENDING, 0
    delivery.next_attempt_at, delivery.last_error = None, ""
    delivery.save(update_fields=["status", "attempts", "next_attempt_at", "last_error"])
    record(
        actor,
        AuditAction.RESEND,
        delivery.notification,
        {"delivery_channel": delivery.get_channel_display(), "delivery_address": delivery.address},
        organisation=delivery.notification.organisation_id,
    )
    pk = delivery.pk
    transaction.on_commit(lambda: enqueue([pk]))
    return delivery


def mark_read(user, deliveries) -> int:
    """Mark the person's own in-app messages read (no audit: reading changes nothing)."""
    return deliveries.filter(recipient=user, channel=Channel.IN_APP, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def set_channels(organisation, actor, **enabled) -> OrganisationChannels:
    channels, _ = OrganisationChannels.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    changes = {}
    for field in CHANNEL_FIELDS:
        if field in enabled and getattr(channels, field) != bool(enabled[field]):
            changes[field] = [getattr(channels, field), bool(enabled[field])]
            setattr(channels, field, bool(enabled[field]))
    if changes:
        channels.save()
        record(actor, AuditAction.SET_CHANNELS, channels, changes, organisation=organisation)
    return channels


@transaction.atomic
def set_robot(unit, actor, kind: str, webhook: str, secret: str | None, enabled: bool):
    """Set (or, with an empty address, remove) a unit's group robot. ``secret`` None keeps
    the stored one: the page never shows a secret back."""
    webhook = webhook.strip()
    robot = UnitRobot.objects.filter(unit=unit, kind=kind).first()
    label = dict(Channel.choices)[kind]
    if not webhook:
        if robot is not None:
            record(actor, AuditAction.REMOVE_ROBOT, robot, {}, organisation=unit.organisation_id)
            robot.delete()
        return None
    if not robots.allowed(kind, webhook):
        host = "qyapi.weixin.qq.com" if kind == robots.WECOM else "oapi.dingtalk.com"
        raise ValidationError(f"请填写{label}的 Webhook 地址（https://{host}/…）。")
    robot = robot or UnitRobot(unit=unit, kind=kind)
    robot.webhook, robot.enabled = webhook, enabled
    if secret is not None:
        robot.secret = secret.strip()
    robot.save()
    record(
        actor,
        AuditAction.SET_ROBOT,
        robot,
        {"kind": robot.get_kind_display(), "enabled": enabled},
        organisation=unit.organisation_id,
    )
    return robot


def set_preference(user, email: bool, sms: bool) -> Preference:
    preference, _ = Preference.objects.update_or_create(
        user=user, defaults={"email": email, "sms": sms}
    )
    return preference
