"""Keeping assignments right when units merge or a collective's members change."""

from __future__ import annotations

from django.db import transaction

from taizhang.plans.models import Assignment, MeasureCollective
from taizhang.units import services as unit_services
from taizhang.units.models import Collective


@transaction.atomic
def move_assignments(source, target) -> None:
    """Give ``target`` the assignments of ``source``; where both carry a measure the
    stronger role (lead) is kept on ``target``."""
    existing = {a.measure_id: a for a in Assignment.objects.filter(unit=target)}
    for assignment in Assignment.objects.filter(unit=source):
        kept = existing.get(assignment.measure_id)
        if kept is None:
            assignment.unit = target
            assignment.save(update_fields=["unit"])
            continue
        if assignment.role == Assignment.Role.LEAD and kept.role != Assignment.Role.LEAD:
            kept.role = Assignment.Role.LEAD
            kept.via = None
            kept.save(update_fields=["role", "via"])
        assignment.delete()


@transaction.atomic
def sync_collective(collective) -> None:
    """Make the assignments expanded from ``collective`` match its current members.

    A unit named directly in a measure keeps its own assignment."""
    members = set(collective.members.values_list("pk", flat=True))
    for link in MeasureCollective.objects.filter(collective=collective):
        current = {a.unit_id: a for a in Assignment.objects.filter(measure_id=link.measure_id)}
        for unit_id in members - set(current):
            Assignment.objects.create(
                measure_id=link.measure_id, unit_id=unit_id, role=link.role, via=collective
            )
        for unit_id, assignment in current.items():
            if assignment.via_id == collective.pk and unit_id not in members:
                assignment.delete()


@transaction.atomic
def set_collective_members(collective, units, actor, reason: str = ""):
    """Define what a collective means; the measures naming it follow at once."""
    removed = unit_services.set_members(collective, units, actor, reason)
    sync_collective(collective)
    # A unit dropped here may still belong to another collective naming the same
    # measure: re-sync those so it keeps the work it carries through them.
    others = (
        Collective.objects.filter(
            members__in=removed, measures__measure__collectives__collective=collective
        )
        .exclude(pk=collective.pk)
        .distinct()
    )
    for other in others:
        sync_collective(other)
    return collective
