"""audit.log.record_many: entries built by entry_for are appended in one go, each at the
time it carries, checked against the vocabulary as record checks them."""

from datetime import datetime

import pytest
from django.utils import timezone

from taizhang.audit.log import entry_for, record_many
from taizhang.audit.models import AuditEntry
from taizhang.audit.vocabulary import UndeclaredAudit
from taizhang.units.models import AuditAction

pytestmark = pytest.mark.django_db


def test_entries_are_appended_each_at_its_time(world):
    office = world.people["office"]
    times = [timezone.make_aware(datetime(2025, 1, day, 9)) for day in (3, 4)]
    entries = [
        entry_for(
            office,
            AuditAction.UPDATE,
            unit,
            {"name": ["旧", unit.name]},
            at=at,
            organisation=world.organisation,
        )
        for unit, at in zip((world.justice, world.police), times, strict=True)
    ]
    record_many(entries)
    stored = AuditEntry.objects.filter(pk__in=[e.pk for e in entries]).order_by("at")
    assert [(e.object_label, e.at, e.actor) for e in stored] == [
        ("州司法局", times[0], office),
        ("州公安局", times[1], office),
    ]


def test_an_entry_needs_its_time_and_a_declared_action(world):
    office = world.people["office"]
    before = AuditEntry.objects.count()
    undated = entry_for(office, AuditAction.UPDATE, world.justice, organisation=None)
    with pytest.raises(ValueError):
        record_many([undated])
    with pytest.raises(UndeclaredAudit):
        entry_for(office, "made_up", world.justice, organisation=None)
    assert AuditEntry.objects.count() == before
