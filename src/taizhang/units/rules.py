"""Who may see and change the units directory. Object checks take a Unit or a Collective."""

import rules

from taizhang.accounts.predicates import (
    in_organisation,
    in_scope,
    is_office_admin,
    is_org_wide_reader,
)

# The directory's pages are the office's and leaders' (unit staff read units by the API).
can_view = is_org_wide_reader & in_organisation

rules.add_perm("units.view_directory", is_org_wide_reader)
rules.add_perm("units.manage_units", is_office_admin)
rules.add_perm("units.view_unit", can_view)
# A unit's record (the API): the office and leaders any unit, staff their own unit, a
# county office its county's units.
rules.add_perm("units.view_unit_record", in_scope)
rules.add_perm("units.change_unit", is_office_admin & in_organisation)
rules.add_perm("units.view_collective", can_view)
rules.add_perm("units.change_collective", is_office_admin & in_organisation)
