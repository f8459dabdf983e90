"""Who may issue and read urging notices. Object checks take an UrgeNotice or a Unit.

The office issues them; the office and leaders read all of their organisation's; a unit's
staff read the notices sent to their unit, a county office those sent to its county's
units (the notice's and the unit's declared scope). The system administrator reads (it
supports people) but never issues."""

import rules

from taizhang.accounts.predicates import (
    in_organisation,
    in_scope,
    is_county_office,
    is_office_admin,
    is_org_wide_reader,
    is_unit_staff,
    of_own_county,
    of_own_unit,
)
from taizhang.plans.rules import runs_plan, runs_plans

# The plan's own office urges: the office on its plans, a county office on its county's plan
# (numbered as its own, 都匀市依法治市办督〔2026〕1号) and only its county's units.
rules.add_perm("notices.issue_notices", runs_plans)
rules.add_perm(
    "notices.issue_notice",
    in_organisation & (is_office_admin | (is_county_office & of_own_county)),
)
rules.add_perm("notices.urge_on_plan", runs_plan)
rules.add_perm("notices.view_unit_notices", in_scope)
rules.add_perm("notices.view_notice", in_scope)
# The organisation's list: everyone signed in; the list itself is scoped to what each sees.
rules.add_perm(
    "notices.view_notices",
    is_org_wide_reader | is_unit_staff | is_county_office,
)

# The closed loop (notices/handling.py): the unit the notice was sent to signs for it and
# answers it (its staff, or its county's office, which files for a county unit); the
# office closes it or sends the answer back.
rules.add_perm(
    "notices.handle_notice",
    in_organisation & ((is_unit_staff & of_own_unit) | (is_county_office & of_own_county)),
)
rules.add_perm("notices.settle_notice", is_office_admin & in_organisation)
