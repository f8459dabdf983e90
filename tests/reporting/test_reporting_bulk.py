"""reporting.bulk, the write path's bulk variants: many reports filed or reviewed at once
leave the rows, versions, reviews, audit entries and notices that filing and reviewing
them one at a time leaves, each stamped when it happened; what one at a time would refuse,
the batch refuses whole."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from taizhang.audit.models import AuditEntry
from taizhang.notifications.models import Notification
from taizhang.reporting import bulk, services
from taizhang.reporting.models import ProgressReport, ReportVersion, Review

pytestmark = pytest.mark.django_db

DATA = {"status": "in_progress", "narrative": "开展宪法宣传活动12场。"}
WHEN = timezone.make_aware(datetime(2026, 4, 8, 10, 30))


def _trail(report) -> list:
    """What a report's history says, without ids and times."""
    versions = [(v.number, v.action, v.snapshot) for v in report.versions.order_by("number")]
    entries = AuditEntry.objects.filter(object_type="progressreport", object_id=str(report.pk))
    logged = [
        (e.action, e.changes, e.reason, e.actor_id, e.organisation_id)
        for e in entries.order_by("at", "id")
    ]
    return [report.state, report.version, report.status, report.narrative, versions, logged]


def test_bulk_filing_leaves_what_filing_one_at_a_time_leaves(world, assignments):
    liaison, office = world.people["liaison"], world.people["office"]
    one = services.file_report(
        assignments.education, world.period, liaison, DATA, 0, submit_after=True
    )
    [many] = bulk.file_new_reports(
        [bulk.Filing(assignments.county, world.period, liaison, DATA, WHEN)]
    )
    many.refresh_from_db()
    assert _trail(many) == _trail(one)
    assert many.submitted_at == many.first_submitted_at == many.updated_at == WHEN
    assert {v.created_at for v in many.versions.all()} == {WHEN}
    logged = AuditEntry.objects.filter(object_type="progressreport", object_id=str(many.pk))
    assert {e.at for e in logged} == {WHEN}

    later = WHEN + timedelta(days=3)
    returned = services.review(one, office, "return", "请补充数据。", one.version)
    [bulk_returned] = bulk.review_reports(
        [bulk.Decision(many, office, "return", "请补充数据。", later)]
    )
    bulk_returned.refresh_from_db()
    assert _trail(bulk_returned) == _trail(returned)
    assert Review.objects.get(report=bulk_returned).at == later
    # the unit is told of both returns, each naming its own review
    assert Notification.objects.filter(event="report_returned").count() == 2


def test_bulk_review_accepts_many_at_once(world, assignments):
    liaison, reviewer = world.people["liaison"], world.people["reviewer"]
    filed = bulk.file_new_reports(
        [
            bulk.Filing(assignments.education, world.period, liaison, DATA, WHEN),
            bulk.Filing(assignments.county, world.period, liaison, DATA, WHEN),
        ]
    )
    at = WHEN + timedelta(days=1)
    bulk.review_reports([bulk.Decision(r, reviewer, "accept", "", at) for r in filed])
    for report in ProgressReport.objects.filter(pk__in=[r.pk for r in filed]):
        assert (report.state, report.version, report.updated_by, report.updated_at) == (
            "accepted",
            3,
            reviewer,
            at,
        )
    assert set(Review.objects.values_list("stage", "decision")) == {("lead", "accept")}
    assert ReportVersion.objects.filter(action="accept").count() == 2


def test_bulk_filing_refuses_a_report_that_exists_and_writes_nothing(world, assignments):
    liaison = world.people["liaison"]
    services.save_draft(
        services.start_report(assignments.education, world.period), liaison, DATA, 0
    )
    before = (ProgressReport.objects.count(), AuditEntry.objects.count())
    with pytest.raises(services.WorkflowError):
        bulk.file_new_reports(
            [
                bulk.Filing(assignments.county, world.period, liaison, DATA, WHEN),
                bulk.Filing(assignments.education, world.period, liaison, DATA, WHEN),
            ]
        )
    assert (ProgressReport.objects.count(), AuditEntry.objects.count()) == before


def test_bulk_filing_refuses_a_report_without_its_narrative(world, assignments):
    empty = {**DATA, "narrative": "  "}
    with pytest.raises(ValidationError):
        bulk.file_new_reports(
            [bulk.Filing(assignments.county, world.period, world.people["office"], empty, WHEN)]
        )
    assert not ProgressReport.objects.exists()


def test_bulk_review_refuses_a_report_not_waiting_or_changed_since(world, assignments):
    liaison, office = world.people["liaison"], world.people["office"]
    draft = services.save_draft(
        services.start_report(assignments.county, world.period), liaison, DATA, 0
    )
    [sent] = bulk.file_new_reports(
        [bulk.Filing(assignments.education, world.period, liaison, DATA, WHEN)]
    )
    with pytest.raises(services.WorkflowError):
        bulk.review_reports(
            [
                bulk.Decision(sent, office, "accept", "", WHEN),
                bulk.Decision(draft, office, "accept", "", WHEN),
            ]
        )
    stale = ProgressReport.objects.get(pk=sent.pk)
    stale.version = 1
    with pytest.raises(services.WorkflowError):
        bulk.review_reports([bulk.Decision(stale, office, "accept", "", WHEN)])
    with pytest.raises(ValidationError):
        bulk.review_reports([bulk.Decision(sent, office, "return", " ", WHEN)])
    assert not Review.objects.exists()
    assert ProgressReport.objects.get(pk=sent.pk).state == "submitted"


def test_bulk_filing_again_leaves_what_filing_again_one_at_a_time_leaves(world, assignments):
    """A returned report sent again: the same versions (保存 with what changed, 报送), the
    same audit entries, its first submission kept, each stamped when it happened."""
    liaison, office = world.people["liaison"], world.people["office"]
    one = services.file_report(
        assignments.education, world.period, liaison, DATA, 0, submit_after=True
    )
    [many] = bulk.file_new_reports(
        [bulk.Filing(assignments.county, world.period, liaison, DATA, WHEN)]
    )
    one = services.review(one, office, "return", "请补充数据。", one.version)
    returned_at = WHEN + timedelta(days=1)
    [many] = bulk.review_reports(
        [bulk.Decision(many, office, "return", "请补充数据。", returned_at)]
    )
    again = {"narrative": DATA["narrative"] + "已补充数据。"}
    one = services.file_report(
        assignments.education, world.period, liaison, again, one.version, submit_after=True
    )
    later = WHEN + timedelta(days=3)
    [refiled] = bulk.file_again([bulk.Refiling(many, liaison, again, later)])
    refiled.refresh_from_db()
    one.refresh_from_db()
    assert _trail(refiled) == _trail(one)
    assert (refiled.state, refiled.version) == ("submitted", 5)
    assert refiled.first_submitted_at == WHEN
    assert refiled.submitted_at == refiled.updated_at == later
    assert [v.created_at for v in refiled.versions.filter(number__gt=3)] == [later, later]
    logged = AuditEntry.objects.filter(object_type="progressreport", object_id=str(refiled.pk))
    assert sorted(e.at for e in logged)[-2:] == [later, later]
    # then accepted in bulk as any sent report
    [accepted] = bulk.review_reports([bulk.Decision(refiled, office, "accept", "", later)])
    assert (accepted.state, accepted.version) == ("accepted", 6)


def test_bulk_filing_again_refuses_a_report_sent_or_changed_since(world, assignments):
    liaison = world.people["liaison"]
    [sent] = bulk.file_new_reports(
        [bulk.Filing(assignments.county, world.period, liaison, DATA, WHEN)]
    )
    with pytest.raises(services.WorkflowError):
        bulk.file_again([bulk.Refiling(sent, liaison, DATA, WHEN)])
    stale = ProgressReport.objects.get(pk=sent.pk)
    stale.version = 1
    with pytest.raises(services.ConcurrentEdit):
        bulk.file_again([bulk.Refiling(stale, liaison, DATA, WHEN)])
    assert ProgressReport.objects.get(pk=sent.pk).version == 2
    assert ReportVersion.objects.filter(report=sent).count() == 2
