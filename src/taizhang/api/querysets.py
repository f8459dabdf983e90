"""What each person may list through the API, beyond the plans and measures that
plans/scoping.py already answers for.

Every queryset here mirrors a rule in the owning app's rules.py, so a list never holds
a row whose detail would be refused."""

from __future__ import annotations

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet

from taizhang.accounts.models import Role
from taizhang.plans.models import Assignment
from taizhang.plans.scoping import units_in_scope, visible_plans
from taizhang.reporting.models import Period, ProgressReport
from taizhang.units.models import Unit

_ORG_WIDE = (Role.OFFICE_ADMIN, Role.LEADER)
_UNIT_STAFF = (Role.LIAISON, Role.REVIEWER)


def in_organisation(user, queryset: QuerySet, path: str) -> QuerySet:
    """The rows of the person's organisation (all of them for a system administrator).

    Detail endpoints look objects up here first, so another organisation's object is a
    404, never a 403 that would confirm it exists."""
    if user.role == Role.SYSTEM_ADMIN:
        return queryset
    return queryset.filter(**{path: user.organisation_id})


def visible_units(user) -> QuerySet[Unit]:
    """The directory for those who may read it (units.view_directory); otherwise the
    units whose work the person files."""
    if rules.has_perm("units.view_directory", user):
        return in_organisation(user, Unit.objects.all(), "organisation_id")
    return in_organisation(user, units_in_scope(user), "organisation_id")


def visible_periods(user) -> QuerySet[Period]:
    return Period.objects.filter(plan__in=visible_plans(user).values("pk"))


def visible_reports(user) -> QuerySet[ProgressReport]:
    """Mirrors reporting.view_report: the organisation for the office and leaders, a
    unit's own reports (plus, for a reviewer, the responsible units' reports on measures
    the unit leads), a county office its county's units' reports."""
    reports = in_organisation(
        user, ProgressReport.objects.all(), "assignment__unit__organisation_id"
    )
    if user.role == Role.SYSTEM_ADMIN or user.role in _ORG_WIDE:
        return reports
    if user.role == Role.COUNTY_OFFICE:
        if user.region_id is None:
            return reports.none()
        return reports.filter(assignment__unit__region_id=user.region_id)
    if user.role not in _UNIT_STAFF or user.unit_id is None:
        return reports.none()
    mine = Q(assignment__unit_id=user.unit_id)
    if user.role == Role.REVIEWER:
        leads = Assignment.objects.filter(
            measure_id=OuterRef("assignment__measure_id"),
            unit_id=user.unit_id,
            role=Assignment.Role.LEAD,
        )
        mine |= Q(Exists(leads), assignment__role=Assignment.Role.RESPONSIBLE)
    return reports.filter(mine)
