"""延期申请: a unit asks for a later due date for its report (or a later 完成时限); the
office approves (the new date decides on-time and 滞后; history kept) or refuses with a
comment. Who may, from which state, what it writes, the audit entry, the notification,
the refusals, and a time-travel through a quarter."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from taizhang.audit.models import AuditEntry
from taizhang.notifications.models import Delivery, Notification
from taizhang.plans.models import Assignment, Measure
from taizhang.reporting import extensions, services, status
from taizhang.reporting.models import Extension, ProgressReport
from taizhang.supervision.reminders import due_reminders
from taizhang.workspace.todo import todo_for

pytestmark = pytest.mark.django_db
DUE = date(2025, 4, 10)  # the world's period: 2025 Q1


def at(day, hour=9):
    return time_machine.travel(timezone.make_aware(datetime.combine(day, time(hour))), tick=False)


@pytest.fixture
def education(world):
    return Assignment.objects.get(measure=world.first, unit=world.education)


def _ask(client, assignment, period, due="2025-04-30", reason="系统升级，数据未能按期汇总。"):
    url = reverse("reporting:extension_request", kwargs={"assignment_id": assignment.pk})
    data = {"period": period.pk if period else "", "requested_due": due, "reason": reason}
    return client.post(url, data, follow=True)


def _decide(client, extension, decision, comment=""):
    url = reverse("reporting:extension_decide", kwargs={"extension_id": extension.pk})
    return client.post(url, {"decision": decision, "comment": comment}, follow=True)


def _audit(extension, action):
    return AuditEntry.objects.filter(
        object_type="extension", object_id=str(extension.pk), action=action
    )


def test_the_unit_asks_and_the_office_is_told(client, world, education):
    client.force_login(world.people["liaison"])
    assert "延期申请已提交" in _ask(client, education, world.period).content.decode()
    extension = Extension.objects.get()
    assert (extension.current_due, extension.requested_due, extension.state) == (
        DUE,
        date(2025, 4, 30),
        "pending",
    )
    entry = _audit(extension, "extension_request").get()
    assert entry.actor == world.people["liaison"] and "系统升级" in entry.reason
    told = Notification.objects.get(event="extension_requested")
    assert "2025年4月30日" in told.body
    assert Delivery.objects.filter(notification=told, recipient=world.people["office"]).exists()
    assert todo_for(world.people["office"], date(2025, 4, 3)).extensions == [extension]
    client.force_login(world.people["office"])
    page = client.get(reverse("workspace:todo")).content.decode()
    decide = reverse("reporting:extension_decide", kwargs={"extension_id": extension.pk})
    assert decide in page and f'id="comment-{extension.pk}-extension"' in page


def test_the_office_approves_and_the_unit_is_told(client, world, education):
    extension = extensions.request(
        education, world.period, world.people["liaison"], date(2025, 4, 30), "理由"
    )
    client.force_login(world.people["office"])
    assert "已同意延期" in _decide(client, extension, "approve").content.decode()
    extension.refresh_from_db()
    assert extension.state == "approved" and extension.decided_by == world.people["office"]
    assert _audit(extension, "extension_approve").get().changes["state"] == [
        "pending",
        "approved",
    ]
    told = Notification.objects.get(event="extension_decided")
    assert "延至2025年4月30日" in told.body
    assert Delivery.objects.filter(notification=told, recipient=world.people["liaison"]).exists()
    assert extensions.current_due(education, world.period) == date(2025, 4, 30)
    client.force_login(world.people["liaison"])
    form = reverse(
        "reporting:report", kwargs={"assignment_id": education.pk, "period_id": world.period.pk}
    )
    assert "经批准延期至 2025年4月30日" in client.get(form).content.decode()


def test_refusing_needs_a_comment_and_keeps_the_date(client, world, education):
    extension = extensions.request(
        education, world.period, world.people["liaison"], date(2025, 4, 30), "理由"
    )
    client.force_login(world.people["office"])
    assert "不同意时请填写审批意见" in _decide(client, extension, "refuse").content.decode()
    _decide(client, extension, "refuse", "理由不充分。")
    extension.refresh_from_db()
    assert extension.state == "refused" and extension.comment == "理由不充分。"
    assert _audit(extension, "extension_refuse").exists()
    assert "仍为2025年4月10日" in Notification.objects.get(event="extension_decided").body
    assert extensions.current_due(education, world.period) == DUE


def test_refusals(world, education):
    liaison = world.people["liaison"]
    with pytest.raises(Exception, match="须晚于现在的期限"):
        extensions.request(education, world.period, liaison, DUE, "理由")
    with pytest.raises(Exception, match="请填写延期理由"):
        extensions.request(education, world.period, liaison, date(2025, 5, 1), " ")
    first = extensions.request(education, world.period, liaison, date(2025, 5, 1), "理由")
    with pytest.raises(extensions.ExtensionRefused, match="正在等待"):
        extensions.request(education, world.period, liaison, date(2025, 5, 2), "理由")
    extensions.decide(first, world.people["office"], True)
    with pytest.raises(ValidationError, match="不能再次审批"):
        extensions.decide(first, world.people["office"], False, "x")
    report = services.start_report(education, world.period)
    report = services.save_draft(report, liaison, {"narrative": "进展"}, 0)
    services.submit(report, liaison, report.version)
    with pytest.raises(extensions.ExtensionRefused, match="已经报送"):
        extensions.request(education, world.period, liaison, date(2025, 6, 1), "理由")


def test_a_measure_without_a_deadline_needs_no_extension(world, education):
    Measure.objects.filter(pk=world.first.pk).update(deadline=None)
    education.measure.refresh_from_db()
    with pytest.raises(extensions.ExtensionRefused, match="长期坚持"):
        extensions.request(education, None, world.people["liaison"], date(2026, 1, 1), "理由")


@pytest.mark.parametrize("role", ["reviewer", "leader", "office"])
def test_only_the_unit_asks(client, world, education, role):
    client.force_login(world.people[role])
    assert _ask(client, education, world.period).status_code == 403
    assert not Extension.objects.exists()


@pytest.mark.parametrize("role", ["liaison", "reviewer", "county", "leader"])
def test_only_the_office_decides(client, world, education, role):
    extension = extensions.request(
        education, world.period, world.people["liaison"], date(2025, 4, 30), "理由"
    )
    client.force_login(world.people[role])
    assert _decide(client, extension, "approve").status_code == 403
    extension.refresh_from_db()
    assert extension.state == "pending"


def test_through_the_quarter_an_approved_extension_makes_the_late_report_on_time(world, education):
    """Asked on 8 April, approved on 9 April to 30 April; no red light after the 10th,
    the to-do shows the new date; sent on 25 April, the report is on time in every
    reader (the annotation, the aggregate rule, the one in hand, the timeliness table)."""
    liaison, office = world.people["liaison"], world.people["office"]
    with at(date(2025, 4, 8)):
        extension = extensions.request(
            education, world.period, liaison, date(2025, 4, 30), "数据汇总延迟"
        )
    with at(date(2025, 4, 9)):
        extensions.decide(extension, office, True)
    day = date(2025, 4, 15)
    with at(day):
        reds = [r for r in due_reminders(day) if world.education in r.units]
        (item,) = todo_for(liaison, day).due
    assert reds == [] and item.due_on == date(2025, 4, 30) and not item.overdue
    with at(date(2025, 4, 25)):
        report = services.start_report(education, world.period)
        report = services.save_draft(report, liaison, {"narrative": "已完成汇总"}, 0)
        report = services.submit(report, liaison, report.version)
    report = ProgressReport.objects.get(pk=report.pk)
    assert report.filed_on_time is True
    assert ProgressReport.objects.with_on_time().get(pk=report.pk).on_time is True
    on_time = ProgressReport.objects.on_time_in([world.period])
    assert ProgressReport.objects.filter(on_time, pk=report.pk).exists()
    table = status.timeliness(Assignment.objects.owing(), [world.period])
    assert table[world.education.pk, world.period.pk].on_time == 1
    # A unit without an extension sending on the same day is late.
    county = Assignment.objects.get(measure=world.first, unit=world.county_government)
    with at(date(2025, 4, 25)):
        other = services.start_report(county, world.period)
        other = services.save_draft(other, office, {"narrative": "进展"}, 0)
        other = services.submit(other, office, other.version)
    assert ProgressReport.objects.get(pk=other.pk).filed_on_time is False


def test_an_approved_later_deadline_keeps_a_measure_from_lagging(world):
    lead = Assignment.objects.get(measure=world.first, unit=world.justice)
    Measure.objects.filter(pk=world.first.pk).update(deadline=date(2025, 6, 30))
    lead.measure.refresh_from_db()
    as_of = date(2025, 7, 15)
    measures = Measure.objects.filter(pk=world.first.pk)
    assert status.measure_statuses(measures, as_of)[world.first.pk] == "lagging"
    extension = extensions.request(lead, None, world.people["reviewer"], date(2025, 9, 30), "理由")
    extensions.decide(extension, world.people["office"], True)
    assert status.measure_statuses(measures, as_of)[world.first.pk] == "not_started"
    assert status.assignment_statuses(Assignment.objects.filter(pk=lead.pk), as_of) == {
        lead.pk: "not_started"
    }
    assert status.measure_statuses(measures, date(2025, 10, 8))[world.first.pk] == "lagging"


def test_the_office_moving_the_measure_s_deadline_past_an_approved_one_wins(world):
    """An approved date is a later deadline, never an earlier one: once the office moves
    the measure's own 完成时限 past it, the status, the rows the pages print and the API
    all go by the measure's; before, all by the approved one."""
    from taizhang.ledger.queries import rows_of
    from taizhang.plans import editing
    from taizhang.reporting.models import approved_deadlines

    lead = Assignment.objects.get(measure=world.first, unit=world.justice)
    Measure.objects.filter(pk=world.first.pk).update(deadline=date(2025, 6, 30))
    lead.measure.refresh_from_db()
    extension = extensions.request(lead, None, world.people["reviewer"], date(2025, 9, 30), "理由")
    extensions.decide(extension, world.people["office"], True)
    measures = Measure.objects.filter(pk=world.first.pk)

    def seen(as_of):
        (row,) = rows_of(measures, as_of)
        (annotated,) = status.with_deadline_in_force(measures)
        return (
            status.measure_statuses(measures, as_of)[world.first.pk],
            status.assignment_statuses(Assignment.objects.filter(pk=lead.pk), as_of)[lead.pk],
            row.extended_to,
            annotated.deadline_in_force,
            extensions.current_due(Assignment.objects.get(pk=lead.pk)),
        )

    approved = date(2025, 9, 30)
    assert seen(date(2025, 10, 8)) == ("lagging", "lagging", approved, approved, approved)
    editing.set_measure_deadline(world.first, world.people["office"], date(2025, 12, 31), "修订")
    later = date(2025, 12, 31)
    assert seen(date(2025, 10, 8)) == ("not_started", "not_started", None, later, later)
    assert approved_deadlines([world.first.pk], [lead.pk]) == ({}, {})


def test_the_office_moving_the_period_s_due_date_past_an_approved_one_wins(
    client, world, education
):
    """The report's due date follows the 完成时限's rule: the later of the period's and the
    approved one. Approved to 30 April, then the office moves the whole period to 15 May:
    every reader says 15 May (the rule, the one report in hand, the to-do, the request
    form's 原期限, the missing list, the red light) and a report sent on 12 May is on time
    in each on-time reader; the report page no longer prints the approved date."""
    from taizhang.reporting import periods
    from taizhang.reporting.models import approved_report_dues, report_due

    liaison, office = world.people["liaison"], world.people["office"]
    extension = extensions.request(education, world.period, liaison, date(2025, 4, 30), "理由")
    extensions.decide(extension, office, True)
    period = world.period

    def dues():
        found = approved_report_dues([period])
        return report_due(period, education.pk, found), extensions.current_due(education, period)

    assert dues() == (date(2025, 4, 30), date(2025, 4, 30))
    periods.update_period(
        period,
        office,
        period.name,
        period.kind,
        period.starts_on,
        period.ends_on,
        periods.Due(on=date(2025, 5, 15)),
    )
    period.refresh_from_db()
    later = date(2025, 5, 15)
    assert approved_report_dues([period]) == {}
    assert dues() == (later, later)
    day = date(2025, 5, 5)
    with at(day):
        (item,) = todo_for(liaison, day).due
        reds = [r for r in due_reminders(day) if world.education in r.units]
    assert item.due_on == later and not item.overdue and reds == []
    owing = Assignment.objects.filter(pk=education.pk)
    assert not status.missing_reports(owing, date(2025, 5, 5)).exists()
    assert status.missing_reports(owing, date(2025, 5, 16)).exists()
    with at(date(2025, 5, 12)):
        report = services.start_report(education, period)
        report = services.save_draft(report, liaison, {"narrative": "已完成汇总"}, 0)
        report = services.submit(report, liaison, report.version)
    report = ProgressReport.objects.get(pk=report.pk)
    assert report.due_on == later and report.filed_on_time is True
    assert ProgressReport.objects.with_on_time().get(pk=report.pk).on_time is True
    assert ProgressReport.objects.filter(
        ProgressReport.objects.on_time_in([period]), pk=report.pk
    ).exists()
    table = status.timeliness(owing, [period])
    assert table[world.education.pk, period.pk].on_time == 1
    client.force_login(liaison)
    url = reverse(
        "reporting:report", kwargs={"assignment_id": education.pk, "period_id": period.pk}
    )
    page = client.get(url).content.decode()
    assert "截止 2025年5月15日" in page and "经批准延期至 2025年4月30日" not in page


# -- evidence ------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_unit_attaches_evidence_and_the_office_sees_it_when_deciding(client, world, education):
    client.force_login(world.people["liaison"])
    url = reverse("reporting:extension_request", kwargs={"assignment_id": education.pk})
    data = {"period": world.period.pk, "requested_due": "2025-04-30", "reason": "系统升级。"}
    data["file"] = SimpleUploadedFile("情况说明.png", PDF)  # named for its real type
    assert "延期申请已提交" in client.post(url, data, follow=True).content.decode()
    extension = Extension.objects.get()
    assert (extension.original_name, extension.content_type) == ("情况说明.pdf", "application/pdf")
    assert "情况说明" not in extension.file.name  # stored under a name of ours
    entry = _audit(extension, "extension_request").get()
    assert entry.changes["original_name"] == "情况说明.pdf"
    assert "附佐证材料" in Notification.objects.get(event="extension_requested").body
    download = reverse("reporting:extension_file", kwargs={"extension_id": extension.pk})
    report_page = reverse(
        "reporting:report",
        kwargs={"assignment_id": education.pk, "period_id": world.period.pk},
    )
    assert download in client.get(report_page).content.decode()

    client.force_login(world.people["office"])
    assert download in client.get(reverse("workspace:todo")).content.decode()
    response = client.get(download)
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    client.force_login(world.people["outsider"])
    assert client.get(download).status_code == 404


def test_a_file_that_is_not_evidence_is_refused_and_nothing_is_asked(client, world, education):
    client.force_login(world.people["liaison"])
    url = reverse("reporting:extension_request", kwargs={"assignment_id": education.pk})
    data = {"period": world.period.pk, "requested_due": "2025-04-30", "reason": "系统升级。"}
    data["file"] = SimpleUploadedFile("说明.pdf", b"MZ\x90\x00 not a document")
    response = client.post(url, data, follow=True)
    assert not Extension.objects.exists()
    assert not AuditEntry.objects.filter(action="extension_request").exists()
    [message] = [str(m) for m in response.context["messages"]]
    assert "延期申请已提交" not in message and message


def test_without_a_file_there_is_nothing_to_download(client, world, education):
    extension = extensions.request(
        education, world.period, world.people["liaison"], date(2025, 4, 30), "理由"
    )
    client.force_login(world.people["office"])
    url = reverse("reporting:extension_file", kwargs={"extension_id": extension.pk})
    assert client.get(url).status_code == 404
