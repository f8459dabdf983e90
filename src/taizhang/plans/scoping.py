"""What each person may list: the querysets behind every page and API list.

Object-level checks are in rules.py; these keep list pages from ever fetching rows the
person may not see, in one query whatever the role."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from taizhang.accounts.models import Role
from taizhang.plans.models import Measure, Plan

_ORG_WIDE = (Role.OFFICE_ADMIN, Role.LEADER)


def visible_plans(user) -> QuerySet[Plan]:
    plans = Plan.objects.all()
    if user.role == Role.SYSTEM_ADMIN:
        return plans
    plans = plans.filter(organisation_id=user.organisation_id)
    if user.role in _ORG_WIDE:
        return plans
    if user.role == Role.COUNTY_OFFICE:
        return plans.filter(
            Q(region_id=user.region_id) | Q(measures__assignments__unit__region_id=user.region_id)
        ).distinct()
    return plans.filter(measures__assignments__unit_id=user.unit_id).distinct()


def visible_measures(user, plan: Plan | None = None) -> QuerySet[Measure]:
    measures = Measure.objects.filter(withdrawn=False)
    if plan is not None:
        measures = measures.filter(plan=plan)
    if user.role == Role.SYSTEM_ADMIN:
        return measures
    measures = measures.filter(plan__organisation_id=user.organisation_id)
    if user.role in _ORG_WIDE:
        return measures
    if user.role == Role.COUNTY_OFFICE:
        return measures.filter(
            Q(plan__region_id=user.region_id) | Q(assignments__unit__region_id=user.region_id)
        ).distinct()
    return measures.filter(assignments__unit_id=user.unit_id).distinct()


def units_in_scope(user):
    """The units whose work the person files: their unit, or their county's units."""
    from taizhang.units.models import Unit

    if user.role == Role.COUNTY_OFFICE:
        return Unit.objects.filter(region_id=user.region_id)
    if user.unit_id:
        return Unit.objects.filter(pk=user.unit_id)
    return Unit.objects.none()
