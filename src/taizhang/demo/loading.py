"""Load the demo deployment described in demo/organisations.toml: organisations, regions,
their plans (imported through the same path as an upload), collectives and people, and
then their year in Taizhang (story.py): periods, targets, duties, reports, a reminder and
the assessment scheme, each through its app's write path on the day it happened."""

from __future__ import annotations

import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from taizhang import collector
from taizhang.accounts.models import Role, User
from taizhang.demo import clock, collectives, county, story, tally
from taizhang.plans import assignments, importing
from taizhang.units import services as directory
from taizhang.units.models import Organisation, Region, Unit


@transaction.atomic
def load(demo_dir: Path, password: str, counts: Counter | None = None) -> list[User]:
    """Create everything once; returns the demo people, and counts what it did into
    ``counts`` (demo/tally.py). Idempotent: a second run only resets the demo passwords."""
    with tally.counting(Counter() if counts is None else counts), collector.held_off():
        return _load(demo_dir, password)


def _load(demo_dir: Path, password: str) -> list[User]:
    config = tomllib.loads((demo_dir / "organisations.toml").read_text(encoding="utf-8"))
    closed_loop = tomllib.loads((demo_dir / "loop.toml").read_text(encoding="utf-8"))
    config["loop"] = {story["organisation"]: story for story in closed_loop["loop"]}
    # Hashed once for every demo account: the hasher is slow on purpose (Argon2), and the
    # accounts share the one demo password anyway.
    password_hash = make_password(password)
    people = []
    for spec in config["organisation"]:
        organisation, created = Organisation.objects.get_or_create(
            name=spec["name"],
            defaults={"prefix": spec["prefix"], "office_name": spec["office_name"]},
        )
        office_spec, *others = spec["people"]  # the office admin comes first: it imports
        if created:
            live_on = date.fromisoformat(config["reporting"]["live_on"])
            with clock.on(clock.moment(live_on)):
                office = _person(organisation, office_spec, password_hash)
                _populate(organisation, spec, demo_dir, actor=office)
                staff = [_person(organisation, person, password_hash) for person in others]
            story.tell(organisation, spec, config, office, staff)
            county.load(organisation, spec, config, demo_dir, parent=organisation.plans.get())
            people += [office, *staff]
        else:
            people += [_person(organisation, person, password_hash) for person in spec["people"]]
    admin = config["system_admin"]
    people.append(
        _user(
            admin["username"],
            admin["display_name"],
            password_hash,
            role=Role.SYSTEM_ADMIN,
            is_staff=True,  # staff, not a superuser: the rules answer for it (accounts/rules.py)
        )
    )
    _refresh_statistics()
    return people


def _refresh_statistics() -> None:
    """PostgreSQL plans queries from table statistics; after a bulk load, before autovacuum
    catches up, stale ones (a table analysed when empty) turn the dashboard's joins into
    nested loops over whole tables: minutes instead of milliseconds."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _populate(organisation: Organisation, spec: dict, demo_dir: Path, actor: User) -> None:
    home = Region.objects.create(
        organisation=organisation, name=spec["name"], level=Region.Level.PREFECTURE
    )
    counties = [
        Region.objects.create(
            organisation=organisation, name=name, level=Region.Level.COUNTY, parent=home
        )
        for name in spec["counties"]
    ]
    county_governments = [
        Unit.objects.create(
            organisation=organisation,
            name=f"{county.name}人民政府",
            category=Unit.Category.GOVERNMENT,
            level=Region.Level.COUNTY,
            region=county,
        )
        for county in counties
    ]
    data = (demo_dir / spec["plan"]).read_bytes()
    staged = importing.stage(organisation, actor, home, spec["plan"], data)
    importing.confirm(staged, actor, {})
    for unit in spec.get("units", []):
        draft = directory.UnitDraft(unit["name"], unit["category"], unit["level"], home)
        assignments.create_unit(organisation, draft, actor, "演示数据")
    collectives.define(organisation, spec.get("collectives", {}), actor, county_governments)


def _person(organisation: Organisation, spec: dict, password_hash: str) -> User:
    unit = region = None
    if "unit" in spec:
        unit = Unit.objects.get(organisation=organisation, name=spec["unit"])
    if "region" in spec:
        region = Region.objects.get(organisation=organisation, name=spec["region"])
    return _user(
        spec["username"],
        spec["display_name"],
        password_hash,
        role=spec["role"],
        organisation=organisation,
        unit=unit,
        region=region,
        email=spec.get("email", ""),
        phone=spec.get("phone", ""),
    )


def _user(username: str, display_name: str, password_hash: str, **fields) -> User:
    user, _ = User.objects.update_or_create(
        username=username,
        defaults={"display_name": display_name, "password": password_hash, **fields},
    )
    return user
