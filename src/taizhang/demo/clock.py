"""The demo's history happened on given days. The write paths stamp what they do with
``django.utils.timezone.now()`` (auto_now fields, submitted_at, the audit log); while the
loader replays a day it sets that clock, so a report filed in October is stamped in
October everywhere. The clock ticks a second per reading (entries keep their order) and
never runs past the real time."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from unittest import mock

from django.utils import timezone

_real_now = timezone.now


def moment(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """``day`` at the given local time (Asia/Shanghai), aware."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@contextmanager
def on(at: datetime) -> Iterator[datetime]:
    """Everything inside happens at ``at`` (or now, when ``at`` lies in the future)."""
    real = _real_now()
    start = min(at, real)
    ticks = itertools.count()

    def now() -> datetime:
        return min(start + timedelta(seconds=next(ticks)), real)

    with mock.patch.object(timezone, "now", now):
        yield start


def today() -> date:
    """The real date, whatever the clock is set to."""
    return timezone.localtime(_real_now()).date()
