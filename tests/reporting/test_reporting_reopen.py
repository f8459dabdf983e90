"""撤销审核通过: the office undoes an acceptance made by mistake. Who may, from which state,
what it writes (the state, a version, the audit entry with the reason), who is told, and
what it changes: the report waits for review again and counts for no status."""

import pytest
from django.urls import reverse
from django.utils import timezone

from taizhang.audit.models import AuditEntry
from taizhang.notifications.models import Notification
from taizhang.plans.models import Measure
from taizhang.reporting import services
from taizhang.reporting.status import measure_statuses

pytestmark = pytest.mark.django_db
REASON = "佐证材料与报告不符，审核通过有误。"


def _accepted(world, status="done"):
    """The lead unit's (州司法局) report on measure 1, accepted by the office."""
    lead = world.first.assignments.get(role="lead")
    office = world.people["office"]
    report = services.start_report(lead, world.period)
    report = services.save_draft(
        report, office, {"narrative": "已完成", "status": status}, report.version
    )
    report = services.submit(report, office, report.version)
    return services.review(report, office, "accept", "", report.version)


def _reopen(client, report, reason=REASON):
    return client.post(
        reverse("reporting:reopen", kwargs={"report_id": report.pk}),
        {"version": report.version, "reason": reason},
        follow=True,
    )


def _status(world):
    today = timezone.localdate()
    return measure_statuses(Measure.objects.filter(pk=world.first.pk), today)[world.first.pk]


def test_the_office_undoes_an_acceptance_with_a_reason(client, world):
    report = _accepted(world)
    first = report.first_submitted_at
    assert _status(world) == "done"
    office = world.people["office"]
    client.force_login(office)
    page = client.get(reverse("reporting:report_detail", kwargs={"report_id": report.pk}))
    assert "撤销审核通过" in page.content.decode()
    page = _reopen(client, report).content.decode()
    assert "已撤销审核通过" in page
    # the review record says the acceptance was undone, by whom and why
    assert "已撤销" in page and f"撤销原因：{REASON}" in page
    report.refresh_from_db()
    assert (report.state, report.first_submitted_at) == ("submitted", first)
    assert report.versions.order_by("-number").first().action == "reopen"
    entry = AuditEntry.objects.get(object_id=str(report.pk), action="reopen")
    assert entry.actor == office and entry.reason == REASON
    assert entry.changes["state"] == ["accepted", "submitted"]
    # It counts for no status until accepted again, and waits on the office's to-do.
    assert _status(world) != "done"
    assert report in client.get(reverse("workspace:todo")).context["todo"].office_review
    # The unit is told why; its reviewers (the office, for a lead unit's report) too.
    told = {n.title: n for n in Notification.objects.filter(event="report_reopened")}
    what = f"任务1（{world.period.name}）"
    to_unit = told[f"审核通过已撤销：{what}"]
    assert REASON.rstrip("。") in to_unit.body
    assert world.people["reviewer"] in {d.recipient for d in to_unit.deliveries.all()}
    to_reviewers = told[f"报告重新待审核：{what}"]
    assert office in {d.recipient for d in to_reviewers.deliveries.all()}


def test_the_reason_is_required_and_only_an_accepted_report_is_reopened(client, world):
    report = _accepted(world)
    client.force_login(world.people["office"])
    assert "请填写撤销审核通过的原因" in _reopen(client, report, reason=" ").content.decode()
    report.refresh_from_db()
    assert report.state == "accepted"
    report = services.reopen(report, world.people["office"], REASON, report.version)
    with pytest.raises(services.WorkflowError, match="只能撤销已审核通过的报告"):
        services.reopen(report, world.people["office"], REASON, report.version)


@pytest.mark.parametrize("role", ["liaison", "reviewer", "leader", "county"])
def test_only_the_office_that_runs_the_plan_undoes_an_acceptance(client, world, role):
    report = _accepted(world)
    client.force_login(world.people[role])
    page = client.get(reverse("reporting:report_detail", kwargs={"report_id": report.pk}))
    assert "撤销审核通过" not in page.content.decode()
    response = client.post(
        reverse("reporting:reopen", kwargs={"report_id": report.pk}),
        {"version": report.version, "reason": REASON},
    )
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.state == "accepted"
