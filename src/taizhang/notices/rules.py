"""Who may issue and read urging notices.

The office issues them; the office and leaders read all of their organisation's; a unit's
staff read the notices sent to their unit, a county office those sent to its county's
units. The system administrator reads (it supports people) but never issues."""

import rules

from taizhang.accounts.predicates import (
    is_county_office,
    is_leader,
    is_office_admin,
    is_system_admin,
    is_unit_staff,
)


@rules.predicate
def unit_in_organisation(user, unit):
    return unit is not None and unit.organisation_id == user.organisation_id


@rules.predicate
def own_unit(user, unit):
    return unit is not None and user.unit_id is not None and unit.pk == user.unit_id


@rules.predicate
def unit_in_own_county(user, unit):
    return unit is not None and user.region_id is not None and unit.region_id == user.region_id


def _on_unit(predicate):
    """The same check on a notice, through the unit it was sent to."""

    @rules.predicate(name=f"notice_{predicate.name}")
    def check(user, notice):
        return notice is not None and predicate.test(user, notice.unit)

    return check


reads_unit = is_system_admin | (
    unit_in_organisation
    & (
        is_office_admin
        | is_leader
        | (is_unit_staff & own_unit)
        | (is_county_office & unit_in_own_county)
    )
)

rules.add_perm("notices.issue_notice", is_office_admin & unit_in_organisation)
rules.add_perm("notices.view_unit_notices", reads_unit)
rules.add_perm(
    "notices.view_notice",
    is_system_admin
    | (
        _on_unit(unit_in_organisation)
        & (
            is_office_admin
            | is_leader
            | (is_unit_staff & _on_unit(own_unit))
            | (is_county_office & _on_unit(unit_in_own_county))
        )
    ),
)
# The organisation's list: everyone signed in; the list itself is scoped to what each sees.
rules.add_perm(
    "notices.view_notices",
    is_system_admin | is_office_admin | is_leader | is_unit_staff | is_county_office,
)
