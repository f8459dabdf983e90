"""supervision.duties.record_fulfilments, the bulk variant of recording a duty's
occurrences: the rows and audit entries one record at a time leaves, each stamped when it
was recorded; what one at a time refuses, the batch refuses whole."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from taizhang.audit.models import AuditEntry
from taizhang.plans.models import RecurringDuty
from taizhang.supervision import duties
from taizhang.supervision.models import DutyFulfilment

pytestmark = pytest.mark.django_db

AT = timezone.make_aware(datetime(2025, 6, 30, 17, 0))


@pytest.fixture
def duty(world):
    return RecurringDuty.objects.create(
        measure=world.first, quote="每年至少开展2次", times_per_year=2
    )


def test_bulk_records_what_one_at_a_time_records(world, duty):
    liaison = world.people["liaison"]
    one = duties.record_fulfilment(duty, world.education, liaison, date(2025, 3, 1), " 普法 ")
    [many] = duties.record_fulfilments(
        [duties.Occurrence(duty, world.justice, liaison, date(2025, 3, 1), " 普法 ", AT)]
    )
    assert (many.note, many.happened_on, many.recorded_at) == (one.note, one.happened_on, AT)
    entries = AuditEntry.objects.filter(action="record_fulfilment").order_by("id")
    assert [e.changes for e in entries] == [{"happened_on": "2025-03-01", "note": "普法"}] * 2
    assert entries.last().at == AT
    assert entries.last().organisation_id == world.organisation.pk


@pytest.mark.parametrize(
    ("unit", "happened_on", "note"),
    [
        ("police", date(2025, 3, 1), "普法"),  # the 公安局 does not carry measure 1
        ("education", date(2025, 7, 1), "普法"),  # after the day it was recorded
        ("education", date(2025, 3, 1), "  "),
    ],
)
def test_one_bad_occurrence_refuses_the_batch(world, duty, unit, happened_on, note):
    liaison = world.people["liaison"]
    batch = [
        duties.Occurrence(duty, world.education, liaison, date(2025, 2, 1), "普法", AT),
        duties.Occurrence(duty, getattr(world, unit), liaison, happened_on, note, AT),
    ]
    with pytest.raises(ValidationError):
        duties.record_fulfilments(batch)
    assert not DutyFulfilment.objects.exists()
    assert not AuditEntry.objects.filter(action="record_fulfilment").exists()
