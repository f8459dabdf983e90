"""The read side of the directory: units with their workload, grouped as the office
reads them, in a fixed number of queries whatever the size of the organisation."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from taizhang.plans.models import Assignment, MeasureCollective
from taizhang.units.models import Collective, Region, Unit, UnitAlias

LEVEL_ORDER = {value: index for index, value in enumerate(Region.Level.values)}
CATEGORY_ORDER = {value: index for index, value in enumerate(Unit.Category.values)}

_LIVE = Q(assignments__measure__withdrawn=False)


def units_with_workload(organisation) -> QuerySet[Unit]:
    """Units of the organisation, each with .led and .shared (live measures) and its
    aliases and region loaded."""
    return (
        Unit.objects.filter(organisation=organisation)
        .select_related("region", "parent")
        .prefetch_related(Prefetch("aliases", queryset=UnitAlias.objects.order_by("name")))
        .annotate(
            led=Count(
                "assignments",
                filter=_LIVE & Q(assignments__role=Assignment.Role.LEAD),
                distinct=True,
            ),
            shared=Count(
                "assignments",
                filter=_LIVE & Q(assignments__role=Assignment.Role.RESPONSIBLE),
                distinct=True,
            ),
        )
    )


def filter_units(units: QuerySet[Unit], q="", category="", level="", region=None):
    if q:
        units = units.filter(Q(name__icontains=q) | Q(aliases__name__icontains=q)).distinct()
    if category:
        units = units.filter(category=category)
    if level:
        units = units.filter(level=level)
    if region is not None:
        units = units.filter(region=region)
    return units


@dataclass
class Group:
    level_label: str
    category_label: str
    units: list[Unit] = field(default_factory=list)


def grouped(units) -> list[Group]:
    """Units grouped by level (州级 first) then category in the office's order."""
    ordered = sorted(
        units,
        key=lambda u: (LEVEL_ORDER.get(u.level, 99), CATEGORY_ORDER.get(u.category, 99), u.name),
    )
    groups: list[Group] = []
    for unit in ordered:
        if not groups or (groups[-1].units[0].level, groups[-1].units[0].category) != (
            unit.level,
            unit.category,
        ):
            groups.append(Group(unit.get_level_display(), unit.get_category_display()))
        groups[-1].units.append(unit)
    return groups


def collectives_with_measures(organisation) -> QuerySet[Collective]:
    """Collectives of the organisation with their member count and the live measures
    naming them (prefetched as .links)."""
    links = (
        MeasureCollective.objects.filter(measure__withdrawn=False)
        .select_related("measure__plan")
        .order_by("measure__plan_id", "measure__position")
    )
    return (
        Collective.objects.filter(organisation=organisation)
        .annotate(
            member_count=Count("members", distinct=True),
            measure_count=Count(
                "measures", filter=Q(measures__measure__withdrawn=False), distinct=True
            ),
        )
        .prefetch_related(Prefetch("measures", queryset=links, to_attr="links"))
        .order_by("phrase")
    )


def number_ranges(numbers) -> str:
    """[1, 2, 3, 5, 7, 8] -> "1—3、5、7—8": a long list of measures read at a glance."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return "、".join(str(a) if a == b else f"{a}—{b}" for a, b in runs)
