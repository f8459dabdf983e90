"""Loading the objects a supervision page is about: 404 across organisations, 403 when
the person may not do the thing. Rules are asked directly (``rules.has_perm``) so that
the system administrator, a Django superuser, only gets what the rules name."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from taizhang.accounts.access import may, require  # noqa: F401 (used by the views)
from taizhang.accounts.models import Role
from taizhang.plans.models import Measure, Plan, RecurringDuty, Target
from taizhang.supervision.models import DutyFulfilment


def _same_organisation(user, organisation_id) -> None:
    if user.role != Role.SYSTEM_ADMIN and organisation_id != user.organisation_id:
        raise Http404("没有找到该对象。")


def plan(user, plan_id: int) -> Plan:
    found = get_object_or_404(Plan.objects.select_related("region"), pk=plan_id)
    _same_organisation(user, found.organisation_id)
    return found


def target(user, target_id: int) -> Target:
    found = get_object_or_404(
        Target.objects.select_related("plan__region", "measure__chapter"), pk=target_id
    )
    _same_organisation(user, found.plan.organisation_id)
    return found


def duty(user, duty_id: int) -> RecurringDuty:
    found = get_object_or_404(
        RecurringDuty.objects.select_related("measure__plan", "measure__chapter"), pk=duty_id
    )
    _same_organisation(user, found.measure.plan.organisation_id)
    return found


def measure(user, measure_id: int) -> Measure:
    found = get_object_or_404(Measure.objects.select_related("plan", "chapter"), pk=measure_id)
    _same_organisation(user, found.plan.organisation_id)
    return found


def fulfilment(user, fulfilment_id: int) -> DutyFulfilment:
    found = get_object_or_404(
        DutyFulfilment.objects.select_related("duty__measure__plan", "unit"), pk=fulfilment_id
    )
    _same_organisation(user, found.duty.measure.plan.organisation_id)
    return found
