"""The one call other apps make to tell people something: ``notify``.

Call it from a write path, inside its transaction. It records the notification and one
delivery per channel and target; the message centre has it at once, the other channels
are sent by a background task once the transaction commits (a rollback sends nothing, and
a slow or failing channel never holds up the action that caused it). The key names the
event ("report_returned:1234"): telling the same event again changes nothing, so a scan
that runs twice, or a page submitted twice, never sends a message twice.

    notify(organisation, Message(Event.REPORT_RETURNED, f"report_returned:{review.pk}",
           title, body, link), users=recipients.for_unit(unit, Duty.FILE), units=[unit])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from taizhang.notifications.channels import sms
from taizhang.notifications.events import PERSONAL
from taizhang.notifications.models import (
    ROBOTS,
    Channel,
    Delivery,
    Notification,
    OrganisationChannels,
    Preference,
    UnitRobot,
)
from taizhang.notifications.tasks import enqueue


@dataclass(frozen=True)
class Message:
    event: str
    key: str
    title: str
    body: str
    link: str = ""


@dataclass(frozen=True)
class Target:
    channel: str
    target: str
    address: str
    recipient: object = None
    unit: object = None


def notify(organisation, message: Message, users: Iterable = (), units: Iterable = ()):
    """Tell ``users`` (message centre, and email or SMS as they and the organisation
    chose) and the group chats of ``units``. Returns the Notification."""
    notification, _ = Notification.objects.get_or_create(
        organisation=organisation,
        key=message.key[:200],
        defaults={
            "event": message.event,
            "title": message.title[:200],
            "body": message.body,
            "link": message.link[:300],
        },
    )
    queued = []
    for target in pending(organisation, message, users, units):
        delivery, created = Delivery.objects.get_or_create(
            notification=notification,
            channel=target.channel,
            target=target.target,
            defaults=_fields(target),
        )
        if created and delivery.status == Delivery.Status.PENDING:
            queued.append(delivery.pk)
    if queued:
        transaction.on_commit(lambda: enqueue(queued))
    return notification


def pending(organisation, message: Message, users: Iterable = (), units: Iterable = ()):
    """The deliveries ``notify`` would make now: those of the event not made before.
    (A dry run lists them; notify makes them.)"""
    done = set(
        Delivery.objects.filter(
            notification__organisation=organisation, notification__key=message.key[:200]
        ).values_list("channel", "target")
    )
    targets = targets_of(organisation, message.event, users, units)
    return [t for t in targets if (t.channel, t.target) not in done]


def _fields(target: Target) -> dict:
    fields = {"recipient": target.recipient, "unit": target.unit, "address": target.address}
    if target.channel == Channel.IN_APP:
        fields.update(status=Delivery.Status.SENT, sent_at=timezone.now(), attempts=1)
    return fields


def targets_of(organisation, event: str, users: Iterable, units: Iterable) -> list[Target]:
    """Every channel and target the message goes to, by the organisation's channels and
    each person's preferences."""
    channels = OrganisationChannels.of(organisation)
    people = {user.pk: user for user in users if user.is_active}
    preferences = {p.user_id: p for p in Preference.objects.filter(user_id__in=list(people))}
    has_gateway = sms.gateway() is not None
    targets = []
    for user in people.values():
        preference = preferences.get(user.pk) or Preference(user=user)
        person = f"user:{user.pk}"
        targets.append(Target(Channel.IN_APP, person, str(user), recipient=user))
        if channels.email and preference.email and user.email:
            targets.append(Target(Channel.EMAIL, person, user.email, recipient=user))
        phone = getattr(user, "phone", "")
        if channels.sms and preference.sms and phone and has_gateway:
            targets.append(Target(Channel.SMS, person, phone, recipient=user))
    if event not in PERSONAL:
        unit_ids = {unit.pk: unit for unit in units}
        robots = UnitRobot.objects.filter(unit_id__in=list(unit_ids), enabled=True)
        for robot in robots.order_by("unit_id", "kind"):
            if robot.kind in ROBOTS and channels.enabled(robot.kind):
                unit = unit_ids[robot.unit_id]
                label = f"{robot.get_kind_display()}（{unit.name}）"
                targets.append(Target(robot.kind, f"unit:{unit.pk}", label, unit=unit))
    return targets
