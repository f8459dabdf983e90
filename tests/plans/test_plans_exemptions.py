"""不涉及: a unit carried in by a collective declares a measure does not concern it; the
office approves (it then owes no reports: to-do, reminders, missing counts, completion
denominators all skip it) or refuses with a comment."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from taizhang.audit.models import AuditEntry
from taizhang.notifications.models import Delivery, Notification
from taizhang.plans import exemptions
from taizhang.plans.models import Assignment, Exemption
from taizhang.reporting import status
from taizhang.supervision.reminders import due_reminders
from taizhang.workspace.todo import todo_for
from tests.factories import CollectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def carried(world):
    """教育局's assignment on measure 1 as if it came from the collective 各州直部门."""
    collective = CollectiveFactory(organisation=world.organisation, phrase="各州直部门")
    assignment = Assignment.objects.get(measure=world.first, unit=world.education)
    assignment.via = collective
    assignment.save()
    return assignment


def _request(client, assignment, reason="本单位不承担该项职能。"):
    url = reverse("exemptions:request", kwargs={"assignment_id": assignment.pk})
    return client.post(url, {"reason": reason}, follow=True)


def _decide(client, exemption, decision, comment=""):
    url = reverse("exemptions:decide", kwargs={"exemption_id": exemption.pk})
    return client.post(url, {"decision": decision, "comment": comment}, follow=True)


def _audit(assignment, action):
    return AuditEntry.objects.filter(
        object_type="assignment", object_id=str(assignment.pk), action=action
    )


def test_the_unit_asks_and_the_office_is_told(client, world, carried):
    client.force_login(world.people["liaison"])
    page = _request(client, carried).content.decode()
    assert "不涉及申请已提交" in page
    exemption = Exemption.objects.get()
    assert (exemption.state, exemption.requested_by) == ("pending", world.people["liaison"])
    assert _audit(carried, "exemption_request").get().reason == "本单位不承担该项职能。"
    told = Notification.objects.get(event="exemption_requested")
    assert "州教育局" in told.body and "各州直部门" in told.body
    assert Delivery.objects.filter(notification=told, recipient=world.people["office"]).exists()
    todo = todo_for(world.people["office"], date(2025, 4, 3))
    assert todo.exemptions == [exemption]
    client.force_login(world.people["office"])
    page = client.get(reverse("workspace:todo")).content.decode()
    decide = reverse("exemptions:decide", kwargs={"exemption_id": exemption.pk})
    assert decide in page and "各州直部门" in page


def test_the_office_approves_and_the_unit_owes_nothing_more(client, world, carried):
    exemption = exemptions.request(carried, world.people["liaison"], "不涉及")
    client.force_login(world.people["office"])
    assert "已同意" in _decide(client, exemption, "approve").content.decode()
    carried.refresh_from_db()
    exemption.refresh_from_db()
    assert carried.not_concerned and exemption.state == "approved"
    assert exemption.decided_by == world.people["office"]
    assert _audit(carried, "exemption_approve").get().changes == {"not_concerned": [False, True]}
    told = Notification.objects.get(event="exemption_decided")
    assert "同意" in told.title and "不再报送" in told.body
    assert Delivery.objects.filter(notification=told, recipient=world.people["liaison"]).exists()
    assert carried not in Assignment.objects.owing()


def test_refusing_needs_a_comment_and_tells_the_unit(client, world, carried):
    exemption = exemptions.request(carried, world.people["liaison"], "不涉及")
    client.force_login(world.people["office"])
    assert "不同意时请填写审批意见" in _decide(client, exemption, "refuse").content.decode()
    exemption.refresh_from_db()
    assert exemption.state == "pending"
    _decide(client, exemption, "refuse", "该任务涉及全部州直部门。")
    exemption.refresh_from_db()
    carried.refresh_from_db()
    assert exemption.state == "refused" and not carried.not_concerned
    assert _audit(carried, "exemption_refuse").get().reason == "该任务涉及全部州直部门。"
    assert "涉及全部州直部门" in Notification.objects.get(event="exemption_decided").body
    # refused: it may ask again, with better reasons
    client.force_login(world.people["liaison"])
    assert "不涉及申请已提交" in _request(client, carried).content.decode()


def test_a_unit_named_in_the_plan_cannot_declare_it(client, world):
    client.force_login(world.people["liaison"])
    assignment = Assignment.objects.get(measure=world.first, unit=world.education)
    page = _request(client, assignment).content.decode()
    assert "方案直接列名的单位" in page and not Exemption.objects.exists()


def test_twice_pending_and_deciding_twice_are_refused(world, carried):
    exemption = exemptions.request(carried, world.people["liaison"], "不涉及")
    with pytest.raises(exemptions.ExemptionRefused, match="正在等待"):
        exemptions.request(carried, world.people["liaison"], "不涉及")
    exemptions.decide(exemption, world.people["office"], True)
    with pytest.raises(ValidationError, match="已同意"):
        exemptions.decide(exemption, world.people["office"], False, "x")
    with pytest.raises(exemptions.ExemptionRefused, match="已同意本单位不涉及"):
        exemptions.request(carried, world.people["liaison"], "不涉及")


def test_an_empty_reason_is_refused(client, world, carried):
    client.force_login(world.people["liaison"])
    assert "请填写不涉及的理由" in _request(client, carried, "  ").content.decode()
    assert not Exemption.objects.exists()


@pytest.mark.parametrize("role", ["reviewer", "leader", "office"])
def test_only_the_unit_asks(client, world, carried, role):
    client.force_login(world.people[role])
    assert _request(client, carried).status_code == 403


@pytest.mark.parametrize("role", ["liaison", "reviewer", "county", "leader"])
def test_only_the_office_decides(client, world, carried, role):
    exemption = exemptions.request(carried, world.people["liaison"], "不涉及")
    client.force_login(world.people[role])
    assert _decide(client, exemption, "approve").status_code == 403
    exemption.refresh_from_db()
    assert exemption.state == "pending"


def test_over_a_year_an_approved_exemption_stops_the_unit_being_owed(world, carried):
    """Time travel over the world's period (2025 Q1, due 10 April): before the approval
    the unit is owed a report, reminded and counted missing; after it, nowhere."""
    liaison, office = world.people["liaison"], world.people["office"]

    def owed_on(day):
        moment = timezone.make_aware(datetime.combine(day, time(9)))
        with time_machine.travel(moment, tick=False):
            todo = todo_for(liaison, day)
            reminders = [r for r in due_reminders(day) if world.education in r.units]
            missing = status.timeliness(Assignment.objects.owing(), [world.period])
            plan = status.progress(world.plan, day)
        education_assignments = [
            a for a, unit in plan.unit_of.items() if unit == world.education.pk
        ]
        return (
            [i.assignment.pk for i in todo.due],
            len(reminders),
            missing.get((world.education.pk, world.period.pk)),
            education_assignments,
        )

    due, reminded, missing, counted = owed_on(date(2025, 4, 8))
    assert due == [carried.pk] and reminded == 1 and counted == [carried.pk]
    with time_machine.travel(timezone.make_aware(datetime.combine(date(2025, 4, 9), time(9)))):
        exemption = exemptions.request(carried, liaison, "本单位无此职能。")
        exemptions.decide(exemption, office, True)
    due, reminded, missing, counted = owed_on(date(2025, 4, 15))
    assert due == [] and reminded == 0 and missing is None and counted == []
    summary = todo_for(office, date(2025, 4, 15)).summaries[0]
    assert summary.expected == 3  # 司法局, 甲县人民政府 on measure 1, 公安局 on measure 2
