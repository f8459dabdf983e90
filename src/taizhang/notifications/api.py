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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.db import transaction
from django.utils import timezone

from taizhang.audit.bulk import create_as_of
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

# What ends a quoted sentence: a person's comment usually ends with one, and the message
# puts its own after it ("意见：请补充。。" otherwise).
_SENTENCE_END = "。．.；;，,！!？? \t\r\n"


def said(text: str) -> str:
    """A person's words (a reviewer's comment) quoted inside a message's sentence, which
    supplies its own full stop."""
    return (text or "").rstrip(_SENTENCE_END)


@dataclass(frozen=True)
class Message:
    event: str
    key: str
    title: str
    body: str
    link: str = ""

    @property
    def stored_key(self) -> str:
        """The key as the notification stores it (its column holds 200 characters)."""
        return self.key[:200]

    def fields(self) -> dict:
        """The notification's fields, cut to their columns."""
        return {
            "event": self.event,
            "title": self.title[:200],
            "body": self.body,
            "link": self.link[:300],
        }


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
        organisation=organisation, key=message.stored_key, defaults=message.fields()
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
    return pending_many(organisation, [Send(message, list(users), list(units))])[0]


def _fields(target: Target) -> dict:
    fields = {"recipient": target.recipient, "unit": target.unit, "address": target.address}
    if target.channel == Channel.IN_APP:
        fields.update(status=Delivery.Status.SENT, sent_at=timezone.now(), attempts=1)
    return fields


class _Reach:
    """What decides who is reached how, read once for any number of messages of one
    organisation: its channels, the people's preferences, the units' group chats."""

    def __init__(self, organisation, users: Iterable, units: Iterable):
        self.channels = OrganisationChannels.of(organisation)
        people = [user.pk for user in users if user.is_active]
        self.preferences = {
            p.user_id: p for p in Preference.objects.filter(user_id__in=list(set(people)))
        }
        self.has_gateway = sms.gateway() is not None
        self.unit_ids = list({unit.pk for unit in units})

    @cached_property
    def robots(self) -> list:
        """The units' enabled robots (read when a message is not personal)."""
        robots = UnitRobot.objects.filter(unit_id__in=self.unit_ids, enabled=True)
        return list(robots.order_by("unit_id", "kind"))

    def targets(self, event: str, users: Iterable, units: Iterable) -> list[Target]:
        channels = self.channels
        people = {user.pk: user for user in users if user.is_active}
        targets = []
        for user in people.values():
            preference = self.preferences.get(user.pk) or Preference(user=user)
            person = f"user:{user.pk}"
            targets.append(Target(Channel.IN_APP, person, str(user), recipient=user))
            if channels.email and preference.email and user.email:
                targets.append(Target(Channel.EMAIL, person, user.email, recipient=user))
            phone = getattr(user, "phone", "")
            if channels.sms and preference.sms and phone and self.has_gateway:
                targets.append(Target(Channel.SMS, person, phone, recipient=user))
        if event not in PERSONAL:
            unit_ids = {unit.pk: unit for unit in units}
            for robot in self.robots:
                if robot.unit_id not in unit_ids:
                    continue
                if robot.kind in ROBOTS and channels.enabled(robot.kind):
                    unit = unit_ids[robot.unit_id]
                    label = f"{robot.get_kind_display()}（{unit.name}）"
                    targets.append(Target(robot.kind, f"unit:{unit.pk}", label, unit=unit))
        return targets


# -- many messages at once ------------------------------------------------------------------


@dataclass(frozen=True)
class Send:
    """One message of ``notify_many``: what, to whom, and when it was told (a history
    replayed is told on its days; None: now)."""

    message: Message
    users: Sequence = ()
    units: Sequence = ()
    at: datetime | None = None


def pending_many(organisation, sends: Sequence[Send]) -> list[list[Target]]:
    """``pending`` of each of ``sends`` (messages of one organisation), in a few queries."""
    keys = {send.message.stored_key for send in sends}
    done = set(
        Delivery.objects.filter(
            notification__organisation=organisation, notification__key__in=keys
        ).values_list("notification__key", "channel", "target")
    )
    reach = _Reach(
        organisation,
        [user for send in sends for user in send.users],
        [unit for send in sends for unit in send.units],
    )
    return [
        [
            target
            for target in reach.targets(send.message.event, send.users, send.units)
            if (send.message.stored_key, target.channel, target.target) not in done
        ]
        for send in sends
    ]


def notify_many(organisation, sends: Sequence[Send]) -> list[Notification]:
    """``notify`` for many messages of one organisation at once (the demo's year replayed:
    its returns, its reminders): the same notifications and deliveries as notifying them
    one after the other, each stamped when it was told, written in a few statements. A
    message whose key was told before changes nothing (its new deliveries aside)."""
    if not sends:
        return []
    keys = [send.message.stored_key for send in sends]
    told = {n.key: n for n in Notification.objects.filter(organisation=organisation, key__in=keys)}
    targets = pending_many(organisation, sends)
    notifications, new = [], []
    for send, key in zip(sends, keys, strict=True):
        notification = told.get(key)
        if notification is None:
            notification = told[key] = Notification(
                organisation_id=getattr(organisation, "pk", organisation),
                key=key,
                created_at=send.at or timezone.now(),
                **send.message.fields(),
            )
            new.append(notification)
        notifications.append(notification)
    create_as_of(new)
    made, deliveries, queued = set(), [], []
    for send, notification, reached in zip(sends, notifications, targets, strict=True):
        at = send.at or timezone.now()
        mine = []
        for target in reached:
            if (notification.key, target.channel, target.target) in made:
                continue  # told already in this batch: as get_or_create finds it
            made.add((notification.key, target.channel, target.target))
            fields = _fields(target)
            if "sent_at" in fields:
                fields["sent_at"] = at
            delivery = Delivery(
                notification=notification,
                channel=target.channel,
                target=target.target,
                created_at=at,
                **fields,
            )
            deliveries.append(delivery)
            mine.append(delivery)
        queued.append(mine)
    create_as_of(deliveries)
    for mine in queued:  # each message handed to the worker as notify hands it
        ids = [d.pk for d in mine if d.status == Delivery.Status.PENDING]
        if ids:
            transaction.on_commit(lambda ids=ids: enqueue(ids))
    return notifications
