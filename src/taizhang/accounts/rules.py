"""Permissions of the accounts app."""

import rules

from taizhang.accounts import scope
from taizhang.accounts.predicates import is_county_office, is_office_admin, is_system_admin


@rules.predicate
def manages_person(user, person):
    return person is not None and scope.manages(user, person)


@rules.predicate
def runs_an_organisation_or_county(user):
    return (user.role != "county_office" or user.region_id is not None) and (
        user.role == "system_admin" or user.organisation_id is not None
    )


may_run_accounts = (is_office_admin | is_county_office | is_system_admin) & (
    runs_an_organisation_or_county
)

rules.add_perm("accounts.manage_users", may_run_accounts)
rules.add_perm("accounts.manage_user", may_run_accounts & manages_person)
rules.add_perm("accounts.import_roster", (is_office_admin | is_county_office) & may_run_accounts)
rules.add_perm("accounts.manage_organisations", is_system_admin)
rules.add_perm("accounts.view_audit_log", is_office_admin | is_system_admin)
