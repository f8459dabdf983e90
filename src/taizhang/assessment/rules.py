"""Who may see and change the assessment.

Object checks take a Scheme, or a Subject (a scheme with the unit or county whose score is
asked for). Views ask the rules themselves (access.may), not user.has_perm: Django lets a
superuser pass every has_perm, and the system administrator reads scores but never edits."""

from __future__ import annotations

from dataclasses import dataclass

import rules

from taizhang.accounts.predicates import (
    is_county_office,
    is_leader,
    is_office_admin,
    is_system_admin,
    is_unit_staff,
)


@dataclass(frozen=True)
class Subject:
    """A unit's or a county's score in a scheme, for the object checks."""

    scheme: object
    unit_id: int | None = None
    region_ids: tuple[int, ...] = ()  # the regions the unit or county lies in


def _scheme_of(obj):
    return getattr(obj, "scheme", obj)


@rules.predicate
def in_organisation(user, obj):
    return obj is not None and _scheme_of(obj).organisation_id == user.organisation_id


@rules.predicate
def own_unit(user, subject):
    return user.unit_id is not None and subject.unit_id == user.unit_id


@rules.predicate
def own_county(user, subject):
    return user.region_id is not None and user.region_id in subject.region_ids


readers = is_office_admin | is_leader
can_view = is_system_admin | (in_organisation & readers)

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
