"""Sending a delivery, retrying it with back-off, and resending on the office's request.

A delivery is claimed before it is sent (pending or due for retry -> sending, in one
UPDATE), so two workers never send it twice; the channel is called outside any
transaction, so a slow server never holds a database lock. A failure is recorded with its
reason and retried after 1, 5, 30, 120 and 360 minutes; after the sixth attempt it stays
failed and shows so in the office's delivery log, where it can be resent
(actions.resend)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from taizhang.notifications.channels import DeliveryFailed, email, robots, sms
from taizhang.notifications.models import Channel, Delivery, UnitRobot

BACKOFF_MINUTES = (1, 5, 30, 120, 360)
MAX_ATTEMPTS = len(BACKOFF_MINUTES) + 1
STALE_CLAIM = timedelta(minutes=15)  # a worker killed while sending: try again
Status = Delivery.Status


def send(delivery_id: int) -> Delivery:
    """Send one delivery if it is due; returns it as it stands afterwards."""
    now = timezone.now()
    claimed = (
        Delivery.objects.filter(pk=delivery_id)
        .filter(due(now))
        .update(status=Status.SENDING, next_attempt_at=now + STALE_CLAIM)
    )
    delivery = Delivery.objects.select_related("notification", "unit", "recipient").get(
        pk=delivery_id
    )
    if not claimed:
        return delivery
    delivery.attempts += 1
    try:
        _dispatch(delivery)
    except DeliveryFailed as failure:
        _failed(delivery, str(failure))
    except Exception as error:  # a bug or an unexpected answer: recorded, retried
        _failed(delivery, f"发送出错（{type(error).__name__}）")
    else:
        delivery.status, delivery.sent_at, delivery.last_error = Status.SENT, timezone.now(), ""
        delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "attempts", "sent_at", "last_error", "next_attempt_at"])
    return delivery


def due(now) -> Q:
    waiting = Q(status__in=(Status.PENDING, Status.RETRYING)) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    stale = Q(status=Status.SENDING, next_attempt_at__lte=now)
    return waiting | stale


def _failed(delivery: Delivery, reason: str) -> None:
    delivery.last_error = reason[:300]
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = Status.FAILED, None
        return
    delay = BACKOFF_MINUTES[delivery.attempts - 1]
    delivery.status = Status.RETRYING
    delivery.next_attempt_at = timezone.now() + timedelta(minutes=delay)


def _dispatch(delivery: Delivery) -> None:
    notification = delivery.notification
    url = absolute(notification.link)
    if delivery.channel == Channel.EMAIL:
        email.send(delivery.address, notification.title, notification.body, url)
    elif delivery.channel == Channel.SMS:
        gateway = sms.gateway()
        if gateway is None:
            raise DeliveryFailed("未配置短信网关")
        gateway.send(delivery.address, f"{notification.title}：{notification.body}")
    elif delivery.channel in (Channel.WECOM, Channel.DINGTALK):
        robot = UnitRobot.objects.filter(unit=delivery.unit, kind=delivery.channel).first()
        if robot is None or not robot.enabled:
            raise DeliveryFailed("该单位的群机器人已删除或停用")
        robots.post(
            robot.kind, robot.webhook, robot.secret, notification.title, notification.body, url
        )


def absolute(link: str) -> str:
    if not link:
        return ""
    return settings.TAIZHANG_SITE_URL.rstrip("/") + link
