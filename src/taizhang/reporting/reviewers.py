"""Who reviews a report: the one place that decides it.

A responsible unit's report is reviewed by the measure's lead unit, through its active
reviewers. The office (依法治理办) reviews everything else, so that no submitted report
waits for nobody:
- the lead unit's own (consolidated) report;
- a report on a measure the office itself leads (the office has no Unit: a measure led by
  州委依法治州办 or 市委依法治市办 has no lead assignment);
- a report whose lead unit has no active reviewer.
The office here is the one that runs the plan: a county plan's is its county office
(plans.rules.runs_plan; `running_county`). The office may in any case accept or return
any report of a plan it runs (reporting.review_report).

The rule is asked three ways, one answer: for one report (`reviewing_units`, the
permission and the review page), as a queryset filter (`waiting_for_unit`,
`waiting_for_office`: the to-do pages) and for many reports at once, every lead unit of
each (`reviewed_by`: the backlog grouped by reviewer, the reminders of reviews waiting
and the daily digest of reports arrived). A report on a measure two lead units with
reviewers lead waits for both, in every one of these."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from taizhang.accounts.models import Role
from taizhang.notifications import recipients
from taizhang.plans.models import Assignment
from taizhang.reporting.models import ProgressReport
from taizhang.units.models import Region

LEAD = Assignment.Role.LEAD
RESPONSIBLE = Assignment.Role.RESPONSIBLE

REVIEWER_RULE = (
    "审核人：责任单位的报告由牵头单位审核人审核；牵头单位本单位的报告、依法治理办牵头的任务、"
    "牵头单位无在岗审核人的，由依法治理办审核。"
)


def _units_with_reviewers():
    return (
        get_user_model()
        .objects.filter(is_active=True, role=Role.REVIEWER, unit__isnull=False)
        .values("unit_id")
    )


def _reviewing_leads(measure_ref):
    """The lead assignments of a measure whose unit has an active reviewer."""
    return Assignment.objects.filter(
        measure=measure_ref, role=LEAD, unit_id__in=_units_with_reviewers()
    )


def reviewing_units(report) -> set[int]:
    """The ids of the units whose reviewers review ``report``; empty: the office does."""
    if report.assignment.role != RESPONSIBLE:
        return set()
    return set(_reviewing_leads(report.assignment.measure_id).values_list("unit_id", flat=True))


def reviewed_by_unit(report, unit_id) -> bool:
    return unit_id is not None and unit_id in reviewing_units(report)


def running_county(plan):
    """The county (Region) whose office runs ``plan`` and reviews what no unit does; None
    when the organisation's office runs it (plans.rules.runs_plan, Plan.objects.run_by)."""
    return plan.region if plan.region.level == Region.Level.COUNTY else None


def office_title(plan) -> str:
    """The name of the office that reviews ``plan``'s reports no unit reviews."""
    county = running_county(plan)
    return (county or plan.organisation).office_title


def reviewers_of(report) -> list:
    """The people who review ``report``: the lead unit's reviewers, else the office that
    runs the plan (a county plan's county office; plans.rules.runs_plan says the same)."""
    units = reviewing_units(report)
    if units:
        people = get_user_model().objects.filter(is_active=True).order_by("pk")
        return list(people.filter(role=Role.REVIEWER, unit_id__in=units))
    plan = report.period.plan
    if running_county(plan) is not None:
        return recipients.county_office(plan.organisation_id, plan.region_id)
    return recipients.office(plan.organisation_id)


def reviewed_by(reports) -> dict[int, tuple[frozenset[int], Region | None]]:
    """Who reviews each of ``reports`` (report pk -> (the units whose reviewers review it,
    the county whose office does when no unit does; both empty: the organisation's
    office)), in one query whatever their number. A measure with two lead units having
    reviewers gives both, as their to-dos (``waiting_for_unit``) both list the report."""
    reports = list(reports)
    measures = {r.assignment.measure_id for r in reports if r.assignment.role == RESPONSIBLE}
    leads = defaultdict(set)
    rows = Assignment.objects.filter(
        measure_id__in=measures, role=LEAD, unit_id__in=_units_with_reviewers()
    ).values_list("measure_id", "unit_id")
    for measure_id, unit_id in rows:
        leads[measure_id].add(unit_id)
    found = {}
    for report in reports:
        units = frozenset()
        if report.assignment.role == RESPONSIBLE:
            units = frozenset(leads.get(report.assignment.measure_id, ()))
        found[report.pk] = (units, None if units else running_county(report.period.plan))
    return found


def awaiting(reports: QuerySet | None = None) -> QuerySet:
    """Submitted reports: what waits for a review (an archived plan asks none)."""
    reports = ProgressReport.objects.all() if reports is None else reports
    return reports.filter(
        state=ProgressReport.State.SUBMITTED, period__plan__archived_at__isnull=True
    )


def _unit_reviews() -> Q:
    """The report is one a lead unit's reviewers review."""
    leads = _reviewing_leads(OuterRef("assignment__measure_id"))
    return Q(assignment__role=RESPONSIBLE) & Q(Exists(leads))


def waiting_for_unit(unit_id: int, reports: QuerySet | None = None) -> QuerySet:
    """Submitted reports the reviewers of unit ``unit_id`` review."""
    leads = _reviewing_leads(OuterRef("assignment__measure_id")).filter(unit_id=unit_id)
    return awaiting(reports).filter(Q(assignment__role=RESPONSIBLE) & Q(Exists(leads)))


def waiting_for_office(organisation_id: int, reports: QuerySet | None = None) -> QuerySet:
    """Submitted reports of the organisation that no unit reviews: the office's."""
    return (
        awaiting(reports)
        .filter(assignment__unit__organisation_id=organisation_id)
        .exclude(_unit_reviews())
    )
