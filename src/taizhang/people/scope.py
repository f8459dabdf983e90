"""Whose accounts a person runs: the one rule the account pages, the write path and the
permission rules ask.

- the office (依法治理办) runs every account of its organisation but the system
  administrator's;
- a county office runs the liaisons and reviewers of the units in its county (and the
  townships and villages under it);
- the system administrator runs the organisations' office administrators, and no one else:
  the people who file and read plans are the office's business."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from taizhang.accounts.models import Role, User
from taizhang.units.models import Region

UNIT_ROLES = (Role.LIAISON, Role.REVIEWER)
ASSIGNABLE = {
    Role.OFFICE_ADMIN: (
        Role.LIAISON,
        Role.REVIEWER,
        Role.COUNTY_OFFICE,
        Role.LEADER,
        Role.OFFICE_ADMIN,
    ),
    Role.COUNTY_OFFICE: UNIT_ROLES,
    Role.SYSTEM_ADMIN: (Role.OFFICE_ADMIN,),
}


def assignable_roles(actor) -> tuple[str, ...]:
    return ASSIGNABLE.get(getattr(actor, "role", None), ())


def region_tree(region_id) -> set[int]:
    """A region and every region under it."""
    found, frontier = {region_id}, {region_id}
    while frontier:
        frontier = (
            set(Region.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        )
        found |= frontier
    return found


def people_for(actor) -> QuerySet[User]:
    """The accounts ``actor`` runs (active or not)."""
    people = User.objects.select_related("organisation", "unit", "region")
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return people.none()
    if actor.role == Role.OFFICE_ADMIN and actor.organisation_id:
        return people.filter(organisation_id=actor.organisation_id).exclude(role=Role.SYSTEM_ADMIN)
    if actor.role == Role.COUNTY_OFFICE and actor.region_id:
        return people.filter(
            organisation_id=actor.organisation_id,
            role__in=UNIT_ROLES,
            unit__region_id__in=region_tree(actor.region_id),
        )
    if actor.role == Role.SYSTEM_ADMIN:
        return people.filter(Q(role=Role.OFFICE_ADMIN))
    return people.none()


def manages(actor, user) -> bool:
    # Rules are asked about any object a page holds; only an account can be managed.
    return isinstance(user, User) and people_for(actor).filter(pk=user.pk).exists()
