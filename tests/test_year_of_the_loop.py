"""A year of the closed loop, with the clock moved through 2025 and every step taken on the
page a person would use, every outcome read where a person would read it:

- February: 甲县人民政府, carried into measure 1 by the collective 各县(市), declares it does
  not concern it (不涉及); the office approves: the county owes nothing for it;
- April: 州教育局 misses its first-quarter report; the office issues an urging notice, the
  unit signs, files the report and answers (反馈), the office closes the notice (办结);
- July: 州教育局 asks for its second-quarter report to be due later (延期申请, with a
  reason); the office approves; the report, filed after the quarter's due date and before
  the approved one, is on time on the report page, on the board and in the assessment;
- August: 州司法局 applies to close measure 1 (办结申请), the office confirms (销号): the
  third quarter asks no report on it.

The world's periods: 2025 Q1 (due 10 April) and Q2, Q3 below."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from taizhang.assessment.facts import gather
from taizhang.audit.models import AuditEntry
from taizhang.notices.models import UrgeNotice
from taizhang.plans.models import Assignment, Exemption
from taizhang.reporting import services, status
from taizhang.reporting.models import Closure, Extension, ProgressReport
from taizhang.supervision.overdue import late_items
from taizhang.workspace.todo import todo_for
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def on(day: date, hour: int = 10):
    return time_machine.travel(timezone.make_aware(datetime.combine(day, time(hour))), tick=False)


def post(client, person, name, data=None, **kwargs):
    client.force_login(person)
    response = client.post(reverse(name, kwargs=kwargs), data or {})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def get(client, person, name, **kwargs):
    client.force_login(person)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    return response


def file(assignment, period, person) -> ProgressReport:
    report = services.start_report(assignment, period)
    data = {"status": "in_progress", "narrative": "已按计划推进，形成阶段性成果。"}
    return services.file_report(assignment, period, person, data, report.version, submit_after=True)


def late(world, day: date, unit, period) -> list:
    """The board's late items for the unit's report of ``period``."""
    return [
        item
        for item in late_items(world.organisation, day, world.plan)
        if item.unit_id == unit.pk
        and item.kind == "report_overdue"
        and item.detail.startswith(period.name)
    ]


def test_a_year_of_the_loop(client, world):
    office, liaison = world.people["office"], world.people["liaison"]
    county, reviewer = world.people["county"], world.people["reviewer"]
    q1 = world.period
    q2 = f.PeriodFactory(plan=world.plan, second_quarter=True)
    q3 = f.PeriodFactory(
        plan=world.plan, name="2025年第三季度", starts_on=date(2025, 7, 1),
        ends_on=date(2025, 9, 30), due_on=date(2025, 10, 15),
    )  # fmt: skip
    education = Assignment.objects.get(measure=world.first, unit=world.education)
    carried = Assignment.objects.get(measure=world.first, unit=world.county_government)
    carried.via = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    carried.save()

    # -- February: 不涉及 --------------------------------------------------------------------
    with on(date(2025, 2, 10)):
        post(client, county, "exemptions:request", {"reason": "本县无此项职能。"},
             assignment_id=carried.pk)  # fmt: skip
    exemption = Exemption.objects.get()
    with on(date(2025, 2, 12)):
        assert exemption in todo_for(office, date(2025, 2, 12)).exemptions
        post(client, office, "exemptions:decide", {"decision": "approve"},
             exemption_id=exemption.pk)  # fmt: skip
    with on(date(2025, 4, 1)):
        todo = get(client, county, "workspace:todo").context["todo"]
        assert all(item.assignment.pk != carried.pk for item in todo.due)
    # The county owes nothing for measure 1: not late on the board, not owed in any count.
    assert late(world, date(2025, 4, 20), world.county_government, q1) == []
    owing = Assignment.objects.owing().filter(measure__plan=world.plan)
    table = status.timeliness(owing, [q1], date(2025, 4, 20))
    assert (world.county_government.pk, q1.pk) not in table

    # -- April: an urging notice, signed, answered, closed -------------------------------------
    assert len(late(world, date(2025, 4, 20), world.education, q1)) == 1
    with on(date(2025, 4, 21)):
        create = {"plan_id": world.plan.pk, "unit_id": world.education.pk}
        draft = get(client, office, "notices:create", **create).context["draft"]
        data = {"level": draft.level, "title": draft.title, "body": draft.body}
        post(client, office, "notices:create", {**data, "items": [i["key"] for i in draft.items]},
             **create)  # fmt: skip
    notice = UrgeNotice.objects.get(unit=world.education)
    with on(date(2025, 4, 22)):
        assert [n.pk for n in todo_for(liaison, date(2025, 4, 22)).notices] == [notice.pk]
        post(client, liaison, "notices:sign", notice_id=notice.pk)
    with on(date(2025, 4, 23)):
        file(education, q1, liaison)
        post(client, liaison, "notices:answer", {"text": "已补报第一季度进展报告。"},
             notice_id=notice.pk)  # fmt: skip
    with on(date(2025, 4, 24)):
        assert [n.pk for n in todo_for(office, date(2025, 4, 24)).notices_to_settle] == [notice.pk]
        post(client, office, "notices:close", {"comment": "已整改。"}, notice_id=notice.pk)
        page = get(client, liaison, "notices:detail", notice_id=notice.pk).content.decode()
    notice.refresh_from_db()
    assert notice.state == UrgeNotice.State.CLOSED and notice.signed_by == liaison
    assert "已办结" in page
    assert todo_for(liaison, date(2025, 4, 24)).notices == []
    assert late(world, date(2025, 4, 24), world.education, q1) == []
    for action in ("urge", "sign", "answer", "close"):
        assert AuditEntry.objects.filter(action=action, object_id=str(notice.pk)).exists()

    # -- July: 延期申请 approved; the report filed after the due date is on time --------------
    with on(date(2025, 7, 3)):
        post(
            client, liaison, "reporting:extension_request",
            {"period": q2.pk, "requested_due": "2025-07-25", "reason": "数据需经主管部门核对。"},
            assignment_id=education.pk,
        )  # fmt: skip
    extension = Extension.objects.get()
    with on(date(2025, 7, 4)):
        post(client, office, "reporting:extension_decide", {"decision": "approve"},
             extension_id=extension.pk)  # fmt: skip
    # Past the quarter's due date, before the approved one: not late, not missing.
    with on(date(2025, 7, 15)):
        board = get(client, office, "supervision:board", plan_id=world.plan.pk)
        assert late(world, date(2025, 7, 15), world.education, q2) == []
        todo = todo_for(liaison, date(2025, 7, 15))
        [owed] = [i for i in todo.due if i.period.pk == q2.pk and i.assignment.pk == education.pk]
        assert owed.due_on == date(2025, 7, 25) and not owed.overdue
    missing_before = board.context["reports"].missing
    with on(date(2025, 7, 18)):
        report = file(education, q2, liaison)
    assert report.first_submitted_at.date() > q2.due_on
    with on(date(2025, 7, 30)):
        page = get(
            client, liaison, "reporting:report", assignment_id=education.pk, period_id=q2.pk
        ).content.decode()
        board = get(client, office, "supervision:board", plan_id=world.plan.pk)
    assert "经批准延期至 2025年7月25日" in page and "按时报送" in page and "逾期报送" not in page
    assert board.context["reports"].missing == missing_before  # nothing became missing
    education_q2 = status.timeliness(owing, [q2], date(2025, 7, 30))[world.education.pk, q2.pk]
    assert (education_q2.on_time, education_q2.late, education_q2.missing) == (1, 0, 0)
    scheme = f.SchemeFactory(plan=world.plan, year=2025)
    units, _counties = gather(scheme, [], date(2025, 7, 30))
    [facts] = [u.facts for u in units if u.id == world.education.pk]
    # Q1 filed late (after the notice), Q2 on time by the approved date.
    assert (facts.reports_on_time, facts.reports_late, facts.reports_missing) == (1, 1, 0)

    # -- August: 办结申请 and 销号; the next quarter asks nothing of the measure ----------------
    with on(date(2025, 8, 20)):
        post(client, reviewer, "reporting:closure_apply", {"summary": "任务已全部完成。"},
             measure_id=world.first.pk)  # fmt: skip
    closure = Closure.objects.get()
    with on(date(2025, 8, 22)):
        assert closure in todo_for(office, date(2025, 8, 22)).closures_to_settle
        post(client, office, "reporting:closure_confirm", closure_id=closure.pk)
    with on(date(2025, 10, 1)):
        todo = get(client, liaison, "workspace:todo").context["todo"]
        assert all(item.period.pk != q3.pk for item in todo.due)
    assert late(world, date(2025, 10, 20), world.education, q3) == []
    education_q3 = status.timeliness(owing, [q3], date(2025, 10, 20))[world.education.pk, q3.pk]
    assert education_q3.expected == 0
    assert status.progress(world.plan, date(2025, 10, 20)).measures[world.first.pk] == "done"
    # measure 2 (州公安局) is still asked, and late
    assert len(late(world, date(2025, 10, 20), world.police, q3)) == 1
    for action in ("exemption_approve", "extension_approve", "closure_confirm"):
        assert AuditEntry.objects.filter(action=action, actor=office).exists()
