"""The demo's county plan: a county office runs its own plan under the prefecture's.

demo/organisations.toml names, per organisation, the county plans to load (``county_plans``:
the county, the plan file, the file of its links). For 黔南州 that is 都匀市's plan, demo
data written in the genre's style (demo/README.md). The 都匀市 county office first adds its
townships and 街道 to the units directory (the plan's ``.units.toml`` beside it), so that
the plan's 各镇（街道） resolves to them; then it imports the plan as its own plan carrying
out the 黔南 plan, sets what the plan's other collective phrases mean in the county
(市直有关部门: its bureaus; ``collectives`` in organisations.toml), confirms the links of
the .links.tsv on the links page's write path, sets the year's periods, files its units'
reports (it enters them for its units) and reviews them, and enters the statistics of its
per-capita and rate targets: the 黔南 ledger's roll-up and the coverage matrix then show
real content."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from taizhang.accounts.models import Role, User
from taizhang.demo import clock, collectives, reports
from taizhang.demo.story import _periods
from taizhang.plans import assignments, importing, linking
from taizhang.plans.models import Measure, Plan
from taizhang.supervision.tracking import add_reading
from taizhang.units import services as directory
from taizhang.units.models import Region, Unit


def load(organisation, spec: dict, config: dict, demo_dir: Path, parent: Plan) -> list[Plan]:
    """Load the county plans ``spec`` names; returns them."""
    live_on = date.fromisoformat(config["reporting"]["live_on"])
    plans = []
    for county_spec in spec.get("county_plans", []):
        region = Region.objects.get(organisation=organisation, name=county_spec["region"])
        office = User.objects.get(organisation=organisation, role=Role.COUNTY_OFFICE, region=region)
        with clock.on(clock.moment(live_on, 11)):
            add_units(organisation, region, office, demo_dir / county_spec["plan"])
        with clock.on(clock.moment(live_on, 14)):
            plan = _import(organisation, region, office, demo_dir / county_spec["plan"], parent)
            # what the plan's own collective phrases (市直有关部门…) mean in this county
            meanings = county_spec.get("collectives", {})
            collectives.define(organisation, meanings, office, region=region)
            confirm_links(plan, office, read_links(demo_dir / county_spec["links"]))
            bases = _data(demo_dir / county_spec["plan"], ".bases.toml")
            _enter_statistics(plan, county_spec.get("statistics", {}), office, live_on, bases)
        periods = _periods(plan, config["reporting"], office, live_on)
        cast = reports.Cast(office=office, by_unit={}, reviewers={})
        reports.file_due_periods(plan, periods, config["reporting"], [], cast)
        plans.append(plan)
    return plans


def add_units(organisation, region, office, plan_path: Path) -> list[Unit]:
    """The county's townships and villages (``<plan>.units.toml``), added by its office
    under the county's government."""
    specs = _data(plan_path, ".units.toml").get("unit", [])
    government = Unit.objects.filter(
        organisation=organisation, region=region, name=f"{region.name}人民政府"
    ).first()
    units = []
    for spec in specs:
        draft = directory.UnitDraft(
            spec["name"], Unit.Category.GOVERNMENT, spec["level"], region, government
        )
        units.append(assignments.create_unit(organisation, draft, office, "演示数据"))
    return units


def _data(plan_path: Path, suffix: str) -> dict:
    """The demo data file beside a county plan (``<plan>.units.toml``…), or nothing."""
    path = plan_path.with_suffix(suffix)
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _import(organisation, region, office, path: Path, parent: Plan) -> Plan:
    staged = importing.stage(
        organisation, office, region, path.name, path.read_bytes(), parent=parent
    )
    return importing.confirm(staged, office, {})


def read_links(path: Path) -> dict[int, list[int]]:
    """County measure number -> the parent measure numbers it carries out ("-": none)."""
    links = {}
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for child, parents, *_ in rows[1:]:  # rows[0] is the column header
        links[int(child)] = [] if parents.strip() == "-" else [int(p) for p in parents.split(",")]
    return links


def confirm_links(plan: Plan, office, links: dict[int, list[int]]) -> int:
    """Confirm ``links`` (by measure numbers) through the links page's write path, with the
    matcher's scores where it ranked the pair."""
    children = dict(plan.measures.filter(withdrawn=False).values_list("number", "pk"))
    parents = dict(
        Measure.objects.filter(plan_id=plan.parent_id, withdrawn=False).values_list("number", "pk")
    )
    decisions = {
        children[child]: [parents[number] for number in numbers]
        for child, numbers in links.items()
        if child in children
    }
    return linking.set_links(plan, office, decisions, linking.scores_of(plan))


def _enter_statistics(plan: Plan, statistics: dict, office, day: date, bases: dict) -> None:
    """The county's statistics for its targets: quote fragment -> value (raw counts for
    per-capita targets, as the office enters them), a rate with its base where ``bases``
    gives one (``<plan>.bases.toml``)."""
    for fragment, value in statistics.items():
        target = plan.targets.filter(quote__contains=fragment).first()
        if target is not None:
            base = bases.get(fragment)
            add_reading(
                target,
                office,
                day,
                float(value),
                "都匀市统计数据（演示）",
                float(base) if base is not None else None,
            )
