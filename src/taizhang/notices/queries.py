"""The notices each person may list, and the escalation ladder of a measure.

Like plans/scoping.py: list pages start from these querysets, so they never fetch a notice
the person may not see, and their query count does not grow with the number of notices."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from taizhang.accounts.models import Role
from taizhang.notices.models import UrgeNotice
from taizhang.plans.models import Measure

_ORG_WIDE = (Role.OFFICE_ADMIN, Role.LEADER)


def visible_notices(user) -> QuerySet[UrgeNotice]:
    notices = UrgeNotice.objects.select_related("unit", "created_by").prefetch_related(
        Prefetch("measures", queryset=Measure.objects.only("pk", "number", "plan_id"))
    )
    if user.role == Role.SYSTEM_ADMIN:
        return notices
    notices = notices.filter(organisation_id=user.organisation_id)
    if user.role in _ORG_WIDE:
        return notices
    if user.role == Role.COUNTY_OFFICE:
        return notices.filter(unit__region_id=user.region_id)
    return notices.filter(unit_id=user.unit_id)


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
