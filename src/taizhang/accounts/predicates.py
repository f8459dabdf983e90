"""Who a person is, as predicates for `rules`. Each app's rules.py combines these with
its own object checks; views ask ``user.has_perm(name, obj)``."""

import rules

from taizhang.accounts.models import Role


def _role(role):
    @rules.predicate(name=f"has_role_{role}")
    def check(user):
        return getattr(user, "role", None) == role

    return check


is_office_admin = _role(Role.OFFICE_ADMIN)
is_liaison = _role(Role.LIAISON)
is_reviewer = _role(Role.REVIEWER)
is_county_office = _role(Role.COUNTY_OFFICE)
is_leader = _role(Role.LEADER)
is_system_admin = _role(Role.SYSTEM_ADMIN)
is_unit_staff = is_liaison | is_reviewer


@rules.predicate
def same_organisation(user, obj):
    organisation_id = getattr(obj, "organisation_id", None)
    return organisation_id is not None and organisation_id == user.organisation_id


is_org_wide_reader = (is_office_admin | is_leader) & same_organisation
