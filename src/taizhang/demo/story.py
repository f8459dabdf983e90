"""One organisation's year in Taizhang, told through the platform's write paths in the
order it happened (see demo/organisations.toml): periods, population and targets when
the office went live, back-recorded duties, the quarter's reports and reviews, the
reminder, the draft assessment scheme, and the closed loop of demo/loop.toml (loop.py:
督办事项, 延期, urging notices handled, 办结 and 销号, 不涉及)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from taizhang.accounts.models import Role
from taizhang.demo import (
    clock,
    fulfilments,
    loop,
    notice,
    reminders,
    reports,
    scheme,
    targets,
)
from taizhang.public import services as publishing
from taizhang.reporting.periods import Due, create_period, spans_of_year
from taizhang.surveys import demo as survey_demo
from taizhang.units.models import Unit


def tell(organisation, spec: dict, config: dict, office, staff: list) -> None:
    plan = organisation.plans.get()
    reporting = config["reporting"]
    closed_loop = config.get("loop", {}).get(organisation.name, {})  # demo/loop.toml
    live_on = date.fromisoformat(reporting["live_on"])
    cast = _cast(organisation, office, staff)
    periods = _periods(plan, reporting, office, live_on)
    targets.enter_population(organisation, spec.get("population", {}), office, live_on)
    targets.track_targets(plan, spec.get("targets", []), office, live_on)
    fulfilments.record_years(plan, config["duties"], spec.get("duties_behind", []), cast, live_on)
    loop.add_items(plan, closed_loop, office)
    reports.file_due_periods(plan, periods, reporting, spec.get("behind", []), cast)
    loop.extend(plan, closed_loop, cast, reporting["narratives"])
    reminders.replay(organisation, periods, clock.today())
    if "notice" in spec:
        notice.send_reminder(plan, spec["notice"], office)
    loop.follow_through(plan, closed_loop, cast, reporting["narratives"])
    if "survey" in spec:
        scheme.draft_scheme(plan, reporting["year"], config["assessment"], spec, office)
    # two waves of the public survey, the second still open
    survey_demo.load(organisation, plan, office, timezone.localdate())
    # The office publishes its plan (政府信息公开), so the public page a visitor opens
    # shows the year's progress rather than "暂无公开的实施方案".
    publishing.save_publication(plan, office, published=True, shown={})


def _periods(plan, reporting: dict, actor, live_on: date) -> list:
    """The year's periods from the first one the office reports in Taizhang."""
    spans = spans_of_year(reporting["year"], reporting["kind"])
    names = [name for name, _, _ in spans]
    first = names.index(reporting.get("first_period", names[0]))
    due = Due(working_days=reporting["due_working_days"])
    with clock.on(clock.moment(live_on, 9, 30)):
        return [
            create_period(actor, plan, name, reporting["kind"], start, end, due)
            for name, start, end in spans[first:]
        ]


def _cast(organisation, office, staff) -> reports.Cast:
    """The demo people act for their units (a county office for its county's government);
    the office enters everything else on the units' behalf."""
    by_unit, reviewers = {}, {}
    for person in staff:
        if person.unit_id:
            by_unit[person.unit_id] = person
            if person.role == Role.REVIEWER:
                reviewers[person.unit_id] = person
        elif person.role == Role.COUNTY_OFFICE and person.region_id:
            government = Unit.objects.filter(
                organisation=organisation, region_id=person.region_id, name__endswith="人民政府"
            ).first()
            if government is not None:
                by_unit[government.pk] = person
    return reports.Cast(office=office, by_unit=by_unit, reviewers=reviewers)
