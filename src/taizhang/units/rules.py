"""Who may see and change the units directory.

Object checks take a Unit or a Collective. A system administrator is a superuser, and
Django lets superusers pass every has_perm; the views therefore ask `may_change` (the
rule itself) before any change, so that only the office of the organisation changes it.
"""

import rules

from taizhang.accounts.access import may
from taizhang.accounts.predicates import is_leader, is_office_admin, is_system_admin


@rules.predicate
def in_organisation(user, obj):
    return obj is not None and obj.organisation_id == user.organisation_id


can_view = is_system_admin | ((is_office_admin | is_leader) & in_organisation)

rules.add_perm("units.view_directory", is_office_admin | is_leader | is_system_admin)
rules.add_perm("units.manage_units", is_office_admin)
rules.add_perm("units.view_unit", can_view)
rules.add_perm("units.change_unit", is_office_admin & in_organisation)
rules.add_perm("units.view_collective", can_view)
rules.add_perm("units.change_collective", is_office_admin & in_organisation)


may_change = may  # the rule alone, without Django's superuser shortcut
