"""Ad-hoc 督办事项 (plans/adhoc.py): the office adds a leader's instruction or a meeting's
decision to a plan as a measure of its own; it is reported on, supervised and counted as
every measure is, from the first period due after it was added (ADHOC_RULE)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.notifications.models import Channel, Delivery
from taizhang.plans import adhoc
from taizhang.plans.models import Assignment, Measure
from taizhang.reporting import status
from taizhang.supervision.overdue import late_items
from tests import factories as f

ADDED = datetime.date(2025, 4, 21)  # after the world's first quarter fell due (04-10)


def item(world, **changes) -> adhoc.Item:
    return f.adhoc_item(world, **({"responsible": [world.education, world.police]} | changes))


def add(world, **changes) -> Measure:
    return adhoc.add_item(world.plan, world.people["office"], item(world, **changes), ADDED)


def test_the_office_adds_an_item_as_a_measure_of_the_plan(world):
    measure = add(world)
    assert (measure.plan, measure.number, measure.deadline_text) == (
        world.plan,
        3,
        "2025年6月30日前",
    )
    roles = set(measure.assignments.values_list("unit__name", "role"))
    assert roles == {("州公安局", "lead"), ("州教育局", "responsible")}
    assert measure.attribution_raw == "牵头单位：州公安局；责任单位：州教育局"
    assert (measure.source.kind, measure.source.added_on) == ("instruction", ADDED)
    [entry] = AuditEntry.objects.filter(action="add_adhoc", object_id=str(measure.pk))
    assert entry.reason == "领导批示：州委主要领导批示件（州委办批〔2025〕15号）"
    assert entry.organisation_id == world.organisation.pk
    told = Delivery.objects.filter(
        recipient=world.people["liaison"],
        channel=Channel.IN_APP,
        notification__event="adhoc_assigned",
    )
    assert told.count() == 1


@pytest.mark.parametrize("role", ["liaison", "reviewer", "leader", "county", "outsider"])
def test_only_the_office_adds_items(world, role):
    with pytest.raises(PermissionDenied):
        adhoc.add_item(world.plan, world.people[role], item(world), ADDED)
    assert not Measure.objects.filter(source__isnull=False).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "rumour"}, "请选择来源类型"),
        ({"title": " "}, "请填写来源文件或文号"),
        ({"text": ""}, "请填写批示或议定事项内容"),
        ({"lead": []}, "请至少选择一个牵头单位"),
        ({"deadline": datetime.date(2025, 1, 1)}, "不能早于批示或会议日期"),
    ],
)
def test_bad_items_are_refused(world, changes, message):
    with pytest.raises(ValidationError, match=message):
        add(world, **changes)
    assert not Measure.objects.filter(source__isnull=False).exists()


def test_a_unit_of_another_organisation_is_refused(world):
    stranger = f.UnitFactory(organisation=world.other, region=world.other_plan.region)
    with pytest.raises(ValidationError, match="不属于本地区"):
        add(world, responsible=[stranger])


def test_reports_are_owed_from_the_first_period_due_after_it_was_added(client, world):
    measure = add(world)
    q2 = f.PeriodFactory(plan=world.plan, second_quarter=True)
    # The first quarter, due before the item existed, owes nothing for it.
    late = late_items(world.organisation, datetime.date(2025, 4, 22))
    assert measure.pk not in {i.measure_id for i in late}
    carried = Assignment.objects.filter(measure__plan=world.plan, unit=world.education)
    table = status.timeliness(carried, [world.period, q2])
    assert table[world.education.pk, world.period.pk].expected == 1  # measure 1 only
    assert table[world.education.pk, q2.pk].expected == 2
    # The second quarter owes it; once that is due and missing, the board lists it.
    late = late_items(world.organisation, datetime.date(2025, 7, 15))
    assert (world.education.pk, measure.pk) in {(i.unit_id, i.measure_id) for i in late}
    client.force_login(world.people["liaison"])
    with time_machine.travel(datetime.datetime(2025, 6, 1, 10), tick=False):
        due = client.get(reverse("workspace:todo")).context["todo"].due
    # Measure 1 still owes the first quarter; the item only the second.
    assert {(i.assignment.measure_id, i.period.pk) for i in due} == {
        (world.first.pk, world.period.pk),
        (world.first.pk, q2.pk),
        (measure.pk, q2.pk),
    }


def test_the_ledger_shows_where_the_item_came_from(client, world):
    measure = add(world)
    client.force_login(world.people["leader"])
    ledger = client.get(reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk}))
    assert "领导批示" in ledger.content.decode()
    page = client.get(
        reverse("ledger:measure", kwargs={"plan_id": world.plan.pk, "measure_id": measure.pk})
    ).content.decode()
    assert "督办来源" in page and "州委办批〔2025〕15号" in page


def test_an_item_s_deadline_is_printed_once(client, world):
    # its 完成时限 is the date itself (2025年6月30日前); a parsed measure's text is not
    measure = add(world)
    client.force_login(world.people["office"])
    page = client.get(
        reverse("ledger:measure", kwargs={"plan_id": world.plan.pk, "measure_id": measure.pk})
    ).content.decode()
    assert page.count("2025年6月30日前") == 1
    parsed = Measure.objects.filter(plan=world.plan, source__isnull=True, deadline__isnull=False)
    for own in parsed:
        assert own.deadline_date_note in (
            "",
            f"（{own.deadline.year}年{own.deadline.month}月{own.deadline.day}日前）",
        )
    own = Measure(deadline_text="2025年底前", deadline=datetime.date(2025, 12, 31))
    assert own.deadline_date_note == "（2025年12月31日前）"


def test_the_office_adds_an_item_on_the_page(client, world):
    url = reverse("ledger:adhoc_new", kwargs={"plan_id": world.plan.pk})
    client.force_login(world.people["office"])
    assert "列入台账并交办" in client.get(url).content.decode()
    data = {
        "kind": "meeting",
        "title": "州委全面依法治州委员会第5次会议纪要",
        "issued_on": "2025-04-18",
        "text": "建立行政执法协调监督工作体系。",
        "lead": [world.justice.pk],
        "responsible": [world.police.pk],
        "deadline": "",
    }
    response = client.post(url, data)
    measure = Measure.objects.get(source__kind="meeting")
    assert response["Location"] == reverse(
        "ledger:measure", kwargs={"plan_id": world.plan.pk, "measure_id": measure.pk}
    )
    assert measure.deadline is None and measure.deadline_label == "长期坚持"

    response = client.post(url, {**data, "lead": []})
    assert response.status_code == 400
    # (the first message is the success of the post before, whose redirect was not followed)
    assert [str(m) for m in response.context["messages"]][-1] == "请至少选择一个牵头单位。"
