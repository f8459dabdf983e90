"""What each person may list: the querysets behind every page and API list.

Object-level checks are in rules.py; these keep list pages from ever fetching rows the
person may not see, in one query whatever the role."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from taizhang.accounts.models import Role
from taizhang.plans.models import Measure, Plan
from taizhang.units.models import Unit

_ORG_WIDE = (Role.OFFICE_ADMIN, Role.LEADER)


def visible_plans(user) -> QuerySet[Plan]:
    return _scoped(Plan.objects.all(), user, plan="", measure="measures__")


def visible_measures(user, plan: Plan | None = None) -> QuerySet[Measure]:
    measures = Measure.objects.filter(withdrawn=False)
    if plan is not None:
        measures = measures.filter(plan=plan)
    return _scoped(measures, user, plan="plan__", measure="")


def _scoped(queryset: QuerySet, user, *, plan: str, measure: str) -> QuerySet:
    """Narrow plans or measures to what ``user`` may see. ``plan`` and ``measure`` are the
    lookup paths from the queryset's model to the plan and to the measure ("" for itself)."""
    if user.role == Role.SYSTEM_ADMIN:
        return queryset
    queryset = queryset.filter(**{f"{plan}organisation_id": user.organisation_id})
    if user.role in _ORG_WIDE:
        return queryset
    if user.role == Role.COUNTY_OFFICE:
        own_plan = Q(**{f"{plan}region_id": user.region_id})
        county_work = Q(**{f"{measure}assignments__unit__region_id": user.region_id})
        return queryset.filter(own_plan | county_work).distinct()
    return queryset.filter(**{f"{measure}assignments__unit_id": user.unit_id}).distinct()


def units_in_scope(user):
    """The units whose work the person files: their unit, or their county's units."""
    if user.role == Role.COUNTY_OFFICE:
        return Unit.objects.filter(region_id=user.region_id)
    if user.unit_id:
        return Unit.objects.filter(pk=user.unit_id)
    return Unit.objects.none()


def organisation_plan(user, plan_id: int) -> Plan:
    """The plan if it belongs to the person's organisation (any for a system admin)."""
    plans = Plan.objects.select_related("organisation", "region")
    if user.role != Role.SYSTEM_ADMIN:
        plans = plans.filter(organisation_id=user.organisation_id)
    return get_object_or_404(plans, pk=plan_id)


def viewable_plan(user, plan_id: int) -> Plan:
    plan = organisation_plan(user, plan_id)
    if not user.has_perm("plans.view_plan", plan):
        raise PermissionDenied("您无权查看该实施方案。")
    return plan
