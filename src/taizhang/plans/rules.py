"""Who may see and change plans and measures. Object checks take a Plan or a Measure.

Seeing follows the plan's and the measure's declared scope (accounts/scoping.py): the
office and leaders all of their organisation's, unit staff what their unit carries, a
county office its own plans and what its county's units carry."""

import rules

from taizhang.accounts.predicates import (
    in_organisation,
    in_scope,
    is_county_office,
    is_office_admin,
    is_unit_staff,
    of_own_county,
    of_own_unit,
)

rules.add_perm("plans.view_plan", in_scope)
rules.add_perm("plans.view_measure", in_scope)
rules.add_perm("plans.view_assignment", in_scope)
rules.add_perm("plans.import_plan", is_office_admin)
rules.add_perm("plans.change_plan", is_office_admin & in_organisation)
rules.add_perm("plans.change_measure", is_office_admin & in_organisation)
# Ad-hoc 督办事项 (plans/adhoc.py): the office adds them to its organisation's plans.
rules.add_perm("plans.add_adhoc", is_office_admin & in_organisation)
# 不涉及: the unit's staff (or its county office) ask on its assignment; the office decides.
rules.add_perm(
    "plans.request_exemption",
    in_organisation & ((is_unit_staff & of_own_unit) | (is_county_office & of_own_county)),
)
rules.add_perm("plans.decide_exemptions", is_office_admin)
rules.add_perm("plans.decide_exemption", is_office_admin & in_organisation)
