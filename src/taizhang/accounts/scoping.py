"""Who sees what, declared once per model.

A model that belongs to an organisation says how its rows reach it, and the units and
regions whose people see them:

    class ProgressReport(models.Model):
        scope = Scope(
            organisation="assignment__unit__organisation",
            units=("assignment__unit",),
            regions=("assignment__unit__region",),
            led="assignment__measure",
        )
        objects = ScopedQuerySet.as_manager()

From that one declaration come
- ``Model.objects.for_user(user)``: the rows the person may list;
- ``accounts.access.load(user, Model, pk, perm)``: 404 outside the person's organisation,
  403 unless the rule allows;
- the shared rules predicates (accounts/predicates.py): ``in_organisation``,
  ``of_own_unit``, ``of_own_county``, ``led_by_own_unit`` and ``in_scope``, the view rule
  that ``for_user`` applies to a whole list.

The roles read it the same way everywhere: the office and leaders see their organisation's
rows; a unit's staff the rows reaching their unit (a reviewer also those on measures the
unit leads); a county office the rows reaching its county's region; the system
administrator reads none: it manages accounts and sees no plan data."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from taizhang.accounts.models import Role

ORG_WIDE = (Role.OFFICE_ADMIN, Role.LEADER)
UNIT_STAFF = (Role.LIAISON, Role.REVIEWER)


@dataclass(frozen=True)
class Scope:
    organisation: str  # lookup to the organisation (a foreign key, or "pk" for itself)
    units: tuple[str, ...] = ()  # lookups to units whose staff see the row
    regions: tuple[str, ...] = ()  # lookups to regions whose county office sees the row
    led: str | None = None  # lookup to a measure: its lead unit's reviewers see the row
    led_rows: tuple[tuple[str, object], ...] = ()  # ...when the row also matches these

    def under(self, prefix: str) -> Scope:
        """The same scope seen from a model that hangs on this one (``prefix``: the
        lookup to it), e.g. a report's evidence: ``ProgressReport.scope.under("report")``."""

        def join(lookup):
            return f"{prefix}__{lookup}" if lookup != "pk" else prefix

        return Scope(
            organisation=join(self.organisation),
            units=tuple(join(u) for u in self.units),
            regions=tuple(join(r) for r in self.regions),
            led=join(self.led) if self.led else None,
            led_rows=tuple((join(lookup), value) for lookup, value in self.led_rows),
        )

    # -- lists ---------------------------------------------------------------------------

    def visible(self, queryset: models.QuerySet, user) -> models.QuerySet:
        """The rows of ``queryset`` the person may list (the in_scope rule, as a query)."""
        role = getattr(user, "role", None)
        if role == Role.SYSTEM_ADMIN or not getattr(user, "organisation_id", None):
            return queryset.none()
        rows = queryset.filter(**{_id(self.organisation): user.organisation_id})
        if role in ORG_WIDE:
            return rows
        reach = Q(pk__in=[])
        if role in UNIT_STAFF and user.unit_id:
            reach |= _any(self.units, user.unit_id)
            if role == Role.REVIEWER and self.led:
                reach |= Q(
                    **{
                        f"{self.led}__assignments__unit_id": user.unit_id,
                        f"{self.led}__assignments__role": "lead",
                    },
                    **dict(self.led_rows),
                )
        elif role == Role.COUNTY_OFFICE and user.region_id:
            reach |= _any(self.regions, user.region_id)
        rows = rows.filter(reach)
        return rows.distinct() if self._multi_valued(queryset.model) else rows

    def _multi_valued(self, model) -> bool:
        led = (f"{self.led}__assignments",) if self.led else ()
        lookups = (*self.units, *self.regions, *led)
        return any(crosses_many(model, lookup) for lookup in lookups)

    # -- one object ----------------------------------------------------------------------

    def organisation_id(self, obj) -> int | None:
        return value_of(obj, _id(self.organisation))

    def reaches(self, obj, lookups: tuple[str, ...], target_id) -> bool:
        """Whether one of ``lookups`` leads from ``obj`` to ``target_id``: by following the
        loaded relations where they are single, by one query where they fan out."""
        model = type(obj)
        for lookup in lookups:
            if crosses_many(model, lookup):
                found = model._default_manager.filter(pk=obj.pk, **{_id(lookup): target_id})
                if found.exists():
                    return True
            elif value_of(obj, _id(lookup)) == target_id:
                return True
        return False

    def led_by(self, obj, unit_id) -> bool:
        """Whether the measure ``obj`` is on is led by ``unit_id`` (and ``obj`` is one of
        the rows its reviewers see)."""
        measure_id = value_of(obj, _id(self.led)) if self.led else None
        if measure_id is None or unit_id is None:
            return False
        if any(value_of(obj, lookup) != value for lookup, value in self.led_rows):
            return False
        assignments = _assignments_of(type(obj), self.led)
        return assignments.filter(measure_id=measure_id, unit_id=unit_id, role="lead").exists()


class ScopedQuerySet(models.QuerySet):
    """``Model.objects.for_user(user)`` for a model that declares its ``scope``."""

    def for_user(self, user):
        return self.model.scope.visible(self, user)


# -- lookups -------------------------------------------------------------------------------


def _id(lookup: str) -> str:
    """A lookup ending on a relation, ending on its id ("assignment__unit" ->
    "assignment__unit_id"), so that comparisons need no join to the last table."""
    return "pk" if lookup == "pk" else f"{lookup}_id"


def _any(lookups: tuple[str, ...], value) -> Q:
    found = Q(pk__in=[])
    for lookup in lookups:
        found |= Q(**{_id(lookup): value})
    return found


def crosses_many(model, lookup: str) -> bool:
    """Whether following ``lookup`` from ``model`` may reach more than one row."""
    for name in lookup.split("__"):
        if name == "pk":
            return False
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
    return False


def value_of(obj, lookup: str):
    """Follow a single-valued lookup on an instance ("assignment__unit_id")."""
    if lookup == "pk":
        return obj.pk
    *hops, last = lookup.split("__")
    for hop in hops:
        obj = getattr(obj, hop, None)
        if obj is None:
            return None
    return getattr(obj, last, None)


def _assignments_of(model, led: str):
    """The Assignment model's manager, reached from the measure ``led`` points at."""
    for name in led.split("__"):
        model = model._meta.get_field(name).related_model
    return model._meta.get_field("assignments").related_model._default_manager
