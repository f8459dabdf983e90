"""The one call every app's write path makes to record a change."""

from __future__ import annotations

from django.db import models

from taizhang.audit.models import AuditEntry


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
        reason=reason,
    )


def _organisation_of(obj):
    from taizhang.units.models import Organisation

    if isinstance(obj, Organisation):
        return obj
    return getattr(obj, "organisation", None)
