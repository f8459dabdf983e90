"""Loading what an assessment page is about: 404 across organisations, 403 when the person
may not do the thing (asked of the rules themselves, so the superuser gets no shortcut)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from taizhang.accounts.access import may, require  # noqa: F401 (used by the views)
from taizhang.accounts.models import Role
from taizhang.assessment.models import Adjustment, Scheme
from taizhang.assessment.rules import Subject
from taizhang.units.models import Unit


def _same_organisation(user, organisation_id) -> None:
    if user.role != Role.SYSTEM_ADMIN and organisation_id != user.organisation_id:
        raise Http404("没有找到该考核方案。")


def scheme(user, scheme_id: int) -> Scheme:
    found = get_object_or_404(
        Scheme.objects.select_related("plan", "organisation", "published_by"), pk=scheme_id
    )
    _same_organisation(user, found.organisation_id)
    return found


def adjustment(user, adjustment_id: int) -> Adjustment:
    found = get_object_or_404(
        Adjustment.objects.select_related("scheme__plan", "unit"), pk=adjustment_id
    )
    _same_organisation(user, found.scheme.organisation_id)
    return found


def unit_of(user, scheme_: Scheme, unit_id: int) -> Unit:
    return get_object_or_404(
        Unit.objects.select_related("region__parent"),
        pk=unit_id,
        organisation_id=scheme_.organisation_id,
    )


def regions_of(unit: Unit) -> tuple[int, ...]:
    """The unit's region and the regions above it (township -> county -> prefecture)."""
    found, region = [], unit.region
    while region is not None and len(found) < 4:
        found.append(region.pk)
        region = region.parent if region.parent_id else None
    return tuple(found)


def subject(scheme_: Scheme, unit: Unit) -> Subject:
    return Subject(scheme=scheme_, unit_id=unit.pk, region_ids=regions_of(unit))
