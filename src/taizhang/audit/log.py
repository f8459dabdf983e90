"""The one call every app's write path makes to record a change."""

from __future__ import annotations

from django.db import models

from taizhang.audit import vocabulary
from taizhang.audit.models import AuditEntry


def record(
    actor,
    action: str,
    obj: models.Model,
    changes: dict | None = None,
    reason: str = "",
    *,
    organisation,
) -> AuditEntry:
    """Append an entry for ``obj`` (call inside the transaction that makes the change).

    ``action`` is a declared AuditAction; ``changes`` are keyed by the model's field names
    ([before, after] for a changed field) or by declared AuditDetail keys; ``organisation``
    (an Organisation, its id, or None for the system's own) is whose log holds the entry."""
    changes = changes or {}
    vocabulary.check(action, type(obj), changes)
    return AuditEntry.objects.create(
        organisation_id=getattr(organisation, "pk", organisation),
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
        object_label=str(obj)[:200],
        changes=changes,
        reason=(reason or "")[:500],
    )
