"""Who may see and change the units directory."""

import rules

from taizhang.accounts.predicates import is_leader, is_office_admin, is_system_admin


@rules.predicate
def in_organisation(user, obj):
    return obj is not None and obj.organisation_id == user.organisation_id


rules.add_perm("units.view_directory", is_office_admin | is_leader | is_system_admin)
rules.add_perm("units.manage_units", is_office_admin)
rules.add_perm("units.change_unit", is_office_admin & in_organisation)
