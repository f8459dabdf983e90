"""The reminder the office sent to a unit behind on its work, through
supervision.notices (numbered, stored as .docx, audited), as the draft words it."""

from __future__ import annotations

from datetime import date

from taizhang.demo import clock
from taizhang.notices import services as notices
from taizhang.units.models import Unit


def send_reminder(plan, spec: dict, actor):
    day = date.fromisoformat(spec["on"])
    if day >= clock.today():
        return None
    unit = Unit.objects.select_related("organisation").get(
        organisation=plan.organisation, name=spec["unit"]
    )
    draft = notices.draft(unit, plan, day, notices.Level.REMINDER)
    if not draft.items:
        return None
    with clock.on(clock.moment(day, 10)):
        return notices.issue(unit, plan, actor, day, draft.level, draft.title, draft.body)
