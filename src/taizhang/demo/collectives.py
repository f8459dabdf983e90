"""The demo's collective phrases (demo/organisations.toml ``[organisation.collectives]``,
and a county plan's ``[organisation.county_plans.collectives]``): what each means, set by
the office through the write path that makes the measures naming it follow."""

from __future__ import annotations

from taizhang.plans import assignments
from taizhang.units import services as directory
from taizhang.units.models import Unit


def define(organisation, meanings: dict, actor, counties=(), region=None) -> None:
    """What each collective phrase of ``meanings`` means: "counties" = every county's
    government; a list = those units (of ``region`` if given); another phrase of the table
    = the same members (one definition per meaning, several phrases for it)."""
    for phrase in meanings:
        collective = directory.get_or_create_collective(organisation, phrase, actor)
        meaning = meanings[phrase]
        if isinstance(meaning, str) and meaning != "counties":
            meaning = meanings[meaning]  # KeyError: the phrase it aliases is not defined
        if meaning == "counties":
            members = list(counties)
        else:
            units = Unit.objects.filter(organisation=organisation, name__in=meaning)
            if region is not None:
                units = units.filter(region=region)
            members = list(units)
            missing = set(meaning) - {unit.name for unit in members}
            if missing:
                raise ValueError(f"{phrase}: no such unit {sorted(missing)}")
        assignments.set_collective_members(collective, members, actor, "演示数据")
