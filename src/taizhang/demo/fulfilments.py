"""Recurring duties fulfilled: for each year of the story, each unit carrying a duty
records its occurrences through supervision.duties (most all of them, some fewer, the
units behind fewer still). Years before the platform went live were back-recorded in
the weeks after; this year's occurrences are recorded on the day they happened."""

from __future__ import annotations

from datetime import date, timedelta

from taizhang.demo import clock, tally
from taizhang.demo.chance import draw, pick
from taizhang.plans.models import RecurringDuty
from taizhang.supervision import duties


def record_years(plan, spec: dict, behind: list[dict], cast, live_on: date) -> int:
    today = clock.today()
    listed = list(
        RecurringDuty.objects.filter(measure__plan=plan, measure__withdrawn=False)
        .select_related("measure")
        .order_by("measure__position", "pk")
    )
    owed = duties.carriers(listed)
    behind_by_unit = {b["unit"]: b for b in behind}
    occurrences = []
    for duty in listed:
        for assignment in owed[duty.pk]:
            unit = assignment.unit
            unit.organisation = plan.organisation  # the audit log asks the unit for it
            for year, done in spec["done"].items():
                share = _share(float(done), int(year), behind_by_unit.get(unit.name))
                days = _occurrences(duty, unit, int(year), share, spec["partial"])
                for n, day in enumerate(days, start=1):
                    if day >= today:
                        break
                    when = max(day, live_on + timedelta(days=7 + int(draw("late", unit) * 21)))
                    note = pick(spec["notes"], "note", duty.pk, unit.name, year, n)
                    occurrences.append(
                        duties.Occurrence(
                            duty,
                            unit,
                            cast.filer(unit.pk),
                            day,
                            note.format(year=year, n=n),
                            clock.moment(when, 17),
                        )
                    )
    tally.add("fulfilments", len(occurrences))
    return len(duties.record_fulfilments(occurrences))


def _share(done: float, year: int, behind: dict | None) -> float:
    if behind and year >= behind.get("since", year):
        return done * behind["done"]
    return done


def _occurrences(duty, unit, year: int, done: float, partial: float) -> list[date]:
    """The days the unit did the duty in ``year``, spread through the year: all it owed
    (a ``done`` share of units), one fewer (a ``partial`` share), or none."""
    key = (duty.pk, unit.name, year)
    owed = duty.times_per_year
    roll = draw("duty", *key)
    if roll < done:
        count = owed
    elif roll < done + partial:
        count = owed - 1
    else:
        count = 0
    days = []
    for n in range(count):
        month = 3 + (9 * (n + 1)) // (owed + 1) + int(draw("month", *key, n) * 2) - 1
        days.append(date(year, min(max(month, 1), 12), 1 + int(draw("mday", *key, n) * 27)))
    return sorted(days)
