"""What every unit and every county did in a scheme's year, gathered for the scoring rules
in a fixed number of queries whatever the size of the plan.

Subjects are the units carrying measures of the plan, and the counties whose units carry
any (a county's facts are its units' together: the units whose region is the county or
lies under it)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from taizhang.assessment.scoring import AdjustmentFact, Facts
from taizhang.plans.models import Assignment, Target
from taizhang.reporting import status
from taizhang.reporting.models import Period, ProgressReport, Review
from taizhang.supervision.duties import fulfilment_counts
from taizhang.supervision.progress import progress_of_targets
from taizhang.surveys.models import Survey
from taizhang.surveys.results import satisfaction_by_region
from taizhang.units.models import Region

FILED = (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED)


@dataclass
class Subject:
    """A unit or a county in the ranking, with the facts the rules score."""

    kind: str  # "unit" | "county"
    id: int  # unit id or region id
    name: str
    facts: Facts
    region_name: str = ""
    link_unit_id: int | None = None  # the unit whose id names a county in URLs
    extra: dict = field(default_factory=dict)


_COUNTS = (
    "expected",
    "on_time",
    "late",
    "missing",
    "carried",
    "done",
    "lagging",
    "ongoing",
    "reviewed",
    "first_time",
    "returns",
    "duties_done",
    "duties_expected",
)


@dataclass
class _Tally:
    expected: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    carried: int = 0
    done: int = 0
    lagging: int = 0
    ongoing: int = 0  # long-term measures (no deadline) the unit reports 推进中
    targets: dict = field(default_factory=dict)  # target id -> status
    reviewed: int = 0
    first_time: int = 0
    returns: int = 0
    duties_done: int = 0
    duties_expected: int = 0
    adjustments: list = field(default_factory=list)

    def add(self, other: _Tally) -> None:
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.targets.update(other.targets)
        self.adjustments += other.adjustments

    def facts(self, key: str, name: str) -> Facts:
        return Facts(
            key=key,
            name=name,
            reports_expected=self.expected,
            reports_on_time=self.on_time,
            reports_late=self.late,
            reports_missing=self.missing,
            measures_carried=self.carried,
            measures_done=self.done,
            measures_lagging=self.lagging,
            measures_ongoing=self.ongoing,
            target_statuses=tuple(self.targets[k] for k in sorted(self.targets)),
            reports_reviewed=self.reviewed,
            reports_first_time=self.first_time,
            returns=self.returns,
            duties_done=self.duties_done,
            duties_expected=self.duties_expected,
            adjustments=tuple(self.adjustments),
        )


def gather(scheme, adjustments, today: datetime.date | None = None):
    """(units, counties): the Subjects of the scheme, each with its Facts.

    ``adjustments`` are the scheme's Adjustment rows (the caller has them already)."""
    today = today or timezone.localdate()
    plan, year = scheme.plan, scheme.year
    year_end = datetime.date(year, 12, 31)
    periods = list(Period.objects.filter(plan=plan, ends_on__year=year))
    due = status.due_periods(periods, today)
    carried = Assignment.objects.owing().filter(measure__plan=plan)
    # Each assignment's own status at the year's end, by reporting's rule.
    own = status.assignment_statuses(carried, min(year_end, today), up_to=year_end)

    assignments = list(
        carried.values(
            "pk",
            "unit_id",
            "role",
            "measure_id",
            "measure__deadline",
            "unit__name",
            "unit__level",
            "unit__region_id",
            "unit__region__name",
            "unit__region__parent_id",
            "unit__region__parent__parent_id",
        )
    )
    tallies: dict[int, _Tally] = defaultdict(_Tally)
    unit_of_assignment = {}
    leads = defaultdict(list)
    for row in assignments:
        tally = tallies[row["unit_id"]]
        unit_of_assignment[row["pk"]] = row["unit_id"]
        tally.carried += 1
        tally.done += own[row["pk"]] == ProgressReport.Status.DONE
        tally.lagging += own[row["pk"]] == ProgressReport.Status.LAGGING
        tally.ongoing += (
            row["measure__deadline"] is None and own[row["pk"]] == ProgressReport.Status.IN_PROGRESS
        )
        if row["role"] == Assignment.Role.LEAD:
            leads[row["measure_id"]].append(row["unit_id"])

    _count_reports(tallies, carried, due, today)
    _count_reviews(tallies, unit_of_assignment, [p.pk for p in periods])
    _count_targets(tallies, plan, leads, today)
    _count_duties(tallies, plan, year)
    for adjustment in adjustments:
        tallies[adjustment.unit_id].adjustments.append(
            AdjustmentFact(adjustment.points, adjustment.reason, adjustment.pk)
        )
    return _subjects(scheme, assignments, tallies)


def _count_reports(tallies, carried, due, today) -> None:
    """Reports owed, on time and late by reporting's rule (first submission by the due
    date, or the later one the office approved; a closed measure, a 督办事项 added later
    and a report whose approved date has not come owe nothing yet); never submitted =
    missing."""
    for (unit, _period), counted in status.timeliness(carried, due, today).items():
        tallies[unit].expected += counted.expected
        tallies[unit].on_time += counted.on_time
        tallies[unit].late += counted.late
    for tally in tallies.values():
        tally.missing = tally.expected - tally.on_time - tally.late


def _count_reviews(tallies, unit_of_assignment, period_ids) -> None:
    """Per reviewed report: accepted at its first review or not; every return counts."""
    reviews = (
        Review.objects.filter(report__period_id__in=period_ids)
        .order_by("report_id", "at", "pk")
        .values("report_id", "report__assignment_id", "decision")
    )
    seen = set()
    for review in reviews:
        unit = unit_of_assignment.get(review["report__assignment_id"])
        if unit is None:
            continue
        tally = tallies[unit]
        if review["report_id"] not in seen:
            seen.add(review["report_id"])
            tally.reviewed += 1
            tally.first_time += review["decision"] == Review.Decision.ACCEPT
        tally.returns += review["decision"] == Review.Decision.RETURN


def _count_targets(tallies, plan, leads, today) -> None:
    """A measure's targets are its lead unit's to attain. Targets the supervision module
    has no progress for are not scored."""
    targets = list(
        Target.objects.filter(plan=plan, measure__isnull=False, measure__withdrawn=False)
    )
    if not targets:
        return
    progress = progress_of_targets(targets, today) or {}
    for target in targets:
        found = progress.get(target.pk)
        if found is None:
            continue
        for unit in leads.get(target.measure_id, ()):
            tallies[unit].targets[target.pk] = found.status


def _count_duties(tallies, plan, year) -> None:
    for (_duty, unit), (done, expected) in fulfilment_counts(plan, year).items():
        if unit in tallies:
            tallies[unit].duties_done += min(done, expected)
            tallies[unit].duties_expected += expected


def _subjects(scheme, assignments, tallies):
    units = {}
    for row in assignments:
        units.setdefault(row["unit_id"], row)
    counties = {
        region.pk: region
        for region in Region.objects.filter(
            organisation_id=scheme.organisation_id, level=Region.Level.COUNTY
        )
    }
    unit_subjects, county_tallies, county_units = [], defaultdict(_Tally), defaultdict(list)
    for unit_id, row in units.items():
        tally = tallies[unit_id]
        unit_subjects.append(
            Subject(
                kind="unit",
                id=unit_id,
                name=row["unit__name"],
                region_name=row["unit__region__name"],
                facts=tally.facts(f"unit:{unit_id}", row["unit__name"]),
            )
        )
        county = next(
            (
                region
                for region in (
                    row["unit__region_id"],
                    row["unit__region__parent_id"],
                    row["unit__region__parent__parent_id"],
                )
                if region in counties
            ),
            None,
        )
        if county is not None:
            county_tallies[county].add(tally)
            county_units[county].append(row)
    county_subjects = []
    for region_id, tally in county_tallies.items():
        region = counties[region_id]
        county_subjects.append(
            Subject(
                kind="county",
                id=region_id,
                name=region.name,
                region_name=region.name,
                facts=tally.facts(f"region:{region_id}", region.name),
                link_unit_id=_representative(county_units[region_id], region_id),
                extra={"units": sorted(row["unit__name"] for row in county_units[region_id])},
            )
        )
    return unit_subjects, county_subjects


def _representative(rows, region_id) -> int:
    """The unit that stands for the county in URLs: its 人民政府 (a county-level unit of
    the county itself), else any of its units."""

    def preference(row):
        return (
            row["unit__region_id"] != region_id,
            row["unit__level"] != Region.Level.COUNTY,
            not row["unit__name"].endswith("人民政府"),
            row["unit_id"],
        )

    return min(rows, key=preference)["unit_id"]


def params_of(indicator) -> dict:
    """An indicator's rule parameters. A survey indicator naming a survey of the
    organisation ({"survey_id": N}) scores counties by that survey's satisfaction rates,
    which take the place of rates typed for the same counties."""
    params = dict(indicator.params or {})
    survey_id = params.get("survey_id")
    if indicator.kind != "survey_results" or not survey_id:
        return params
    survey = Survey.objects.filter(
        pk=survey_id, organisation_id=indicator.scheme.organisation_id
    ).first()
    if survey is not None:
        measured = {
            f"region:{region}": rate for region, rate in satisfaction_by_region(survey).items()
        }
        params["rates"] = {**(params.get("rates") or {}), **measured}
    return params
