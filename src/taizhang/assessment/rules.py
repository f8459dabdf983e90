"""Who may see and change the assessment.

Object checks take a Scheme, or a Subject (a scheme with the unit or county whose score is
asked for). The system administrator reads scores but never edits."""

from __future__ import annotations

from dataclasses import dataclass

import rules

from taizhang.accounts.predicates import (
    in_organisation,
    is_county_office,
    is_office_admin,
    is_org_wide_reader,
    is_unit_staff,
)
from taizhang.accounts.scoping import Scope


@dataclass(frozen=True)
class Subject:
    """A unit's or a county's score in a scheme, for the object checks."""

    scheme: object
    unit_id: int | None = None
    region_ids: tuple[int, ...] = ()  # the regions the unit or county lies in

    scope = Scope(organisation="scheme__organisation")  # a score belongs to its scheme's


def regions_of(unit) -> tuple[int, ...]:
    """The unit's region and the regions above it (township -> county -> prefecture)."""
    found, region = [], unit.region
    while region is not None and len(found) < 4:
        found.append(region.pk)
        region = region.parent if region.parent_id else None
    return tuple(found)


def subject(scheme, unit) -> Subject:
    return Subject(scheme=scheme, unit_id=unit.pk, region_ids=regions_of(unit))


@rules.predicate
def own_unit(user, subject):
    return user.unit_id is not None and subject.unit_id == user.unit_id


@rules.predicate
def own_county(user, subject):
    return user.region_id is not None and user.region_id in subject.region_ids


can_view = in_organisation & is_org_wide_reader

rules.add_perm("assessment.create_scheme", is_office_admin)
rules.add_perm("assessment.view_scheme", can_view)
rules.add_perm("assessment.change_scheme", is_office_admin & in_organisation)
rules.add_perm(
    "assessment.view_unit_score",
    can_view | (in_organisation & ((is_unit_staff & own_unit) | (is_county_office & own_county))),
)
rules.add_perm(
    "assessment.view_county_score", can_view | (in_organisation & is_county_office & own_county)
)
