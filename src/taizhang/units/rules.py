"""Who may see and change the units directory. Object checks take a Unit or a Collective.

The office keeps the whole directory; a county office keeps its own county's units (its
departments, townships and villages) and sees only those; leaders read everything."""

import rules

from taizhang.accounts.predicates import (
    in_organisation,
    in_scope,
    is_county_office,
    is_office_admin,
    is_org_wide_reader,
    of_own_county,
)

# The directory's pages are the office's, leaders' and (their county's part) a county
# office's; unit staff read units by the API.
can_view = in_organisation & (is_org_wide_reader | (is_county_office & of_own_county))
keeps_unit = in_organisation & (is_office_admin | (is_county_office & of_own_county))

rules.add_perm("units.view_directory", is_org_wide_reader | is_county_office)
rules.add_perm("units.manage_units", is_office_admin | is_county_office)
rules.add_perm("units.view_unit", can_view)
# A unit's record (the API): the office and leaders any unit, staff their own unit, a
# county office its county's units.
rules.add_perm("units.view_unit_record", in_scope)
rules.add_perm("units.change_unit", keeps_unit)
# A merge moves work across the whole organisation's plans: the office's.
rules.add_perm("units.merge_unit", is_office_admin & in_organisation)
# What a collective means is the organisation's (各县(市) in every plan): the office's.
rules.add_perm("units.view_collectives", is_org_wide_reader)
rules.add_perm("units.view_collective", is_org_wide_reader & in_organisation)
rules.add_perm("units.change_collective", is_office_admin & in_organisation)
