"""Who may see, edit and review progress reports. Object checks take a ProgressReport (or a
Period)."""

import rules

from taizhang.accounts.predicates import (
    in_organisation,
    in_scope,
    is_county_office,
    is_office_admin,
    is_org_wide_reader,
    is_reviewer,
    is_unit_staff,
    led_by_own_unit,
    of_own_county,
    of_own_unit,
)
from taizhang.plans.rules import runs_plan, runs_plans
from taizhang.reporting.models import ProgressReport


@rules.predicate
def editable_state(user, report):
    return report.state in ProgressReport.State.OPEN


@rules.predicate
def filed(user, report):
    return report.is_filed


# Those who file a report: its unit's staff, its county's office.
may_file = (is_unit_staff & of_own_unit) | (is_county_office & of_own_county)

rules.add_perm("reporting.view_report", in_scope)
rules.add_perm("reporting.edit_report", in_organisation & may_file & editable_state)
rules.add_perm(
    "reporting.review_report",
    # The lead unit reviews the responsible units' reports; the plan's office (a county
    # plan's: its county office) reviews the lead units' consolidated reports and,
    # supervising the whole plan, may settle any report.
    in_organisation & ((is_reviewer & led_by_own_unit) | runs_plan),
)
rules.add_perm("reporting.manage_periods", runs_plans)
# The work each person has on the to-do page.
rules.add_perm("reporting.file_reports", is_unit_staff | is_county_office)
rules.add_perm("reporting.review_as_lead_unit", is_reviewer)
rules.add_perm("reporting.review_as_office", runs_plans)
rules.add_perm("reporting.follow_periods", is_org_wide_reader)
rules.add_perm("reporting.change_period", runs_plan)
rules.add_perm("reporting.highlight_report", in_organisation & is_office_admin & filed)
