"""The write path of the units directory: every change is audited here. (Merging two units
moves their work too: directory/merging.py runs a merge through each owner's write path.)

Name matching is on the folded name (full-width, traditional and spacing variants alike),
against unit names and their aliases, in one query per lookup batch.

Refusals raise DirectoryError with a message for the office, in Chinese; every change is
one transaction, so a refusal leaves nothing half-written.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import transaction
from django.db.models import ProtectedError

from taizhang.accounts.models import Role
from taizhang.audit.log import record
from taizhang.parsing.normalize import fold
from taizhang.parsing.units import prefix_level, unit_category
from taizhang.units.models import (
    AuditAction,
    Collective,
    Organisation,
    Region,
    Unit,
    UnitAlias,
)


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
    parent: Unit | None = None


def draft_unit(name: str, regions: list[Region]) -> UnitDraft:
    """Guess category, level and region of a unit from its name: a region's name it opens
    with gives both, written in full (三都水族自治县公安局) or short with its level word
    (三都县公安局, 都匀市司法局: `region_named`); else the level its prefix says
    (level_of_name), in the home region."""
    category = unit_category(name) or Unit.Category.OTHER
    if category not in Unit.Category.values:
        category = Unit.Category.OTHER
    region = region_named(name, regions)
    if region is not None:
        return UnitDraft(name, category, region.level, region)
    home = next(r for r in regions if r.level == Region.Level.PREFECTURE)
    return UnitDraft(name, category, level_of_name(name, home) or Region.Level.PREFECTURE, home)


# A county's name short, without its level word and its peoples (三都水族自治县: 三都;
# 镇宁布依族苗族自治县: 镇宁; 都匀市: 都匀; 兴庆区: 兴庆), and the level words a unit's name
# may write after the short name (三都县公安局).
_SHORT_REGION = re.compile(r"^(.{2,}?)(?:.{1,3}族)*(?:自治县|自治旗|县|市|区|旗)$")
_SHORT_LEVEL_WORDS = ("自治县", "县", "市", "区", "旗")


def region_named(name: str, regions: list[Region]) -> Region | None:
    """The region below the top a unit's name opens with: its full name (三都水族自治县…),
    else its short name followed by a level word (三都县…, 兴庆区…); the longest wins."""
    found = []
    for region in regions:
        if region.level == Region.Level.PREFECTURE:
            continue
        if name.startswith(region.name):
            found.append((len(region.name), region))
            continue
        short = _SHORT_REGION.match(region.name)
        if short and any(name.startswith(short.group(1) + w) for w in _SHORT_LEVEL_WORDS):
            found.append((len(short.group(1)), region))
    return max(found, key=lambda pair: pair[0])[1] if found else None


# The level a unit's administrative prefix says (区人社局, 县司法局, 镇人民政府), as the
# parser's gazetteer reads prefixes (parsing/data/gazetteer.toml [levels]). 市 is said
# apart: the home's own level in a city (银川市: 市人社局), a county-level city in a
# prefecture that is not one (黔南州: 市 stands for 都匀市, 福泉市).
_PREFIX_LEVELS = {
    "省": Region.Level.PREFECTURE,
    "自治区": Region.Level.PREFECTURE,
    "州": Region.Level.PREFECTURE,
    "自治州": Region.Level.PREFECTURE,
    "盟": Region.Level.PREFECTURE,
    "县": Region.Level.COUNTY,
    "区": Region.Level.COUNTY,
    "旗": Region.Level.COUNTY,
    "自治县": Region.Level.COUNTY,
    "自治旗": Region.Level.COUNTY,
    "乡": Region.Level.TOWNSHIP,
    "镇": Region.Level.TOWNSHIP,
    "街道": Region.Level.TOWNSHIP,
    "苏木": Region.Level.TOWNSHIP,
}
# A named place says its level only for these endings: 经开区, 高新区 are zones, not
# districts, and a place name ending in 市 may be the city itself or a county-level one.
_NAMED_PLACE_LEVELS = ("县", "旗", "自治县", "乡", "镇", "街道", "苏木")


def level_of_name(name: str, home: Region) -> str | None:
    """The level a new unit's name says, in an organisation whose top region is ``home``:
    区人社局 and 县司法局 county, 州司法局 prefecture, 镇人民政府 township, 市… the home's
    level in a city and county elsewhere; None when the name says none."""
    found = prefix_level(name)
    if found is None:
        return None
    prefix, word = found
    if prefix == home.name or (prefix != word and word not in _NAMED_PLACE_LEVELS):
        return None
    if word == "市":
        return Region.Level.PREFECTURE if home.name.endswith("市") else Region.Level.COUNTY
    return _PREFIX_LEVELS.get(word)


# What a county office may give its own units: its county's levels, in its county.
COUNTY_LEVELS = (Region.Level.COUNTY, Region.Level.TOWNSHIP, Region.Level.VILLAGE)


def _check_fields(
    organisation: Organisation,
    category: str,
    level: str,
    region: Region,
    actor=None,
    parent: Unit | None = None,
    unit: Unit | None = None,
) -> None:
    if category not in Unit.Category.values:
        raise DirectoryError("请选择有效的单位类别。")
    if level not in Region.Level.values:
        raise DirectoryError("请选择有效的层级。")
    if region is None or region.organisation_id != organisation.pk:
        raise DirectoryError("所选区域不属于本组织。")
    if parent is not None:
        if parent.organisation_id != organisation.pk:
            raise DirectoryError("上级单位不属于本组织。")
        if unit is not None and (parent.pk == unit.pk or _descends_from(parent, unit)):
            raise DirectoryError("上级单位不能是本单位或其下级单位。")
    if getattr(actor, "role", None) == Role.COUNTY_OFFICE:
        # a county office keeps its own county's units, and only those
        if region.pk != actor.region_id:
            raise DirectoryError("县级依法治理办只能管理本县（市、区）的单位。")
        if level not in COUNTY_LEVELS:
            raise DirectoryError("县级依法治理办只能设置县级、乡镇（街道）级或村（社区）级单位。")
        if parent is not None and parent.region_id != actor.region_id:
            raise DirectoryError("上级单位须是本县（市、区）的单位。")


def _descends_from(unit: Unit, ancestor: Unit) -> bool:
    seen = set()
    while unit.parent_id and unit.parent_id not in seen:
        if unit.parent_id == ancestor.pk:
            return True
        seen.add(unit.parent_id)
        unit = unit.parent
    return False


@cache
def _level_phrases() -> dict[str, str]:
    """Folded collective phrase -> the level whose units it names (data/collectives.toml)."""
    data = tomllib.loads((Path(__file__).parent / "data" / "collectives.toml").read_text("utf-8"))
    return {
        name_key(phrase): level for level, phrases in data["levels"].items() for phrase in phrases
    }


def level_of_phrase(phrase: str) -> str | None:
    """The level a collective phrase names every unit of (各镇（街道） -> township), or None
    when its members are the office's choice (各县(市), 州有关部门)."""
    return _level_phrases().get(name_key(phrase))


def _join_level_collectives(unit: Unit, actor) -> None:
    """A unit of a level joins the collectives naming every unit of that level."""
    for collective in Collective.objects.filter(organisation_id=unit.organisation_id):
        joins = level_of_phrase(collective.phrase) == unit.level
        if joins and not collective.members.filter(pk=unit.pk).exists():
            set_members(collective, [*collective.members.all(), unit], actor, "按层级自动加入")


@transaction.atomic
def create_unit(organisation: Organisation, draft: UnitDraft, actor, reason: str = "") -> Unit:
    name = _clean_name(draft.name)
    _check_name_free(organisation, name)
    _check_fields(
        organisation, draft.category, draft.level, draft.region, actor, parent=draft.parent
    )
    unit = Unit.objects.create(
        organisation=organisation,
        name=name,
        category=draft.category,
        level=draft.level,
        region=draft.region,
        parent=draft.parent,
    )
    created = {
        "name": unit.name,
        "category": unit.get_category_display(),
        "level": unit.get_level_display(),
        "region": unit.region.name,
    }
    if unit.parent_id:
        created["parent"] = unit.parent.name
    record(actor, AuditAction.CREATE, unit, created, reason, organisation=organisation)
    _join_level_collectives(unit, actor)
    return unit


def _shown(unit: Unit, field: str) -> str:
    """A field's value as the office reads it (labels, not codes), for the audit log."""
    if field in ("category", "level"):
        return getattr(unit, f"get_{field}_display")()
    value = getattr(unit, field)
    return "" if value is None else str(value)


_EDITABLE = ("category", "level", "region", "parent")


@transaction.atomic
def update_unit(unit: Unit, actor, reason: str = "", **fields) -> Unit:
    unknown = set(fields) - set(_EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    if getattr(actor, "role", None) == Role.COUNTY_OFFICE and unit.region_id != actor.region_id:
        raise DirectoryError("县级依法治理办只能管理本县（市、区）的单位。")
    _check_fields(
        unit.organisation,
        fields.get("category", unit.category),
        fields.get("level", unit.level),
        fields.get("region", unit.region),
        actor,
        parent=fields.get("parent", unit.parent),
        unit=unit,
    )
    changes = {}
    for field, value in fields.items():
        if getattr(unit, field) != value:
            before = _shown(unit, field)
            setattr(unit, field, value)
            changes[field] = [before, _shown(unit, field)]
    if changes:
        unit.save(update_fields=list(changes))
        record(actor, AuditAction.UPDATE, unit, changes, reason, organisation=unit.organisation_id)
        if "level" in changes:
            _join_level_collectives(unit, actor)
    return unit


@transaction.atomic
def fold_into(keep: Unit, duplicate: Unit, actor, reason: str = "", moved: dict | None = None):
    """The units directory's part of a merge (directory/merging.py runs the whole of it):
    the duplicate's people, names and collective memberships go to the unit kept, the
    duplicate goes, and its name becomes an alias so later imports match it. ``moved``
    counts what the other apps moved, for the audit entry. Returns the collectives the
    kept unit joined, whose assignments the caller re-syncs."""
    if keep.organisation_id != duplicate.organisation_id:
        raise DirectoryError("只能合并同一组织内的单位。")
    if keep.pk == duplicate.pk:
        raise DirectoryError("不能把单位合并到它自己。")
    people = duplicate.users.count()
    duplicate.users.update(unit=keep)
    duplicate.aliases.update(unit=keep)
    collectives = list(duplicate.collectives.all())
    for collective in collectives:
        collective.members.add(keep)
    name = duplicate.name
    record(
        actor,
        AuditAction.MERGE,
        keep,
        {"merged": name, **(moved or {}), "people": people},
        reason,
        organisation=keep.organisation_id,
    )
    try:
        with transaction.atomic():
            duplicate.delete()
    except ProtectedError as error:
        kinds = sorted({str(obj._meta.verbose_name) for obj in error.protected_objects})
        raise DirectoryError(
            f"“{name}”还有{'、'.join(kinds)}，系统不能自动转移，请先处理后再合并。"
        ) from None
    # The duplicate's name is free only once the duplicate is gone.
    UnitAlias.objects.update_or_create(
        organisation=keep.organisation, name=name, defaults={"unit": keep}
    )
    return collectives


@transaction.atomic
def rename_unit(unit: Unit, name: str, actor, reason: str) -> Unit:
    """Correct a unit's name (a typo, a name changed by an institutional reform), with a
    reason: every page shows the new name at once; the old one stays as an alias, so a
    plan or a workbook printed with it still finds the unit."""
    name = _clean_name(name)
    reason = (reason or "").strip()
    if not reason:
        raise DirectoryError("请填写更正名称的原因。")
    if getattr(actor, "role", None) == Role.COUNTY_OFFICE and unit.region_id != actor.region_id:
        raise DirectoryError("县级依法治理办只能管理本县（市、区）的单位。")
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    old = unit.name
    if name == old:
        raise DirectoryError("新名称与现名称相同。")
    taken = match_names(unit.organisation, [name])[name]
    if taken is not None and taken != unit:
        raise DirectoryError(f"名称“{name}”已被单位“{taken.name}”使用（名称或别名）。")
    # The new name may have been one of its aliases: now it is the name.
    for alias in unit.aliases.all():
        if name_key(alias.name) == name_key(name):
            alias.delete()
    unit.name = name
    unit.save(update_fields=["name"])
    if name_key(old) != name_key(name):
        UnitAlias.objects.create(unit=unit, organisation=unit.organisation, name=old)
    record(
        actor,
        AuditAction.RENAME,
        unit,
        {"name": [old, name]},
        reason,
        organisation=unit.organisation_id,
    )
    return unit


@transaction.atomic
def add_alias(unit: Unit, name: str, actor, reason: str = "") -> UnitAlias:
    name = _clean_name(name)
    _check_name_free(unit.organisation, name, allow=unit)
    alias = UnitAlias.objects.create(unit=unit, organisation=unit.organisation, name=name)
    record(
        actor, AuditAction.ALIAS, unit, {"alias": name}, reason, organisation=unit.organisation_id
    )
    return alias


def get_or_create_collective(organisation: Organisation, phrase: str, actor) -> Collective:
    """The organisation's collective for ``phrase``; spacing and full-width variants of one
    phrase ("各县 (市)", "各县（市）") are the same collective."""
    key = name_key(phrase)
    for collective in Collective.objects.filter(organisation=organisation):
        if name_key(collective.phrase) == key:
            return collective
    collective = Collective.objects.create(organisation=organisation, phrase=phrase)
    record(actor, AuditAction.CREATE, collective, {"phrase": phrase}, organisation=organisation)
    level = level_of_phrase(phrase)
    if level is not None:
        units = Unit.objects.filter(organisation=organisation, level=level)
        set_members(collective, units, actor, "按层级确定成员")
    return collective


@transaction.atomic
def set_members(collective: Collective, units: Iterable[Unit], actor, reason="") -> set[int]:
    """What a collective means, as the units directory keeps it; the ids of the units it
    lost. (plans.assignments.set_collective_members makes the measures follow.)"""
    units = list(units)
    if any(u.organisation_id != collective.organisation_id for u in units):
        raise DirectoryError("统称只能包含本组织的单位。")
    before = dict(collective.members.values_list("pk", "name"))
    collective.members.set(units)
    after = {u.pk: u.name for u in units}
    removed = set(before) - set(after)
    changes = {
        "members_added": sorted(after[pk] for pk in set(after) - set(before)),
        "members_removed": sorted(before[pk] for pk in removed),
    }
    if changes["members_added"] or changes["members_removed"]:
        record(
            actor,
            AuditAction.MEMBERS,
            collective,
            changes,
            reason,
            organisation=collective.organisation_id,
        )
    return removed


# -- organisations ------------------------------------------------------------------------


@transaction.atomic
def create_organisation(actor, name: str, prefix: str, office_name: str = "") -> Organisation:
    """A new organisation (tenant) with the region it governs, added by the system
    administrator; its office then runs everything inside it."""
    name, prefix = name.strip(), prefix.strip()
    if not name or not prefix:
        raise DirectoryError("请填写组织名称和单位名称前缀。")
    if Organisation.objects.filter(name=name).exists():
        raise DirectoryError("已有同名组织。")
    organisation = Organisation.objects.create(
        name=name, prefix=prefix, office_name=office_name.strip()
    )
    Region.objects.create(organisation=organisation, name=name, level=Region.Level.PREFECTURE)
    record(
        actor,
        AuditAction.CREATE,
        organisation,
        {"name": name, "prefix": prefix, "office_name": organisation.office_name},
        organisation=organisation,
    )
    return organisation
