"""Who may read and write annual reports. Object checks take an AnnualReport.

Each report has its authors: the office writes the prefecture's (or city's) government
report, a county office its county's reports (the county government's and the one up to
the prefecture), a unit's staff their unit's year-end report. The office and leaders read
every report of the organisation, the system administrator reads (it supports people), a
county office its county's reports and a unit's staff their unit's (the report's declared
scope); a final report is read by all who may see it and changed by nobody."""

import rules

from taizhang.accounts.models import Role
from taizhang.accounts.predicates import (
    in_organisation,
    in_scope,
    is_county_office,
    is_leader,
    is_office_admin,
    is_unit_staff,
)
from taizhang.annual_reports.models import AnnualReport

GOVERNMENT, UNIT_YEAR_END, COUNTY_UP = "government", "unit_year_end", "county_up"
STAFF = (Role.LIAISON, Role.REVIEWER)


def may_author(user, kind: str, region=None, unit=None) -> bool:
    """Whether ``user`` writes a report of ``kind`` for ``region`` / ``unit`` (also used
    before the report exists, to offer the choices on the create page)."""
    role = getattr(user, "role", None)
    if role == Role.OFFICE_ADMIN:
        return kind == GOVERNMENT and region is not None and region.level == "prefecture"
    if role == Role.COUNTY_OFFICE:
        return (
            kind in (GOVERNMENT, COUNTY_UP) and region is not None and region.pk == user.region_id
        )
    if role in STAFF:
        return kind == UNIT_YEAR_END and unit is not None and unit.pk == user.unit_id
    return False


@rules.predicate
def authors(user, report):
    return report is not None and may_author(user, report.kind, report.region, report.unit)


@rules.predicate
def is_draft(user, report):
    return report.state == AnnualReport.State.DRAFT


rules.add_perm("annual_reports.view_annual_report", in_scope)
rules.add_perm("annual_reports.change_annual_report", in_organisation & authors & is_draft)
rules.add_perm("annual_reports.finalise_annual_report", in_organisation & authors & is_draft)
rules.add_perm(
    "annual_reports.view_annual_reports",
    is_office_admin | is_leader | is_unit_staff | is_county_office,
)
rules.add_perm(
    "annual_reports.create_annual_report", is_office_admin | is_unit_staff | is_county_office
)
