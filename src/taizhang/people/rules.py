"""Who runs whose accounts (the rule itself is people.scope)."""

import rules

from taizhang.accounts.predicates import is_county_office, is_office_admin, is_system_admin
from taizhang.people import scope


@rules.predicate
def manages_person(user, person):
    return person is not None and scope.manages(user, person)


@rules.predicate
def has_a_place(user):
    """An office of an organisation, a county office of a county, or the system admin."""
    if user.role == "system_admin":
        return True
    return user.organisation_id is not None and (
        user.role != "county_office" or user.region_id is not None
    )


runs_accounts = (is_office_admin | is_county_office | is_system_admin) & has_a_place

rules.add_perm("people.manage_people", runs_accounts)
rules.add_perm("people.manage_person", runs_accounts & manages_person)
rules.add_perm("people.import_roster", (is_office_admin | is_county_office) & has_a_place)
rules.add_perm("people.manage_organisations", is_system_admin)
