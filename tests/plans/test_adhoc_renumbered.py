"""The units of a 督办事项 whose number the numbering rule (plans/adhoc.py ``renumber``)
changed are told its new number: the 交办 message they keep says 任务5, and the item is
任务7 after a revision or a measure added by hand. A restored measure stands where its
number says: the ledger and its export read by position."""

from __future__ import annotations

import datetime
import io
import re
from types import SimpleNamespace

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.notifications.models import Channel, Delivery, Notification
from taizhang.plans import editing, importing
from taizhang.plans.models import AuditAction, Measure
from taizhang.reporting.services import report_label
from tests import factories as f
from tests.factories import supervised_item
from tests.plans.test_adhoc_numbers import ADDED
from tests.plans.test_import_revisions import ORIGINAL, stage_revision

NUMBER = r'title="查看任务详情">(\d+)</a>'
CHAPTERED = (
    "测试州法治督察实施方案(2023—2025年)\n"
    "一、健全法治宣传教育制度\n"
    "1.开展宪法宣传周活动，组织机关干部学习宪法。〔牵头单位：州司法局；责任单位：州教育局、州公安局〕\n"
    "2.推进法治乡村建设，到2025年民主法治示范村比例达到50%以上。〔牵头单位：州民政局〕\n"
    "二、强化公共法律服务保障\n"
    "3.完善公共法律服务体系，建成覆盖城乡的服务网络。〔牵头单位：州法律援助中心〕\n"
    "4.加强人民调解组织建设，规范调解工作流程。〔牵头单位：州司法局〕\n"
)


def imported(world, text):
    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", text.encode())
    return importing.confirm(staged, office, {})


@pytest.fixture
def plan(world):
    return imported(world, ORIGINAL)


@pytest.fixture
def items(world, plan):
    """Two items of two units each: 州公安局 leads the first (州教育局 carries it), 州司法局
    the second (州公安局 carries it)."""
    first = supervised_item(world, plan)
    second = supervised_item(
        world,
        plan,
        text="开展道路交通安全专项整治。",
        lead=[world.justice],
        responsible=[world.police],
    )
    assert (first.number, second.number) == (5, 6)
    return first, second


def renumbered(**filters):
    return Notification.objects.filter(event="adhoc_renumbered", **filters).order_by("pk")


def inbox(user):
    return [
        d.notification
        for d in Delivery.objects.filter(
            recipient=user, channel=Channel.IN_APP, notification__event="adhoc_renumbered"
        )
        .select_related("notification")
        .order_by("pk")
    ]


def keys_of(measure):
    return set(
        renumbered(key__startswith=f"adhoc_renumbered:{measure.pk}:").values_list("key", flat=True)
    )


def test_a_revision_that_moves_two_items_tells_each_of_their_units(world, plan, items):
    first, second = items
    importing.confirm(stage_revision(world, plan, ADDED), world.people["office"], {})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.number, second.number) == (7, 8)

    # one message per unit and change, the new number in its key
    police, education, justice = world.police.pk, world.education.pk, world.justice.pk
    assert keys_of(first) == {
        f"adhoc_renumbered:{first.pk}:1:7:{police}",
        f"adhoc_renumbered:{first.pk}:1:7:{education}",
    }
    assert keys_of(second) == {
        f"adhoc_renumbered:{second.pk}:1:8:{justice}",
        f"adhoc_renumbered:{second.pk}:1:8:{police}",
    }
    (message,) = inbox(world.people["liaison"])  # 州教育局 carries the first
    assert message.title == "督办事项编号调整：原任务5现为任务7"
    assert "州委主要领导批示件（州委办批〔2025〕15号）" in message.body
    assert "交州教育局办理的督办事项（原任务5）现为任务7" in message.body
    assert "报送进展时请按新编号（任务7）查找和填报" in message.body
    assert message.link == reverse(
        "ledger:measure", kwargs={"plan_id": plan.pk, "measure_id": first.pk}
    )
    (message,) = inbox(world.people["reviewer"])  # 州司法局 leads the second
    assert "（原任务6）现为任务8" in message.body

    [entry] = AuditEntry.objects.filter(action=AuditAction.REVISE, object_id=str(plan.pk))
    assert entry.changes["adhoc_renumbered"] == "任务5→7、任务6→8"

    # the same revision again moves nothing and tells nothing
    importing.confirm(stage_revision(world, plan, ADDED), world.people["office"], {})
    assert renumbered().count() == 4


def test_a_hand_added_measure_tells_the_items_units_and_the_todo_shows_the_new_number(
    client, world, plan, items
):
    first, second = items
    f.PeriodFactory(plan=plan, second_quarter=True)
    added = editing.add_measure(
        plan,
        world.people["office"],
        "州委会议新增",
        text="健全公共法律服务评价机制。",
        lead_units=[world.justice],
    )
    assert added.number == 5
    assert keys_of(first) == {
        f"adhoc_renumbered:{first.pk}:1:6:{world.police.pk}",
        f"adhoc_renumbered:{first.pk}:1:6:{world.education.pk}",
    }
    assert len(keys_of(second)) == 2
    (message,) = inbox(world.people["liaison"])
    assert "（原任务5）现为任务6" in message.body

    # the to-do the message sends the unit back to prints the item's number in force
    client.force_login(world.people["liaison"])
    with time_machine.travel(datetime.datetime(2025, 6, 1, 10), tick=False):
        page = client.get(reverse("workspace:todo")).content.decode()
    row = re.search(
        r'<td class="no" data-label="序号">(\d+)</td>\s*<td data-label="任务内容">开展校园周边',
        page,
    )
    assert row is not None and row.group(1) == "6"


def test_each_change_is_told_even_back_to_a_number_told_before(world, plan, items):
    """Archived, restored, archived again: 5→4, 4→5, 5→4, and the third is told too."""
    first, _ = items
    office = world.people["office"]
    fourth = Measure.objects.get(plan=plan, number=4)
    for write in (editing.archive_measure, editing.restore_measure, editing.archive_measure):
        fourth.refresh_from_db()
        write(fourth, office, fourth.version, "核对")
    bodies = [n.body for n in inbox(world.people["liaison"])]
    assert [re.search(r"（原任务\d+）现为任务\d+", b).group() for b in bodies] == [
        "（原任务5）现为任务4",
        "（原任务4）现为任务5",
        "（原任务5）现为任务4",
    ]
    assert len(keys_of(first)) == 6  # three changes, two units


def test_a_withdrawn_item_s_units_are_told_nothing(world, plan, items):
    first, second = items
    office = world.people["office"]
    editing.archive_measure(first, office, first.version, "已办结，不再督办")
    # the second closes the gap the first leaves (6→5), its units told; the first keeps 5
    importing.confirm(stage_revision(world, plan, ADDED), office, {})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.withdrawn and (first.number, second.number) == (5, 7)
    assert not keys_of(first)
    assert keys_of(second) == {
        f"adhoc_renumbered:{second.pk}:{change}:{number}:{unit.pk}"
        for change, number in ((1, 5), (2, 7))
        for unit in (world.justice, world.police)
    }
    assert not inbox(world.people["liaison"])  # 州教育局 carries only the withdrawn one


def test_a_restored_measure_numbered_after_the_last_closes_its_chapter_in_the_ledger(office, world):
    """任务2 of the first chapter is archived and its number given to a measure added by
    hand; restored, it is 任务5 and closes its own chapter (after the new 任务2, before
    任务3), in the ledger and its export, and each chapter's heading is printed once."""
    plan = imported(world, CHAPTERED)
    first = supervised_item(world, plan)
    person = world.people["office"]
    second = Measure.objects.get(plan=plan, number=2)
    editing.archive_measure(second, person, second.version, "误录")
    chapter = plan.chapters.order_by("position").first()
    editing.add_measure(
        plan,
        person,
        "替换任务2",
        chapter=chapter,
        number=2,
        text="推进法治乡村建设提质增效。",
        lead_units=[world.justice],
    )
    url = reverse("editing:measure_restore", kwargs={"measure_id": second.pk})
    second.refresh_from_db()
    assert office.post(url, {"version": second.version, "reason": "误归档"}).status_code == 302
    second.refresh_from_db()
    first.refresh_from_db()
    assert (second.number, second.chapter, first.number) == (5, chapter, 6)

    live = Measure.objects.filter(plan=plan, withdrawn=False).order_by("position", "pk")
    assert list(live.values_list("number", flat=True)) == [1, 2, 5, 3, 4, 6]
    page = office.get(reverse("ledger:ledger", kwargs={"plan_id": plan.pk})).content.decode()
    assert re.findall(NUMBER, page) == ["1", "2", "5", "3", "4", "6"]
    headings = re.findall(r'<tr class="group [^"]*"><td colspan="6">([^<]*)</td>', page)
    assert len(headings) == len(set(headings)) == 3  # 一、二、督办事项
    export = office.get(reverse("ledger:export", kwargs={"plan_id": plan.pk}))
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert [c for c in cells if isinstance(c, int)] == [1, 2, 5, 3, 4, 6]
    # the item moved once, when the measure was restored before it
    (message,) = inbox(world.people["liaison"])
    assert "（原任务5）现为任务6" in message.body


def test_a_restored_measure_keeping_its_number_stands_in_its_place(world):
    plan = imported(world, CHAPTERED)
    person = world.people["office"]
    second = Measure.objects.get(plan=plan, number=2)
    editing.archive_measure(second, person, second.version, "误录")
    second.refresh_from_db()
    editing.restore_measure(second, person, second.version, "误归档")
    live = Measure.objects.filter(plan=plan, withdrawn=False).order_by("position", "pk")
    assert list(live.values_list("number", flat=True)) == [1, 2, 3, 4]


def test_withdrawing_the_middle_of_three_items_closes_the_gap_and_tells_the_third_s_units(
    office, world, plan, items
):
    """Items in force are numbered without a gap after the plan's own measures, as an
    office numbers its 督办事项: the middle of 任务5, 6, 7 withdrawn, the third is 任务6
    and its units are told; the withdrawn item keeps 6 for the record and is listed as
    原任务6（已撤回）, and the next item added is 任务7."""
    first, second = items
    third = supervised_item(
        world, plan, text="开展食品安全专项检查。", lead=[world.justice], responsible=[]
    )
    assert third.number == 7
    person = world.people["office"]
    editing.archive_measure(second, person, second.version, "已办结，不再督办")
    for measure in (first, second, third):
        measure.refresh_from_db()
    assert (first.number, second.number, third.number) == (5, 6, 6)
    assert second.withdrawn and not third.withdrawn
    live = Measure.objects.filter(plan=plan, withdrawn=False).order_by("position", "pk")
    assert list(live.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]

    # the third's unit is told; the first's and the withdrawn one's are not
    assert not keys_of(first) and not keys_of(second)
    assert keys_of(third) == {f"adhoc_renumbered:{third.pk}:1:6:{world.justice.pk}"}
    (message,) = inbox(world.people["reviewer"])  # 州司法局 leads the third
    assert message.title == "督办事项编号调整：原任务7现为任务6"
    [entry] = AuditEntry.objects.filter(
        action=AuditAction.ARCHIVE_MEASURE, object_id=str(second.pk)
    )
    assert entry.changes["adhoc_renumbered"] == "任务7→6"

    # the ledger prints each number in force once; the archive lists the withdrawn item
    page = office.get(reverse("ledger:ledger", kwargs={"plan_id": plan.pk})).content.decode()
    assert re.findall(NUMBER, page) == ["1", "2", "3", "4", "5", "6"]
    url = reverse("editing:archived_measures", kwargs={"plan_id": plan.pk})
    assert "原任务6（已撤回）" in office.get(url).content.decode()
    restore = reverse("editing:measure_restore", kwargs={"measure_id": second.pk})
    assert "原任务6（已撤回）：恢复任务" in office.get(restore).content.decode()
    # a report on it is named by its record number, not the 任务6 now in force
    assignment = second.assignments.first()
    period = SimpleNamespace(name="2025年第三季度")
    assert report_label(assignment, period).startswith("原任务6（已撤回）（")
    assert report_label(third.assignments.first(), period).startswith("任务6（")

    # the next item follows the last in force
    fourth = supervised_item(world, plan, text="开展安全生产大检查。", lead=[world.justice])
    assert fourth.number == 7

    # restored, the withdrawn item takes its place again: 5, 6, 7, 8
    second.refresh_from_db()
    editing.restore_measure(second, person, second.version, "误撤回")
    numbers = [m.number for m in (first, second, third, fourth) if not m.refresh_from_db()]
    assert numbers == [5, 6, 7, 8]
