"""The write path of the units directory: every change is audited here.

Name matching is on the folded name (full-width, traditional and spacing variants alike),
against unit names and their aliases, in one query per lookup batch.

Refusals raise DirectoryError with a message for the office, in Chinese; every change is
one transaction, so a refusal leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from taizhang.audit.log import record
from taizhang.parsing.normalize import fold
from taizhang.parsing.units import unit_category
from taizhang.units.models import Collective, Organisation, Region, Unit, UnitAlias


class DirectoryError(Exception):
    """The change cannot be made; the message is for the office, in Chinese."""


def name_key(name: str) -> str:
    return "".join(fold(name).split())


def match_names(organisation: Organisation, names: Iterable[str]) -> dict[str, Unit | None]:
    """Each name -> the unit it denotes in this organisation (by name or alias), or None."""
    units = {name_key(u.name): u for u in Unit.objects.filter(organisation=organisation)}
    for alias in UnitAlias.objects.filter(organisation=organisation).select_related("unit"):
        units.setdefault(name_key(alias.name), alias.unit)
    return {name: units.get(name_key(name)) for name in names}


def _check_name_free(organisation: Organisation, name: str, allow: Unit | None = None) -> None:
    """Refuse a name any unit of the organisation already answers to (folded)."""
    taken = match_names(organisation, [name])[name]
    if taken is not None and taken != allow:
        raise DirectoryError(f"名称“{name}”已被单位“{taken.name}”使用（名称或别名）。")
    if taken is not None:
        raise DirectoryError(f"“{name}”已是该单位的名称或别名。")


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise DirectoryError("请填写单位名称。")
    if len(name) > 100:
        raise DirectoryError("单位名称不能超过100个字。")
    return name


@dataclass
class UnitDraft:
    """What a new unit would be: the office confirms or corrects it on import."""

    name: str
    category: str
    level: str
    region: Region


def draft_unit(name: str, regions: list[Region]) -> UnitDraft:
    """Guess category, level and region of a unit from its name."""
    category = unit_category(name) or Unit.Category.OTHER
    if category not in Unit.Category.values:
        category = Unit.Category.OTHER
    for region in regions:
        if region.level != Region.Level.PREFECTURE and name.startswith(region.name):
            return UnitDraft(name, category, region.level, region)
    home = next(r for r in regions if r.level == Region.Level.PREFECTURE)
    return UnitDraft(name, category, Region.Level.PREFECTURE, home)


def _check_fields(organisation: Organisation, category: str, level: str, region: Region) -> None:
    if category not in Unit.Category.values:
        raise DirectoryError("请选择有效的单位类别。")
    if level not in Region.Level.values:
        raise DirectoryError("请选择有效的层级。")
    if region is None or region.organisation_id != organisation.pk:
        raise DirectoryError("所选区域不属于本组织。")


@transaction.atomic
def create_unit(organisation: Organisation, draft: UnitDraft, actor, reason: str = "") -> Unit:
    name = _clean_name(draft.name)
    _check_name_free(organisation, name)
    _check_fields(organisation, draft.category, draft.level, draft.region)
    unit = Unit.objects.create(
        organisation=organisation,
        name=name,
        category=draft.category,
        level=draft.level,
        region=draft.region,
    )
    record(
        actor,
        "create",
        unit,
        {
            "name": unit.name,
            "category": unit.get_category_display(),
            "level": unit.get_level_display(),
            "region": unit.region.name,
        },
        reason,
    )
    return unit


def _shown(unit: Unit, field: str) -> str:
    """A field's value as the office reads it (labels, not codes), for the audit log."""
    if field in ("category", "level"):
        return getattr(unit, f"get_{field}_display")()
    return str(getattr(unit, field))


_EDITABLE = ("category", "level", "region")


@transaction.atomic
def update_unit(unit: Unit, actor, reason: str = "", **fields) -> Unit:
    unknown = set(fields) - set(_EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    _check_fields(
        unit.organisation,
        fields.get("category", unit.category),
        fields.get("level", unit.level),
        fields.get("region", unit.region),
    )
    changes = {}
    for field, value in fields.items():
        if getattr(unit, field) != value:
            before = _shown(unit, field)
            setattr(unit, field, value)
            changes[field] = [before, _shown(unit, field)]
    if changes:
        unit.save(update_fields=list(changes))
        record(actor, "update", unit, changes, reason)
    return unit


@transaction.atomic
def merge_units(keep: Unit, duplicate: Unit, actor, reason: str = "") -> Unit:
    """Fold a duplicate into the unit to keep: its work (assignments and their reports),
    people, collective memberships and names move over and its name becomes an alias,
    so later imports match it too."""
    from taizhang.plans.assignments import move_assignments, sync_collective

    if keep.organisation_id != duplicate.organisation_id:
        raise DirectoryError("只能合并同一组织内的单位。")
    if keep.pk == duplicate.pk:
        raise DirectoryError("不能把单位合并到它自己。")
    moved = {
        "assignments": duplicate.assignments.count(),
        "people": duplicate.users.count(),
    }
    _move_reports_of_shared_measures(duplicate, keep)
    move_assignments(duplicate, keep)
    duplicate.users.update(unit=keep)
    duplicate.aliases.update(unit=keep)
    collectives = list(duplicate.collectives.all())
    for collective in collectives:
        collective.members.add(keep)
    name = duplicate.name
    record(
        actor,
        "merge",
        keep,
        {
            "merged": name,
            "assignments": moved["assignments"],
            "people": moved["people"],
        },
        reason,
    )
    duplicate.delete()
    # The duplicate's name is free only once the duplicate is gone.
    UnitAlias.objects.update_or_create(
        organisation=keep.organisation, name=name, defaults={"unit": keep}
    )
    for collective in collectives:
        sync_collective(collective)
    return keep


def _move_reports_of_shared_measures(duplicate: Unit, keep: Unit) -> None:
    """Where both units carry a measure, the duplicate's assignment is dropped by
    move_assignments; its progress reports move to the kept unit's assignment first."""
    from taizhang.plans.models import Assignment
    from taizhang.reporting.models import ProgressReport

    kept = dict(
        Assignment.objects.filter(unit=keep, measure__assignments__unit=duplicate).values_list(
            "measure_id", "pk"
        )
    )
    if not kept:
        return
    reports = ProgressReport.objects.filter(
        assignment__unit=duplicate, assignment__measure_id__in=kept
    ).select_related("assignment__measure", "period")
    taken = set(
        ProgressReport.objects.filter(assignment_id__in=kept.values()).values_list(
            "assignment_id", "period_id"
        )
    )
    for report in reports:
        target = kept[report.assignment.measure_id]
        if (target, report.period_id) in taken:
            raise DirectoryError(
                f"两个单位在任务{report.assignment.measure.number}的“{report.period}”"
                "都已有进展报告，无法自动合并，请先处理其中一份报告。"
            )
        report.assignment_id = target
        report.save(update_fields=["assignment"])


@transaction.atomic
def add_alias(unit: Unit, name: str, actor, reason: str = "") -> UnitAlias:
    name = _clean_name(name)
    _check_name_free(unit.organisation, name, allow=unit)
    alias = UnitAlias.objects.create(unit=unit, organisation=unit.organisation, name=name)
    record(actor, "alias", unit, {"alias": name}, reason)
    return alias


def get_or_create_collective(organisation: Organisation, phrase: str, actor) -> Collective:
    """The organisation's collective for ``phrase``; spacing and full-width variants of one
    phrase ("各县 (市)", "各县（市）") are the same collective."""
    key = name_key(phrase)
    for collective in Collective.objects.filter(organisation=organisation):
        if name_key(collective.phrase) == key:
            return collective
    collective = Collective.objects.create(organisation=organisation, phrase=phrase)
    record(actor, "create", collective, {"phrase": phrase})
    return collective


@transaction.atomic
def set_collective_members(collective: Collective, units: Iterable[Unit], actor, reason=""):
    """Define what a collective means; the measures naming it follow at once."""
    from taizhang.plans.assignments import sync_collective

    units = list(units)
    if any(u.organisation_id != collective.organisation_id for u in units):
        raise DirectoryError("统称只能包含本组织的单位。")
    before = dict(collective.members.values_list("pk", "name"))
    collective.members.set(units)
    after = {u.pk: u.name for u in units}
    sync_collective(collective)
    # A unit dropped here may still belong to another collective naming the same
    # measure: re-sync those so it keeps the work it carries through them.
    removed = set(before) - set(after)
    others = (
        Collective.objects.filter(
            members__in=removed, measures__measure__collectives__collective=collective
        )
        .exclude(pk=collective.pk)
        .distinct()
    )
    for other in others:
        sync_collective(other)
    changes = {
        "added": sorted(after[pk] for pk in set(after) - set(before)),
        "removed": sorted(before[pk] for pk in removed),
    }
    if changes["added"] or changes["removed"]:
        record(actor, "members", collective, changes, reason)
    return collective
