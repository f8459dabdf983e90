"""Working days by the Chinese holiday calendar, including make-up working days (调休).

The calendar comes from the maintained `chinesecalendar` package, which covers the
years the State Council has published; outside them we fall back to weekdays.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar


@lru_cache(maxsize=8192)  # a pure question asked thousands of times by every scan
def is_working_day(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:  # a year the State Council has not published yet
        return day.weekday() < 5


def add_working_days(start: date, count: int) -> date:
    """The day that is ``count`` working days after ``start`` ("20个工作日内")."""
    day = start
    remaining = count
    step = timedelta(days=1 if count >= 0 else -1)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1 if count > 0 else -1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``."""
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        days += is_working_day(day)
    return days
