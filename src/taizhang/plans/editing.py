"""The audited write path for the office's edits around a confirmed plan that the import
does not make: a measure's deadline date, and the population of a region (the
denominator of per-capita targets).

The deadline text stays as the plan printed it (到2025年); only the date the system
counts with changes. Refusals raise ValidationError with one message in Chinese."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.audit.log import record
from taizhang.plans.models import AuditAction, Measure
from taizhang.units.models import Region

MAX_POPULATION = 2_000_000_000


@transaction.atomic
def set_measure_deadline(measure: Measure, actor, deadline: date | None, reason: str = ""):
    """Set (or clear, with None) the date a measure is due."""
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    plan = measure.plan
    if deadline is not None and plan.start_year and deadline.year < plan.start_year:
        raise ValidationError(f"完成时限不能早于方案起始年份（{plan.start_year}年）。")
    if measure.deadline == deadline:
        return measure
    before = measure.deadline.isoformat() if measure.deadline else None
    measure.deadline = deadline
    measure.save(update_fields=["deadline"])
    after = deadline.isoformat() if deadline else None
    changes = {"deadline": [before, after]}
    record(actor, AuditAction.UPDATE, measure, changes, reason, organisation=plan.organisation_id)
    return measure


@transaction.atomic
def set_populations(organisation, actor, populations: dict[int, int | None]) -> int:
    """Region id -> resident population (None clears it), for the organisation's regions
    only. Returns how many regions changed."""
    regions = {
        region.pk: region
        for region in Region.objects.select_for_update().filter(
            organisation=organisation, pk__in=list(populations)
        )
    }
    unknown = set(populations) - set(regions)
    if unknown:
        raise ValidationError("所选行政区域不存在。")
    changed = 0
    for pk, value in populations.items():
        if value is not None and not 0 < value <= MAX_POPULATION:
            raise ValidationError(f"{regions[pk].name}的常住人口应为正整数。")
        region = regions[pk]
        if region.population == value:
            continue
        changes = {"population": [region.population, value]}
        record(actor, AuditAction.UPDATE, region, changes, organisation=organisation)
        region.population = value
        region.save(update_fields=["population"])
        changed += 1
    return changed
