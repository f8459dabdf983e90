"""Background work of notifications: the task that sends one delivery, handing deliveries
to the worker, and the sweep that hands over retries (run by the scheduler)."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from taizhang.notifications import delivery
from taizhang.notifications.models import Channel, Delivery

log = logging.getLogger(__name__)
SWEEP_BATCH = 500
FRESH = timedelta(minutes=5)


@task()
def deliver(delivery_id: int) -> str:
    return delivery.send(delivery_id).status


def enqueue(delivery_ids: list[int]) -> None:
    """Hand the deliveries to the task worker. Should the queue be unreachable, they stay
    pending and the next sweep hands them over."""
    for pk in delivery_ids:
        try:
            deliver.enqueue(pk)
        except Exception:  # the action that caused the message must not fail
            log.exception("could not enqueue delivery %s", pk)


def requeue_due(now=None) -> list[int]:
    """Deliveries due for a (re)try: hand them to the worker again. Sending twice is
    impossible (delivery.send claims a delivery before sending it); a delivery made in the
    last minutes is left to the task enqueued with it."""
    now = now or timezone.now()
    ids = list(
        Delivery.objects.exclude(channel=Channel.IN_APP)
        .filter(delivery.due(now))
        .exclude(status=Delivery.Status.PENDING, created_at__gt=now - FRESH)
        .order_by("pk")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    enqueue(ids)
    return ids
