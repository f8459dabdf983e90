"""The write path of the public page's settings: every change is audited on the
publication (the audit log reaches the organisation through its plan)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.public.models import FIELDS, AuditAction, Publication


def publication_of(plan) -> Publication:
    """The plan's settings as saved, or the defaults (unsaved) when the office never
    set them."""
    try:
        return plan.publication
    except Publication.DoesNotExist:
        return Publication(plan=plan)


@transaction.atomic
def save_publication(plan, actor, *, published: bool, shown: dict[str, bool]) -> Publication:
    """Set whether ``plan`` is public and which fields the public sees (``shown`` maps
    field names of FIELDS to booleans; fields left out keep their value)."""
    unknown = set(shown) - set(FIELDS)
    if unknown:
        raise ValidationError(f"未知的公开内容：{'、'.join(sorted(unknown))}。")
    publication, created = Publication.objects.select_for_update().get_or_create(plan=plan)
    before = _state(publication)
    for name, value in shown.items():
        setattr(publication, name, bool(value))
    publication.published = bool(published)
    if publication.published and not any(getattr(publication, name) for name in FIELDS):
        raise ValidationError("向社会公开时，请至少选择一项公开内容。")
    if publication.published and publication.published_at is None:
        publication.published_at = timezone.now()
    after = _state(publication)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if changes or created:
        publication.updated_by = actor if getattr(actor, "pk", None) else None
        publication.save()
        organisation = plan.organisation_id
        record(actor, AuditAction.UPDATE, publication, changes, organisation=organisation)
    return publication


def _state(publication: Publication) -> dict:
    return {name: getattr(publication, name) for name in ("published", *FIELDS)}
