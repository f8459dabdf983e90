"""Who may see and change plans and measures. Object checks take a Plan or a Measure.

Seeing follows the plan's and the measure's declared scope (accounts/scoping.py): the
office and leaders all of their organisation's, unit staff what their unit carries, a
county office its own plans and what its county's units carry.

Changing: a county runs its own plan. The county office imports, revises and links its
own county's plans; the prefecture office its organisation's other plans, and reads the
county plans without changing them."""

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
from taizhang.units.models import Region


def _plan(obj):
    """The plan of a plan, a measure, a period or a report."""
    if hasattr(obj, "plan"):
        return obj.plan
    if hasattr(obj, "period"):
        return obj.period.plan
    return obj


@rules.predicate
def has_a_county(user):
    return getattr(user, "region_id", None) is not None


@rules.predicate
def is_county_plan(user, obj):
    """A plan (or a measure of a plan) of one county."""
    return obj is not None and _plan(obj).region.level == Region.Level.COUNTY


@rules.predicate
def of_own_county_plan(user, obj):
    return obj is not None and _plan(obj).region_id == user.region_id


county_runs_it = is_county_office & has_a_county & of_own_county_plan
office_runs_it = is_office_admin & ~is_county_plan
# The plan's own office (Plan.objects.run_by lists the same plans); other apps' rules use it
# for the work on a plan: its periods, its reviews, its board.
runs_plan = in_organisation & (office_runs_it | county_runs_it)
runs_plans = is_office_admin | (is_county_office & has_a_county)

rules.add_perm("plans.view_plan", in_scope)
rules.add_perm("plans.view_measure", in_scope)
rules.add_perm("plans.view_assignment", in_scope)
rules.add_perm("plans.import_plan", runs_plans)
# a staged import: the office's, or a county office's of its own county (PlanImport's scope)
rules.add_perm("plans.view_import", in_scope)
# correcting a staged import, or making it a revision: whoever imports, on an import in scope
rules.add_perm("plans.change_import", runs_plans & in_scope)
rules.add_perm("plans.change_plan", runs_plan)
# 分解落实: a county office makes its own county's plan from a plan above the counties.
rules.add_perm(
    "plans.break_down_plan", in_organisation & is_county_office & has_a_county & ~is_county_plan
)
rules.add_perm("plans.link_measures", runs_plan)
rules.add_perm("plans.change_measure", runs_plan)
# Ad-hoc 督办事项 (plans/adhoc.py): the office adds them to the plans it runs.
rules.add_perm("plans.add_adhoc", in_organisation & office_runs_it)
# 不涉及: the unit's staff (or its county office) ask on its assignment; the office decides.
rules.add_perm(
    "plans.request_exemption",
    in_organisation & ((is_unit_staff & of_own_unit) | (is_county_office & of_own_county)),
)
rules.add_perm("plans.decide_exemptions", is_office_admin)
rules.add_perm("plans.decide_exemption", is_office_admin & in_organisation)
