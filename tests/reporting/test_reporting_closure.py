"""办结 and 销号 of a measure (reporting/closing.py): who may apply, confirm, return and
reopen, from which state, what each writes, the audit entry, who is told, the refusals;
and what a closed measure means (reporting.status: 已完成, no more reports asked)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.notifications.models import Channel, Delivery
from taizhang.plans.models import Assignment, Measure
from taizhang.reporting import closing, status
from taizhang.reporting.models import Closure
from tests import factories as f

State = Closure.State
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
LATE = datetime.datetime(2025, 4, 21, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(LATE, tick=False):
        yield


def told(user, event: str) -> int:
    return Delivery.objects.filter(
        recipient=user, channel=Channel.IN_APP, notification__event=event
    ).count()


def audit(closure, action: str) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(object_type="closure", object_id=str(closure.pk), action=action)
    )


def applied(world, summary="宪法宣传活动已全部完成。", upload=None) -> Closure:
    """州司法局 (measure 1's lead unit) applies through its reviewer."""
    return closing.apply(world.first, world.people["reviewer"], summary, upload)


# -- 办结申请 ------------------------------------------------------------------------------------


def test_the_lead_unit_applies_with_evidence_and_the_office_is_told(world):
    closure = applied(world, upload=SimpleUploadedFile("总结.png", PDF))
    assert (closure.state, closure.unit, closure.original_name) == (
        State.APPLIED,
        world.justice,
        "总结.pdf",
    )
    [entry] = audit(closure, "closure_apply")
    assert entry.changes == {"state": "applied", "original_name": "总结.pdf"}
    assert entry.organisation_id == world.organisation.pk
    assert told(world.people["office"], "closure_applied") == 1


@pytest.mark.parametrize("role", ["liaison", "office", "leader", "county", "outsider"])
def test_only_the_lead_unit_applies(world, role):
    with pytest.raises(PermissionDenied):
        closing.apply(world.first, world.people[role], "已完成。")
    assert not Closure.objects.exists()


@pytest.mark.parametrize(
    ("summary", "message"), [(" ", "请填写办结情况"), ("字" * 2001, "2000字以内")]
)
def test_a_bad_application_is_refused(world, summary, message):
    with pytest.raises(ValidationError, match=message):
        applied(world, summary)
    assert not Closure.objects.exists()


def test_a_second_application_while_one_waits_is_refused(world):
    applied(world)
    with pytest.raises(ValidationError, match="请勿重复申请"):
        applied(world)
    assert Closure.objects.count() == 1


# -- 销号, 退回, 重新打开 ----------------------------------------------------------------------


def test_the_office_confirms_and_the_lead_unit_is_told(world):
    closure = closing.confirm(applied(world), world.people["office"], "同意销号。")
    assert closure.state == State.CLOSED and closure.decided_by == world.people["office"]
    assert audit(closure, "closure_confirm")[0].changes == {
        "state": ["applied", "closed"],
        "comment": "同意销号。",
    }
    assert told(world.people["reviewer"], "closure_confirmed") == 1


def test_the_office_returns_with_a_comment_and_the_unit_applies_again(world):
    closure = applied(world)
    with pytest.raises(ValidationError, match="请填写退回意见"):
        closing.send_back(closure, world.people["office"], "")
    closing.send_back(closure, world.people["office"], "请补充佐证材料。")
    closure.refresh_from_db()
    assert closure.state == State.RETURNED
    assert told(world.people["reviewer"], "closure_returned") == 1
    again = applied(world, "已补充材料。")
    assert again.state == State.APPLIED and Closure.objects.count() == 2


def test_the_office_reopens_a_closed_measure_with_a_reason(world):
    closure = closing.confirm(applied(world), world.people["office"])
    with pytest.raises(ValidationError, match="请填写重新打开的原因"):
        closing.reopen(closure, world.people["office"], "")
    closing.reopen(closure, world.people["office"], "督查发现部分县未落实。")
    closure.refresh_from_db()
    assert closure.state == State.REOPENED
    [entry] = audit(closure, "closure_reopen")
    assert entry.reason == "督查发现部分县未落实。"
    assert told(world.people["reviewer"], "closure_reopened") == 1


@pytest.mark.parametrize("step", ["confirm", "send_back", "reopen"])
@pytest.mark.parametrize("role", ["reviewer", "liaison", "leader", "outsider"])
def test_only_the_office_settles(world, step, role):
    closure = applied(world)
    with pytest.raises(PermissionDenied):
        getattr(closing, step)(closure, world.people[role], "意见")


def test_each_step_only_from_its_state(world):
    closure = applied(world)
    with pytest.raises(ValidationError, match="只有已销号的任务可以重新打开"):
        closing.reopen(closure, world.people["office"], "原因")
    closing.confirm(closure, world.people["office"])
    with pytest.raises(ValidationError, match="不在待销号状态"):
        closing.confirm(closure, world.people["office"])
    with pytest.raises(ValidationError, match="已销号"):
        applied(world)


# -- what closed means -----------------------------------------------------------------------


def test_a_closed_measure_is_done_everywhere_and_reopened_it_is_not(world):
    today = LATE.date()
    measures = Measure.objects.filter(plan=world.plan)
    assert status.measure_statuses(measures, today)[world.first.pk] != "done"
    closure = closing.confirm(applied(world), world.people["office"])
    assert status.measure_statuses(measures, today)[world.first.pk] == "done"
    own = status.assignment_statuses(Assignment.objects.filter(measure=world.first), today)
    assert set(own.values()) == {"done"}
    assert status.progress(world.plan, today).completion().done == 1
    closing.reopen(closure, world.people["office"], "重新督办。")
    assert status.measure_statuses(measures, today)[world.first.pk] != "done"


def test_a_closed_measure_asks_no_more_reports_on_the_to_do(client, world):
    client.force_login(world.people["liaison"])

    def owed():
        return [
            i.assignment.measure_id
            for i in client.get(reverse("workspace:todo")).context["todo"].due
        ]

    assert owed() == [world.first.pk]
    closing.confirm(applied(world), world.people["office"])
    assert owed() == []
    client.force_login(world.people["office"])
    board = client.get(
        reverse("supervision:board", kwargs={"plan_id": world.plan.pk}) + "?view=list"
    )
    # The first quarter fell due before the closure: its report is still missing on the
    # board, as in every count of missing reports (status.missing_reports); nothing due
    # after the closure is (tests/test_missing_one_rule.py).
    overdue = {i.measure_id for i in board.context["page"].items if i.kind == "report_overdue"}
    assert {world.first.pk, world.second.pk} <= overdue


def test_periods_due_after_the_closure_owe_nothing_for_it(world):
    closing.confirm(applied(world), world.people["office"])
    later = f.PeriodFactory(plan=world.plan, second_quarter=True)
    carried = Assignment.objects.filter(measure__plan=world.plan)
    table = status.timeliness(carried, [world.period, later])
    # The first quarter (due before the closure) still owed measure 1's reports.
    assert table[world.education.pk, world.period.pk].expected == 1
    assert table[world.education.pk, later.pk].expected == 0
    assert table[world.police.pk, later.pk].expected == 1


# -- the pages -------------------------------------------------------------------------------


def test_the_lead_unit_applies_and_the_office_confirms_on_the_page(client, world):
    page = reverse("reporting:closure", kwargs={"measure_id": world.first.pk})
    client.force_login(world.people["reviewer"])
    assert "提交办结申请" in client.get(page).content.decode()
    response = client.post(
        reverse("reporting:closure_apply", kwargs={"measure_id": world.first.pk}),
        {"summary": "已完成。", "file": SimpleUploadedFile("总结.pdf", PDF)},
    )
    assert response["Location"] == page
    closure = Closure.objects.get()

    # The county office reviews on its own plan but settles no 办结申请: on its to-do the
    # application was a 销号或退回 button it could not press.
    client.force_login(world.people["county"])
    assert client.get(reverse("workspace:todo")).context["todo"].closures_to_settle == []
    client.force_login(world.people["office"])
    assert client.get(reverse("workspace:todo")).context["todo"].closures_to_settle == [closure]
    text = client.get(page).content.decode()
    assert "销号" in text and status.CLOSED_RULE in text
    client.post(reverse("reporting:closure_confirm", kwargs={"closure_id": closure.pk}))
    closure.refresh_from_db()
    assert closure.state == State.CLOSED
    download = client.get(reverse("reporting:closure_file", kwargs={"closure_id": closure.pk}))
    assert b"".join(download.streaming_content) == PDF


def test_an_empty_application_is_refused_on_the_page(client, world):
    client.force_login(world.people["reviewer"])
    response = client.post(
        reverse("reporting:closure_apply", kwargs={"measure_id": world.first.pk}), {"summary": ""}
    )
    assert response.status_code == 400
    assert [str(m) for m in response.context["messages"]] == ["请填写办结情况。"]
