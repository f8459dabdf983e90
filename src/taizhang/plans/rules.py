"""Who may see and change plans and measures. Object checks take a Plan or a Measure."""

import rules

from taizhang.accounts.predicates import (
    is_county_office,
    is_leader,
    is_office_admin,
    is_system_admin,
    is_unit_staff,
)


def _plan_of(obj):
    return getattr(obj, "plan", obj)


@rules.predicate
def in_organisation(user, obj):
    return obj is not None and _plan_of(obj).organisation_id == user.organisation_id


@rules.predicate
def unit_carries(user, obj):
    """The person's unit is assigned to the measure (or to any measure of the plan)."""
    if obj is None or user.unit_id is None:
        return False
    if hasattr(obj, "assignments"):
        return obj.assignments.filter(unit_id=user.unit_id).exists()
    return obj.measures.filter(assignments__unit_id=user.unit_id).exists()


@rules.predicate
def region_carries(user, obj):
    """A county office sees its own plans and the work its county's units carry."""
    if obj is None or user.region_id is None:
        return False
    plan = _plan_of(obj)
    if plan.region_id == user.region_id:
        return True
    if hasattr(obj, "assignments"):
        return obj.assignments.filter(unit__region_id=user.region_id).exists()
    return obj.measures.filter(assignments__unit__region_id=user.region_id).exists()


can_view = is_system_admin | (
    in_organisation
    & (
        is_office_admin
        | is_leader
        | (is_unit_staff & unit_carries)
        | (is_county_office & region_carries)
    )
)

rules.add_perm("plans.view_plan", can_view)
rules.add_perm("plans.view_measure", can_view)
rules.add_perm("plans.import_plan", is_office_admin)
rules.add_perm("plans.change_plan", is_office_admin & in_organisation)
