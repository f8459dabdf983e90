"""The write path of the units directory: every change is audited here.

Name matching is on the folded name (full-width, traditional and spacing variants alike),
against unit names and their aliases, in one query per lookup batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from taizhang.audit.log import record
from taizhang.parsing.normalize import fold
from taizhang.parsing.units import unit_category
from taizhang.units.models import Collective, Organisation, Region, Unit, UnitAlias


def name_key(name: str) -> str:
    return "".join(fold(name).split())


def match_names(organisation: Organisation, names: Iterable[str]) -> dict[str, Unit | None]:
    """Each name -> the unit it denotes in this organisation (by name or alias), or None."""
    units = {name_key(u.name): u for u in Unit.objects.filter(organisation=organisation)}
    for alias in UnitAlias.objects.filter(organisation=organisation).select_related("unit"):
        units.setdefault(name_key(alias.name), alias.unit)
    return {name: units.get(name_key(name)) for name in names}


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


def create_unit(organisation: Organisation, draft: UnitDraft, actor, reason: str = "") -> Unit:
    unit = Unit.objects.create(
        organisation=organisation,
        name=draft.name,
        category=draft.category,
        level=draft.level,
        region=draft.region,
    )
    record(actor, "create", unit, {"name": unit.name, "category": unit.category}, reason)
    return unit


def update_unit(unit: Unit, actor, reason: str = "", **fields) -> Unit:
    changes = {}
    for field, value in fields.items():
        before = getattr(unit, field)
        if before != value:
            changes[field] = [str(before), str(value)]
            setattr(unit, field, value)
    if changes:
        unit.save()
        record(actor, "update", unit, changes, reason)
    return unit


@transaction.atomic
def merge_units(keep: Unit, duplicate: Unit, actor, reason: str = "") -> Unit:
    """Fold a duplicate into the unit to keep: its work, people and names move over and
    its name becomes an alias, so later imports match it too."""
    from taizhang.plans.assignments import move_assignments

    if keep.organisation_id != duplicate.organisation_id or keep.pk == duplicate.pk:
        raise ValueError("Only two different units of one organisation can be merged.")
    move_assignments(duplicate, keep)
    duplicate.users.update(unit=keep)
    duplicate.aliases.update(unit=keep)
    for collective in duplicate.collectives.all():
        collective.members.add(keep)
    UnitAlias.objects.create(unit=keep, organisation=keep.organisation, name=duplicate.name)
    record(actor, "merge", keep, {"merged": duplicate.name}, reason)
    duplicate.delete()
    return keep


def add_alias(unit: Unit, name: str, actor, reason: str = "") -> UnitAlias:
    alias = UnitAlias.objects.create(unit=unit, organisation=unit.organisation, name=name)
    record(actor, "alias", unit, {"alias": name}, reason)
    return alias


def get_or_create_collective(organisation: Organisation, phrase: str, actor) -> Collective:
    collective, created = Collective.objects.get_or_create(organisation=organisation, phrase=phrase)
    if created:
        record(actor, "create", collective, {"phrase": phrase})
    return collective


@transaction.atomic
def set_collective_members(collective: Collective, units: Iterable[Unit], actor, reason=""):
    """Define what a collective means; the measures naming it follow at once."""
    from taizhang.plans.assignments import sync_collective

    before = set(collective.members.values_list("name", flat=True))
    collective.members.set(units)
    after = set(collective.members.values_list("name", flat=True))
    sync_collective(collective)
    record(
        actor,
        "members",
        collective,
        {"added": sorted(after - before), "removed": sorted(before - after)},
        reason,
    )
