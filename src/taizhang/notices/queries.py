"""The notices each person may list, and the escalation ladder of a measure.

List pages start from UrgeNotice.objects.for_user (its declared scope), so they never fetch a notice
the person may not see, and their query count does not grow with the number of notices."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from taizhang.notices.models import STATE_BADGES, UrgeNotice
from taizhang.notices.reminders import unit_reminder_key_of
from taizhang.notifications.events import Event
from taizhang.notifications.models import Notification
from taizhang.plans.models import Measure
from taizhang.supervision.followups import FollowUp
from taizhang.supervision.followups import register as register_follow_ups


def visible_notices(user) -> QuerySet[UrgeNotice]:
    """The notices the person may list (the notice's declared scope), with what a list
    shows."""
    return with_reminders(
        UrgeNotice.objects.for_user(user)
        .select_related("unit", "created_by")
        .prefetch_related(
            Prefetch("measures", queryset=Measure.objects.only("pk", "number", "plan_id"))
        )
    )


def with_reminders(notices: QuerySet[UrgeNotice]) -> QuerySet[UrgeNotice]:
    """Annotate ``reminded``: how many times the unit was told again that it has not signed
    (the 未签收 reminder of notices/reminders.py), shown beside the state as 已提醒 N 次 —
    a fact of its own, whatever the state is now. One subquery per list."""
    told = (
        Notification.objects.filter(
            organisation=OuterRef("organisation_id"),
            event=Event.NOTICE_UNSIGNED,
            key=unit_reminder_key_of(OuterRef("pk")),
        )
        .order_by()
        .values("organisation")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return notices.annotate(reminded=Coalesce(Subquery(told), 0))


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


@register_follow_ups
def follow_ups(organisation, keys) -> dict[tuple[int, int], FollowUp]:
    """(unit, measure) -> the latest notice that cited the measure to the unit, as the
    supervision board shows it (未签收 / 已签收 / 已反馈 / 退回重办 / 已办结). One query."""
    cited = (
        UrgeNotice.measures.through.objects.filter(
            urgenotice__organisation=organisation,
            urgenotice__unit_id__in={unit for unit, _ in keys},
            measure_id__in={measure for _, measure in keys},
        )
        .order_by("urgenotice__issued_on", "urgenotice__created_at", "urgenotice_id")
        .values_list(
            "urgenotice__unit_id",
            "measure_id",
            "urgenotice_id",
            "urgenotice__state",
            "urgenotice__issued_on",
        )
    )
    found = {}
    for unit_id, measure_id, notice_id, state, issued_on in cited:
        if (unit_id, measure_id) in keys:
            found[(unit_id, measure_id)] = FollowUp(
                label=UrgeNotice.State(state).label,
                badge=STATE_BADGES[state],
                link=reverse("notices:detail", kwargs={"notice_id": notice_id}),
                on=issued_on,
            )
    return found
