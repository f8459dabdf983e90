"""Who may see, edit and review progress reports. Object checks take a ProgressReport (or a
Period)."""

import rules

from taizhang.accounts.models import Role
from taizhang.accounts.predicates import (
    in_organisation,
    in_scope,
    is_county_office,
    is_office_admin,
    is_org_wide_reader,
    is_reviewer,
    is_unit_staff,
    of_own_county,
    of_own_unit,
)
from taizhang.plans.models import Assignment
from taizhang.plans.rules import runs_plan, runs_plans
from taizhang.reporting import reviewers
from taizhang.reporting.models import ProgressReport


@rules.predicate
def editable_state(user, report):
    return report.state in ProgressReport.State.OPEN


@rules.predicate
def filed(user, report):
    return report.is_filed


@rules.predicate
def reviewed_by_own_unit(user, report):
    """The report is one the person's unit reviews (reporting/reviewers.py)."""
    return report is not None and reviewers.reviewed_by_unit(report, user.unit_id)


# Those who file a report: its unit's staff, its county's office.
may_file = (is_unit_staff & of_own_unit) | (is_county_office & of_own_county)

rules.add_perm("reporting.view_report", in_scope)
rules.add_perm("reporting.edit_report", in_organisation & may_file & editable_state)
rules.add_perm(
    "reporting.review_report",
    # The lead unit reviews the responsible units' reports; the plan's office (a county
    # plan's: its county office) reviews the rest (reviewers.py) and, supervising the
    # whole plan, may settle any report.
    in_organisation & ((is_reviewer & reviewed_by_own_unit) | runs_plan),
)
# Several reports at once: whoever reviews reports (each report is checked again).
rules.add_perm("reporting.review_reports", is_reviewer | runs_plans)
# The filing unit takes back a report nobody has reviewed yet (the write path refuses,
# with its reason, a report in another state).
rules.add_perm("reporting.withdraw_report", in_organisation & may_file)
# The office that runs the plan undoes an acceptance made by mistake (撤销审核通过; the
# write path refuses, with its reason, a report not accepted).
rules.add_perm("reporting.reopen_report", runs_plan)
# The office's view of every report waiting for review.
rules.add_perm("reporting.view_review_backlog", is_office_admin)
rules.add_perm("reporting.manage_periods", runs_plans)
# The work each person has on the to-do page.
rules.add_perm("reporting.file_reports", is_unit_staff | is_county_office)
rules.add_perm("reporting.review_as_lead_unit", is_reviewer)
rules.add_perm("reporting.review_as_office", runs_plans)
rules.add_perm("reporting.follow_periods", is_org_wide_reader)
rules.add_perm("reporting.change_period", runs_plan)
rules.add_perm("reporting.highlight_report", in_organisation & is_office_admin & filed)


# 办结 and 销号 (reporting/closing.py): the lead unit applies to close its measure (its
# staff, or the county office of a county lead unit); the office confirms, returns or
# reopens. Object checks take a Measure (apply) or a Closure.
@rules.predicate
def leads_measure(user, measure):
    lead = Assignment.objects.filter(measure=measure, role=Assignment.Role.LEAD)
    if user.role == Role.COUNTY_OFFICE:
        return bool(user.region_id) and lead.filter(unit__region_id=user.region_id).exists()
    return bool(user.unit_id) and lead.filter(unit_id=user.unit_id).exists()


rules.add_perm(
    "reporting.apply_closure",
    in_organisation & (is_unit_staff | is_county_office) & leads_measure,
)
rules.add_perm("reporting.settle_closure", in_organisation & is_office_admin)
rules.add_perm("reporting.view_closure", in_scope)
# 延期申请: the filing unit asks on its assignment; the office decides.
rules.add_perm("reporting.request_extension", in_organisation & may_file)
rules.add_perm("reporting.decide_extensions", is_office_admin)
rules.add_perm("reporting.decide_extension", is_office_admin & in_organisation)
rules.add_perm("reporting.view_extension", in_scope)
