"""Who may see and change supervision data. Object checks take a Plan (board, target and
duty lists), a Target, a RecurringDuty or a Measure.

Reading follows the plan's own rule (plans.view_plan / plans.view_measure): whoever may
see a measure sees its targets and duties. Changes are the organisation office's; a
unit's staff record their own unit's duties, a county office those of its county."""

import rules

from taizhang.accounts.predicates import (
    in_organisation,
    is_county_office,
    is_office_admin,
    is_org_wide_reader,
    is_unit_staff,
)
from taizhang.plans.models import Plan
from taizhang.plans.rules import runs_plan, runs_plans
from taizhang.units.models import Unit


def _plan_of(obj):
    if isinstance(obj, Plan):
        return obj
    return getattr(obj, "plan", None) or obj.measure.plan


@rules.predicate
def may_view_subject(user, obj):
    """The measure a target or duty belongs to (or its plan, for plan-level targets)."""
    if obj is None:
        return False
    measure = getattr(obj, "measure", None)
    if measure is not None:
        return rules.has_perm("plans.view_measure", user, measure)
    return rules.has_perm("plans.view_plan", user, _plan_of(obj))


@rules.predicate
def carries_in_scope(user, duty):
    """A unit the person files for carries the duty's measure."""
    if duty is None:
        return False
    return Unit.objects.filed_by(user).filter(assignments__measure=duty.measure_id).exists()


office_here = is_office_admin & in_organisation

# A county office supervises its own plan's units on its own plan's board.
rules.add_perm("supervision.view_boards", is_org_wide_reader | runs_plans)
rules.add_perm(
    "supervision.view_board",
    (is_org_wide_reader & in_organisation) | (is_county_office & runs_plan),
)
rules.add_perm("supervision.view_targets", may_view_subject)
rules.add_perm("supervision.view_target", may_view_subject)
rules.add_perm("supervision.change_target", office_here)
rules.add_perm("supervision.manage_population", is_office_admin)
rules.add_perm("supervision.change_deadline", office_here)
rules.add_perm("supervision.view_duty", may_view_subject)
rules.add_perm(
    "supervision.record_fulfilment",
    in_organisation & (is_unit_staff | is_county_office) & carries_in_scope,
)
