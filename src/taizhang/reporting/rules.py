"""Who may see, edit and review progress reports. Object checks take a ProgressReport."""

import rules

from taizhang.accounts.predicates import (
    is_county_office,
    is_leader,
    is_office_admin,
    is_reviewer,
    is_system_admin,
    is_unit_staff,
)
from taizhang.reporting.models import ProgressReport


@rules.predicate
def in_organisation(user, report):
    return report.assignment.unit.organisation_id == user.organisation_id


@rules.predicate
def own_unit(user, report):
    return user.unit_id is not None and report.assignment.unit_id == user.unit_id


@rules.predicate
def own_region(user, report):
    return user.region_id is not None and report.assignment.unit.region_id == user.region_id


@rules.predicate
def leads_the_measure(user, report):
    """The reviewer's unit leads the measure this (responsible unit's) report is on."""
    if user.unit_id is None or report.is_lead_report:
        return False
    return report.assignment.measure.assignments.filter(unit_id=user.unit_id, role="lead").exists()


@rules.predicate
def is_lead_report(user, report):
    return report.is_lead_report


@rules.predicate
def editable_state(user, report):
    return report.state in ProgressReport.State.OPEN


may_file = (is_unit_staff & own_unit) | (is_county_office & own_region)

rules.add_perm(
    "reporting.view_report",
    is_system_admin
    | (
        in_organisation
        & (is_office_admin | is_leader | may_file | (is_reviewer & leads_the_measure))
    ),
)
rules.add_perm("reporting.edit_report", in_organisation & may_file & editable_state)
rules.add_perm(
    "reporting.review_report",
    # The lead unit reviews the responsible units' reports; the office reviews the lead
    # units' consolidated reports and, supervising the whole plan, may settle any report.
    in_organisation & ((is_reviewer & leads_the_measure) | is_office_admin),
)
rules.add_perm("reporting.manage_periods", is_office_admin)


@rules.predicate
def period_in_organisation(user, period):
    return period is not None and period.plan.organisation_id == user.organisation_id


@rules.predicate
def filed(user, report):
    return report.state in ProgressReport.State.FILED


rules.add_perm("reporting.change_period", is_office_admin & period_in_organisation)
rules.add_perm("reporting.highlight_report", in_organisation & is_office_admin & filed)
