"""Batch review (批量审核), withdrawing a report (撤回) and starting one from the previous
period's (沿用上期): who may, from which state, what each writes, the audit entry, the
notification, and the refusals."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from taizhang.audit.models import AuditEntry
from taizhang.notifications.models import Notification
from taizhang.reporting import services
from taizhang.reporting.models import ProgressReport
from tests.factories import AssignmentFactory, PeriodFactory, TargetFactory, UnitFactory

pytestmark = pytest.mark.django_db
BATCH = reverse("reporting:review_batch")


def _submit(assignment, period, person, narrative="已推进"):
    report = services.start_report(assignment, period)
    report = services.save_draft(report, person, {"narrative": narrative}, report.version)
    return services.submit(report, person, report.version)


@pytest.fixture
def three(world):
    """Three responsible units' submitted reports on measure 1 (司法局 reviews them)."""
    units = [world.education, world.county_government]
    units.append(UnitFactory(organisation=world.organisation, region=world.home, name="州民政局"))
    AssignmentFactory(measure=world.first, unit=units[2], role="responsible")
    office = world.people["office"]
    return [_submit(world.first.assignments.get(unit=unit), world.period, office) for unit in units]


def _audit(report, action):
    return AuditEntry.objects.filter(
        object_type="progressreport", object_id=str(report.pk), action=action
    )


# -- batch review ------------------------------------------------------------------------------


def test_a_reviewer_accepts_several_reports_at_once(client, world, three):
    client.force_login(world.people["reviewer"])
    data = {"reports": [r.pk for r in three], "decision": "accept", "comment": "同意"}
    response = client.post(BATCH, data, follow=True)
    assert "已审核通过3份报告" in response.content.decode()
    for report in three:
        report.refresh_from_db()
        assert report.state == "accepted" and report.version == 3
        review = report.reviews.get()
        assert (review.reviewer, review.stage, review.comment) == (
            world.people["reviewer"],
            "lead",
            "同意",
        )
        assert _audit(report, "accept").count() == 1


def test_returning_several_tells_each_unit_with_the_one_comment(client, world, three):
    client.force_login(world.people["reviewer"])
    data = {"reports": [r.pk for r in three], "decision": "return", "comment": "请补充数据"}
    client.post(BATCH, data)
    for report in three:
        report.refresh_from_db()
        assert report.state == "returned"
        assert _audit(report, "return").get().reason == "请补充数据"
    told = Notification.objects.filter(event="report_returned")
    assert told.count() == 3 and all("请补充数据" in n.body for n in told)


def test_returning_without_a_comment_is_refused(client, world, three):
    client.force_login(world.people["reviewer"])
    response = client.post(
        BATCH, {"reports": [r.pk for r in three], "decision": "return"}, follow=True
    )
    assert "退回时请填写退回意见" in response.content.decode()
    assert set(ProgressReport.objects.values_list("state", flat=True)) == {"submitted"}


def test_nothing_ticked_is_refused(client, world, three):
    client.force_login(world.people["reviewer"])
    response = client.post(BATCH, {"decision": "accept"}, follow=True)
    assert "请至少勾选一份报告" in response.content.decode()


def test_one_report_already_reviewed_refuses_the_whole_batch_naming_it(client, world, three):
    services.review(three[1], world.people["office"], "accept", "", three[1].version)
    client.force_login(world.people["reviewer"])
    data = {"reports": [r.pk for r in three], "decision": "accept"}
    page = client.post(BATCH, data, follow=True).content.decode()
    assert "任务1（甲县人民政府" in page and "只能审核已报送的报告" in page
    three[0].refresh_from_db()
    assert three[0].state == "submitted" and not _audit(three[0], "accept").exists()


def test_a_report_the_reviewer_may_not_review_refuses_the_batch(client, world, three):
    lead = _submit(
        world.first.assignments.get(unit=world.justice), world.period, world.people["office"]
    )
    client.force_login(world.people["reviewer"])
    data = {"reports": [three[0].pk, lead.pk], "decision": "accept"}
    page = client.post(BATCH, data, follow=True).content.decode()
    assert "无权审核" in page
    assert set(ProgressReport.objects.values_list("state", flat=True)) == {"submitted"}


def test_the_office_may_settle_any_reports_at_once(client, world, three):
    client.force_login(world.people["office"])
    client.post(BATCH, {"reports": [r.pk for r in three], "decision": "accept"})
    assert set(ProgressReport.objects.values_list("state", flat=True)) == {"accepted"}
    assert {r.stage for r in three[0].reviews.all()} == {"office"}


@pytest.mark.parametrize("role", ["liaison", "leader"])
def test_people_who_review_nothing_are_refused(client, world, three, role):
    client.force_login(world.people[role])
    response = client.post(BATCH, {"reports": [three[0].pk], "decision": "accept"})
    assert response.status_code == 403
    assert set(ProgressReport.objects.values_list("state", flat=True)) == {"submitted"}


def test_a_county_office_reviews_its_own_plan_only(client, world, three):
    """A county office reviews on its county's plan; the prefecture's reports are not its."""
    client.force_login(world.people["county"])
    page = client.post(BATCH, {"reports": [three[0].pk], "decision": "accept"}, follow=True)
    assert "无权审核" in page.content.decode()
    assert set(ProgressReport.objects.values_list("state", flat=True)) == {"submitted"}


def test_an_outsider_cannot_review_anothers_reports(client, world, three):
    client.force_login(world.people["outsider"])
    page = client.post(BATCH, {"reports": [three[0].pk], "decision": "accept"}, follow=True)
    assert "无权审核" in page.content.decode()
    assert set(ProgressReport.objects.values_list("state", flat=True)) == {"submitted"}


# -- withdraw ----------------------------------------------------------------------------------


def _withdraw(client, report):
    url = reverse("reporting:withdraw", kwargs={"report_id": report.pk})
    return client.post(url, {"version": report.version}, follow=True)


def test_the_submitter_withdraws_a_report_nobody_reviewed(client, world):
    liaison = world.people["liaison"]
    report = _submit(world.first.assignments.get(unit=world.education), world.period, liaison)
    first = report.first_submitted_at
    reviewer = world.people["reviewer"]
    client.force_login(reviewer)
    assert client.get(reverse("workspace:todo")).context["todo"].to_review == [report]
    client.force_login(liaison)
    page = client.get(
        reverse(
            "reporting:report",
            kwargs={"assignment_id": report.assignment_id, "period_id": report.period_id},
        )
    ).content.decode()
    assert "撤回报告" in page
    assert "报告已撤回" in _withdraw(client, report).content.decode()
    report.refresh_from_db()
    assert (report.state, report.version, report.first_submitted_at) == ("draft", 3, first)
    assert [v.action for v in report.versions.all()] == ["save", "submit", "withdraw"]
    entry = _audit(report, "withdraw").get()
    assert entry.actor == liaison and entry.changes["state"] == ["submitted", "draft"]
    # Nobody is asked to review it any more, and the reviewer who had it is told.
    client.force_login(reviewer)
    assert client.get(reverse("workspace:todo")).context["todo"].to_review == []
    told = Notification.objects.get(event="report_withdrawn")
    assert [d.recipient for d in told.deliveries.filter(channel="in_app")] == [reviewer]
    assert "已撤回" in told.title and world.education.name in told.body
    assert told.link == reverse(
        "reporting:report",
        kwargs={"assignment_id": report.assignment_id, "period_id": report.period_id},
    )


def test_withdrawing_a_report_the_office_reviews_tells_the_office(client, world):
    """The lead unit's own report is the office's to review: the office is told, and its
    to-do no longer lists the report."""
    office = world.people["office"]
    lead = world.first.assignments.get(role="lead")
    report = _submit(lead, world.period, office)
    client.force_login(office)
    assert report in client.get(reverse("workspace:todo")).context["todo"].office_review
    services.withdraw(report, office, report.version)
    assert report not in client.get(reverse("workspace:todo")).context["todo"].office_review
    told = Notification.objects.get(event="report_withdrawn")
    recipients = {d.recipient for d in told.deliveries.filter(channel="in_app")}
    assert office in recipients and world.people["reviewer"] not in recipients


def test_withdrawn_and_sent_again_after_the_due_date_is_still_on_time(world):
    """The first submission decides, as for a report returned and sent again: the report
    was filed before the due date (10 April 2025)."""
    liaison = world.people["liaison"]
    assignment = world.first.assignments.get(unit=world.education)
    with time_machine.travel(timezone.make_aware(datetime.combine(date(2025, 4, 8), time(9)))):
        report = _submit(assignment, world.period, liaison)
        report = services.withdraw(report, liaison, report.version)
    with time_machine.travel(timezone.make_aware(datetime.combine(date(2025, 4, 20), time(9)))):
        report = services.submit(report, liaison, report.version)
    assert report.filed_on_time is True
    assert ProgressReport.objects.on_time().filter(pk=report.pk).exists()


@pytest.mark.parametrize("decision", ["accept", "return"])
def test_a_reviewed_report_cannot_be_withdrawn(client, world, decision):
    liaison = world.people["liaison"]
    report = _submit(world.first.assignments.get(unit=world.education), world.period, liaison)
    report = services.review(report, world.people["reviewer"], decision, "意见", report.version)
    client.force_login(liaison)
    assert "该报告已经审核，不能撤回" in _withdraw(client, report).content.decode()
    report.refresh_from_db()
    assert report.state == ("accepted" if decision == "accept" else "returned")
    assert not _audit(report, "withdraw").exists()


def test_a_draft_is_not_withdrawn(world):
    liaison = world.people["liaison"]
    report = services.start_report(world.first.assignments.get(unit=world.education), world.period)
    report = services.save_draft(report, liaison, {"narrative": "x"}, 0)
    with pytest.raises(services.WorkflowError, match="尚未报送"):
        services.withdraw(report, liaison, report.version)


@pytest.mark.parametrize("role", ["reviewer", "leader"])
def test_only_the_filing_unit_withdraws(client, world, role):
    liaison = world.people["liaison"]
    report = _submit(world.first.assignments.get(unit=world.education), world.period, liaison)
    client.force_login(world.people[role])
    url = reverse("reporting:withdraw", kwargs={"report_id": report.pk})
    assert client.post(url, {"version": report.version}).status_code == 403
    report.refresh_from_db()
    assert report.state == "submitted"


# -- carry over --------------------------------------------------------------------------------


@pytest.fixture
def next_period(world):
    return PeriodFactory(plan=world.plan, second_quarter=True)


def _carry(client, assignment, period, version=0):
    url = reverse(
        "reporting:carry_over", kwargs={"assignment_id": assignment.pk, "period_id": period.pk}
    )
    return client.post(url, {"version": version}, follow=True)


def test_a_liaison_starts_from_the_previous_periods_report(client, world, next_period, files):
    liaison = world.people["liaison"]
    assignment = world.first.assignments.get(unit=world.education)
    target = TargetFactory(measure=world.first)
    previous = services.file_report(
        assignment,
        world.period,
        liaison,
        {"narrative": "上期进展", "actions": "举措", "status": "in_progress"},
        0,
        values={target: (80.0, "统计")},
        uploads=[files.pdf("上期材料.pdf")],
        submit_after=True,
    )
    client.force_login(liaison)
    form_url = reverse(
        "reporting:report",
        kwargs={"assignment_id": assignment.pk, "period_id": next_period.pk},
    )
    assert "沿用2025年第" in client.get(form_url).content.decode()
    page = _carry(client, assignment, next_period).content.decode()
    assert "本稿沿用上期" in page and "佐证材料未沿用" in page
    report = ProgressReport.objects.get(assignment=assignment, period=next_period)
    assert (report.state, report.narrative, report.actions, report.status) == (
        "draft",
        "上期进展",
        "举措",
        "in_progress",
    )
    assert report.carried_from == previous and report.first_submitted_at is None
    assert [(v.value, v.source) for v in report.values.all()] == [(80.0, "统计")]
    assert not report.evidence.exists()
    entry = _audit(report, "carry_over").get()
    assert entry.changes == {"carried_from": world.period.name}
    assert [v.action for v in report.versions.all()] == ["carry_over"]


def test_nothing_to_carry_over_is_refused(client, world, next_period):
    assignment = world.first.assignments.get(unit=world.education)
    client.force_login(world.people["liaison"])
    page = _carry(client, assignment, next_period).content.decode()
    assert "没有可沿用的上期报告" in page
    assert not ProgressReport.objects.filter(period=next_period).exists()


def test_carrying_over_never_overwrites_what_is_written(client, world, next_period):
    liaison = world.people["liaison"]
    assignment = world.first.assignments.get(unit=world.education)
    _submit(assignment, world.period, liaison, "上期")
    current = services.start_report(assignment, next_period)
    current = services.save_draft(current, liaison, {"narrative": "本期已写"}, 0)
    client.force_login(liaison)
    page = _carry(client, assignment, next_period, current.version).content.decode()
    assert "本期报告已填写内容" in page
    current.refresh_from_db()
    assert current.narrative == "本期已写" and current.carried_from is None


def test_another_unit_cannot_carry_over(client, world, next_period):
    assignment = world.first.assignments.get(unit=world.education)
    _submit(assignment, world.period, world.people["liaison"])
    client.force_login(world.people["reviewer"])
    assert _carry(client, assignment, next_period).status_code == 403
    assert not ProgressReport.objects.filter(period=next_period).exists()
