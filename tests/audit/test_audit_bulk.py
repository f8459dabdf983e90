"""audit.log.record_many: entries built by entry_for are appended in one go, each at the
time it carries, checked against the vocabulary as record checks them."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from taizhang.audit import bulk as audit_bulk
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


def test_many_entries_go_in_statements_that_fit_and_come_back_with_their_ids(world, monkeypatch):
    """More rows than one statement's parameters hold (PostgreSQL takes 65,535) are split;
    every row is stored as built, its timestamp and changes kept, and given its own id."""
    monkeypatch.setattr(audit_bulk, "MAX_PARAMETERS", 50)  # a few entries a statement
    office = world.people["office"]
    start = timezone.make_aware(datetime(2025, 1, 3, 9))
    entries = [
        entry_for(
            office,
            AuditAction.UPDATE,
            world.justice,
            {"name": ["旧", f"新{n}"]},
            at=start + timedelta(minutes=n),
            organisation=world.organisation,
        )
        for n in range(23)
    ]
    record_many(entries)
    assert len({e.pk for e in entries}) == 23 and all(e.pk for e in entries)
    for n, entry in enumerate(entries):
        stored = AuditEntry.objects.get(pk=entry.pk)
        assert (stored.at, stored.changes["name"][1], stored.actor) == (
            start + timedelta(minutes=n),
            f"新{n}",
            office,
        )
