"""The one call every app's write path makes to record a change."""

from __future__ import annotations

from django.db import models

from taizhang.audit.models import AuditEntry

# How to reach the organisation from objects that do not carry one themselves
# (a report -> its assignment -> measure -> plan -> organisation).
_PARENTS = ("plan", "measure", "assignment", "report", "period", "unit", "collective")


def record(actor, action: str, obj: models.Model, changes: dict | None = None, reason: str = ""):
    """Append an entry for ``obj`` (call inside the transaction that makes the change)."""
    return AuditEntry.objects.create(
        organisation=_organisation_of(obj),
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
        object_label=str(obj)[:200],
        changes=changes or {},
        reason=(reason or "")[:500],
    )


def _organisation_of(obj, depth: int = 0):
    if obj is None or depth > 5:
        return None
    if obj._meta.label == "units.Organisation":
        return obj
    if getattr(obj, "organisation_id", None) is not None:
        return obj.organisation
    for name in _PARENTS:
        parent = getattr(obj, name, None)
        if isinstance(parent, models.Model):
            found = _organisation_of(parent, depth + 1)
            if found is not None:
                return found
    return None
