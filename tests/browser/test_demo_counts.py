"""The demo's database holds exactly what its loader says it did (demo/tally.py): every
report it filed, accepted and returned is there in the state, versions and audit entries
the write paths give it, whether they wrote it one at a time (reporting.services) or in
bulk (reporting.bulk), and each return announced to the unit."""

from collections import Counter

import pytest
from django.db.models import Count

from taizhang.audit.models import AuditEntry
from taizhang.notifications.events import Event
from taizhang.notifications.models import Notification
from taizhang.reporting.models import ProgressReport, ReportVersion, Review
from taizhang.supervision.models import DutyFulfilment

pytestmark = pytest.mark.django_db


@pytest.fixture
def said(demo, demo_snapshot) -> Counter:
    """What the loader said it did."""
    counts = demo_snapshot[2]
    assert counts["filed"] and counts["accepted"] and counts["returned"] and counts["refiled"]
    return counts


def _audit(object_type: str) -> Counter:
    entries = AuditEntry.objects.filter(object_type=object_type)
    return Counter(dict(entries.values_list("action").annotate(n=Count("id"))))


def test_the_reports_stand_in_the_states_the_loader_left_them(said):
    states = Counter(ProgressReport.objects.values_list("state", flat=True))
    left_returned = said["returned"] - said["refiled"]
    assert states == {
        "accepted": said["accepted"],
        "returned": left_returned,
        "submitted": said["filed"] - said["accepted"] - left_returned,
    }
    assert ProgressReport.objects.filter(first_submitted_at=None).count() == 0


def test_every_step_has_its_version_review_and_audit_entry(said):
    sent = said["filed"] + said["refiled"]
    reviewed = said["accepted"] + said["returned"]
    assert _audit("progressreport") == {
        "save": sent,
        "submit": sent,
        "accept": said["accepted"],
        "return": said["returned"],
    }
    versions = Counter(ReportVersion.objects.values_list("action", flat=True))
    assert versions == {
        "save": sent,
        "submit": sent,
        "accept": said["accepted"],
        "return": said["returned"],
    }
    assert Review.objects.count() == reviewed
    # each report's versions count up from 1 without a gap, to the version it is at
    for report in ProgressReport.objects.annotate(n=Count("versions")):
        assert report.n == report.version


def test_each_entry_is_stamped_when_it_happened(said):
    """Entries of the replayed year carry their days, not the loading day, and a report's
    entries follow its own steps in order."""
    entries = AuditEntry.objects.filter(object_type="progressreport")
    assert entries.dates("at", "day").count() > 20
    report = ProgressReport.objects.filter(versions__action="return", state="accepted").first()
    steps = AuditEntry.objects.filter(object_type="progressreport", object_id=str(report.pk))
    assert list(steps.order_by("at", "id").values_list("action", flat=True)) == [
        "save",
        "submit",
        "return",
        "save",
        "submit",
        "accept",
    ]
    times = list(report.versions.order_by("number").values_list("created_at", flat=True))
    assert times == sorted(times)


def test_each_return_reached_the_unit_and_each_duty_record_is_audited(said):
    returned = Notification.objects.filter(event=Event.REPORT_RETURNED)
    assert returned.count() == said["returned"]
    # (units without a person in the demo are filed for by the office: nobody to tell)
    assert returned.filter(deliveries__isnull=False).exists()
    assert DutyFulfilment.objects.count() == said["fulfilments"]
    assert _audit("dutyfulfilment") == {"record_fulfilment": said["fulfilments"]}
