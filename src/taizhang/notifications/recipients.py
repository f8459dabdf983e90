"""Who is told about a unit's work: the one place that decides it.

A unit's filing work (a report due, overdue or returned; an urging notice) goes to the
unit's liaisons and reviewers; a county-level unit without anyone of its own is served by
its county office, which files for it. Review work goes to the unit's reviewers, or the
office that runs the plan when the unit has no reviewer (the office reviews what nobody
else does; a county plan's is its county office). Deactivated accounts are never told anything."""

from __future__ import annotations

from enum import Enum

from django.contrib.auth import get_user_model

from taizhang.accounts.models import Role


class Duty(Enum):
    FILE = "file"
    REVIEW = "review"


def for_unit(unit, duty: Duty) -> list:
    people = _active().filter(unit=unit)
    if duty == Duty.FILE:
        found = list(people.filter(role__in=(Role.LIAISON, Role.REVIEWER)))
        if not found:
            found = list(
                _active().filter(
                    organisation_id=unit.organisation_id,
                    role=Role.COUNTY_OFFICE,
                    region_id=unit.region_id,
                )
            )
        return found
    found = list(people.filter(role=Role.REVIEWER))
    return found or office(unit.organisation_id)


def office(organisation_id) -> list:
    return list(_active().filter(organisation_id=organisation_id, role=Role.OFFICE_ADMIN))


def county_office(organisation_id, region_id) -> list:
    """A county's office: it runs the county's plans and reviews what no unit does there."""
    return list(
        _active().filter(
            organisation_id=organisation_id, role=Role.COUNTY_OFFICE, region_id=region_id
        )
    )


def _active():
    return get_user_model().objects.filter(is_active=True).order_by("pk")
