"""The notices each person may list, and the escalation ladder of a measure.

List pages start from UrgeNotice.objects.for_user (its declared scope), so they never fetch a notice
the person may not see, and their query count does not grow with the number of notices."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from taizhang.notices.models import UrgeNotice
from taizhang.plans.models import Measure


def visible_notices(user) -> QuerySet[UrgeNotice]:
    """The notices the person may list (the notice's declared scope), with what a list
    shows."""
    return (
        UrgeNotice.objects.for_user(user)
        .select_related("unit", "created_by")
        .prefetch_related(
            Prefetch("measures", queryset=Measure.objects.only("pk", "number", "plan_id"))
        )
    )


@dataclass
class Ladder:
    """One unit's rungs on a measure, oldest first."""

    unit: object
    notices: list[UrgeNotice] = field(default_factory=list)

    @property
    def current(self) -> UrgeNotice:
        return self.notices[-1]


def ladders(user, measure) -> list[Ladder]:
    """The notices that cited ``measure`` and the person may see, grouped by the unit
    they were sent to (units in order of their first notice), each oldest first."""
    notices = (
        visible_notices(user).filter(measures=measure).order_by("issued_on", "created_at", "pk")
    )
    by_unit: dict[int, Ladder] = {}
    for notice in notices:
        by_unit.setdefault(notice.unit_id, Ladder(notice.unit)).notices.append(notice)
    return list(by_unit.values())
