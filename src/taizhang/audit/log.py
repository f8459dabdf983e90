"""The one call every app's write path makes to record a change."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db import models

from taizhang.audit import vocabulary
from taizhang.audit.bulk import create_as_of
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
    entry = entry_for(actor, action, obj, changes, reason, organisation=organisation)
    entry.save()
    return entry


def entry_for(
    actor,
    action: str,
    obj: models.Model,
    changes: dict | None = None,
    reason: str = "",
    *,
    organisation,
    at: datetime | None = None,
) -> AuditEntry:
    """The entry ``record`` appends, checked but not saved: a bulk variant of a write path
    builds one per change, with the time it happened, and appends them with
    ``record_many``."""
    changes = changes or {}
    vocabulary.check(action, type(obj), changes)
    return AuditEntry(
        organisation_id=getattr(organisation, "pk", organisation),
        actor=actor if getattr(actor, "pk", None) else None,
        at=at,
        action=action,
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
        object_label=str(obj)[:200],
        changes=changes,
        reason=(reason or "")[:500],
    )


def record_many(entries: Sequence[AuditEntry]) -> Sequence[AuditEntry]:
    """Append the entries of ``entry_for`` in a few statements, each at its own time."""
    if any(entry.at is None for entry in entries):
        raise ValueError("record_many: every entry needs the time it happened (at=)")
    return create_as_of(entries)
