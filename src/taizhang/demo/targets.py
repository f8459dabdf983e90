"""The office's figures: population per region (for the per-capita targets), each
target's baseline, deadline and trajectory, and the statistics it entered as readings,
all through plans.editing and supervision.tracking."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ImproperlyConfigured

from taizhang.demo import clock
from taizhang.plans import editing
from taizhang.plans.models import Target
from taizhang.supervision import tracking
from taizhang.supervision.models import TargetTracking
from taizhang.units.models import Region

RECORDED_AFTER = timedelta(days=20)  # statistics reach the office some weeks after


def enter_population(organisation, figures: dict[str, int], actor, day: date) -> None:
    regions = dict(
        Region.objects.filter(organisation=organisation, name__in=list(figures)).values_list(
            "name", "pk"
        )
    )
    missing = set(figures) - set(regions)
    if missing:
        raise ImproperlyConfigured(f"demo population: no region named {sorted(missing)}")
    with clock.on(clock.moment(day, 10)):
        editing.set_populations(
            organisation, actor, {regions[name]: value for name, value in figures.items()}
        )


def track_targets(plan, specs: list[dict], actor, live_on: date) -> None:
    targets = list(Target.objects.filter(plan=plan).select_related("plan"))
    for spec in specs:
        target = _match(targets, spec["quote"])
        baseline, baseline_on = spec.get("baseline", [None, None])
        milestones = {int(year): value for year, value in spec.get("milestones", {}).items()}
        with clock.on(clock.moment(live_on, 11)):
            tracking.save_tracking(
                target,
                actor,
                baseline=baseline,
                baseline_on=date.fromisoformat(baseline_on) if baseline_on else None,
                deadline=date.fromisoformat(spec["deadline"]) if "deadline" in spec else None,
                trajectory=TargetTracking.Trajectory.MILESTONES
                if milestones
                else TargetTracking.Trajectory.LINEAR,
                milestones=milestones,
            )
        for measured_on, value, source in spec.get("readings", []):
            measured_on = date.fromisoformat(measured_on)
            recorded = max(measured_on + RECORDED_AFTER, live_on)
            with clock.on(clock.moment(recorded, 14)):
                tracking.add_reading(target, actor, measured_on, value, source)


def _match(targets, quote: str):
    found = [t for t in targets if quote in t.quote]
    if len(found) != 1:
        raise ImproperlyConfigured(
            f"demo target “{quote}” matches {len(found)} targets of the plan, not one"
        )
    return found[0]
