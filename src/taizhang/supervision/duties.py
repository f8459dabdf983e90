"""Recurring duties (每年至少开展2次…): what each carrying unit owes per year, what it has
recorded, and the write path of its records.

Every unit assigned to the duty's measure (lead or responsible, directly or through a
collective) owes ``times_per_year`` occurrences each calendar year. A year that has ended
with fewer is a missed duty, late since 1 January of the next year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone

from taizhang.audit.bulk import create_as_of
from taizhang.audit.log import entry_for, record, record_many
from taizhang.plans.models import Assignment, RecurringDuty
from taizhang.reporting.evidence import check_upload, name_for_type
from taizhang.supervision.models import AuditAction, DutyFulfilment


def carriers(duties) -> dict[int, list[Assignment]]:
    """Duty id -> the assignments (with units) of the units that owe it, one query."""
    by_measure = defaultdict(list)
    duties = list(duties)
    for assignment in (
        Assignment.objects.filter(measure_id__in={d.measure_id for d in duties})
        .select_related("unit__region")
        .order_by("role", "unit__name")
    ):
        by_measure[assignment.measure_id].append(assignment)
    return {duty.pk: by_measure[duty.measure_id] for duty in duties}


def done_counts(duty_ids, years) -> dict[tuple[int, int, int], int]:
    """(duty id, unit id, year) -> fulfilments recorded, one query."""
    rows = (
        DutyFulfilment.objects.filter(duty_id__in=list(duty_ids))
        .annotate(year=ExtractYear("happened_on"))
        .filter(year__in=list(years))
        .values_list("duty_id", "unit_id", "year")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {(duty_id, unit_id, year): n for duty_id, unit_id, year, n in rows}


def fulfilment_counts(plan, year: int) -> dict[tuple[int, int], tuple[int, int]]:
    """(duty id, unit id) -> (done, expected) in ``year``, for every duty of the plan's
    current measures and every unit that carries it (three queries)."""
    duties = list(RecurringDuty.objects.filter(measure__plan=plan, measure__withdrawn=False))
    owed = carriers(duties)
    done = done_counts([d.pk for d in duties], [year])
    return {
        (duty.pk, a.unit_id): (done.get((duty.pk, a.unit_id, year), 0), duty.times_per_year)
        for duty in duties
        for a in owed[duty.pk]
    }


def duty_years(plan, today: date) -> list[int]:
    """The calendar years a plan's duties run in, up to today's year."""
    first = plan.start_year or (plan.issued_on.year if plan.issued_on else today.year)
    last = min(plan.end_year or today.year, today.year)
    return list(range(first, last + 1))


@transaction.atomic
def record_fulfilment(duty, unit, actor, happened_on: date, note: str, upload=None):
    """A unit records one occurrence of a duty, with an optional evidence file checked
    by its content as report evidence is."""
    if not duty.measure.assignments.filter(unit=unit).exists():
        raise ValidationError(f"{unit.name}不承担该项任务。")
    note = _checked_note(happened_on, note, timezone.localdate())
    fulfilment = DutyFulfilment(
        duty=duty, unit=unit, happened_on=happened_on, note=note, recorded_by=actor
    )
    if upload is not None:
        mime = check_upload(upload)
        name = name_for_type(upload.name, mime)
        fulfilment.evidence_name = name
        fulfilment.evidence.save(name, upload, save=False)
    fulfilment.save()
    record(
        actor,
        AuditAction.RECORD_FULFILMENT,
        fulfilment,
        _changes(fulfilment),
        organisation=duty.measure.plan.organisation_id,
    )
    return fulfilment


@dataclass
class Occurrence:
    """One occurrence of a duty, recorded by ``actor`` at ``at`` (no evidence file)."""

    duty: RecurringDuty  # with its measure loaded
    unit: object
    actor: object
    happened_on: date
    note: str
    at: datetime


@transaction.atomic
def record_fulfilments(occurrences: Sequence[Occurrence]) -> list[DutyFulfilment]:
    """The bulk variant of record_fulfilment, for many occurrences at once (a history
    replayed): the same checks, rows and audit entries, each stamped at its ``at``."""
    carried = set(
        Assignment.objects.filter(
            measure_id__in={o.duty.measure_id for o in occurrences}
        ).values_list("measure_id", "unit_id")
    )
    fulfilments = []
    for o in occurrences:
        if (o.duty.measure_id, o.unit.pk) not in carried:
            raise ValidationError(f"{o.unit.name}不承担该项任务。")
        note = _checked_note(o.happened_on, o.note, timezone.localdate(o.at))
        fulfilments.append(
            DutyFulfilment(
                duty=o.duty,
                unit=o.unit,
                happened_on=o.happened_on,
                note=note,
                recorded_by=o.actor,
                recorded_at=o.at,
            )
        )
    create_as_of(fulfilments)
    record_many(
        [
            entry_for(
                o.actor,
                AuditAction.RECORD_FULFILMENT,
                fulfilment,
                _changes(fulfilment),
                organisation=o.duty.measure.plan.organisation_id,
                at=o.at,
            )
            for o, fulfilment in zip(occurrences, fulfilments, strict=True)
        ]
    )
    return fulfilments


def _checked_note(happened_on: date, note: str, today: date) -> str:
    if happened_on > today:
        raise ValidationError("开展日期不能晚于今天。")
    note = (note or "").strip()
    if not note:
        raise ValidationError("请填写情况说明。")
    if len(note) > 500:
        raise ValidationError("情况说明不能超过500个字。")
    return note


def _changes(fulfilment) -> dict:
    changes = {"happened_on": fulfilment.happened_on.isoformat(), "note": fulfilment.note}
    if fulfilment.evidence_name:
        changes["evidence"] = fulfilment.evidence_name
    return changes
