"""A measure the office adds by hand is numbered after the plan's last measure in force, and
the 督办事项 are numbered on after it, as a revision numbers them; archiving and restoring a
measure ask the same rule, and a restored measure never takes a number already in use."""

from __future__ import annotations

import datetime
import io
import re

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.plans import editing, importing
from taizhang.plans.models import AuditAction, Measure
from tests import factories as f
from tests.factories import supervised_item
from tests.plans.test_import_revisions import ORIGINAL

# six measures; the office archives 5 and 6, so four are in force
SIX = ORIGINAL + (
    "5.建立法治督察工作制度，每年开展一次专项督察。〔牵头单位：州司法局〕\n"
    "6.完善行政执法协调监督工作体系。〔牵头单位：州司法局〕\n"
)
NUMBER = r'title="查看任务详情">(\d+)</a>'


@pytest.fixture
def plan(world):
    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", SIX.encode())
    plan = importing.confirm(staged, office, {})
    for measure in Measure.objects.filter(plan=plan, number__in=[5, 6]):
        editing.archive_measure(measure, office, measure.version, "重复任务")
    return plan


@pytest.fixture
def items(world, plan):
    first = supervised_item(world, plan)
    second = supervised_item(world, plan, text="开展道路交通安全专项整治。")
    assert (first.number, second.number) == (5, 6)  # after the four in force
    return first, second


def add_on_the_page(office, world, plan):
    url = reverse("editing:measure_add", kwargs={"plan_id": plan.pk})
    form = {"text": "健全公共法律服务评价机制。", "reason": "州委会议新增"}
    form["lead_units"] = [world.education.pk]
    response = office.post(url, form)
    assert response.status_code == 302, response.content.decode()
    return Measure.objects.filter(plan=plan, source__isnull=True).latest("pk")


def test_a_hand_added_measure_comes_after_those_in_force_and_the_items_after_it(
    client, office, world, plan, items
):
    f.PeriodFactory(plan=plan, second_quarter=True)
    added = add_on_the_page(office, world, plan)
    assert added.number == 5  # not 7, after the archived and the items
    first, second = items
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.number, second.number) == (6, 7)
    live = Measure.objects.filter(plan=plan, withdrawn=False).order_by("position")
    assert list(live.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6, 7]
    assert list(live.values_list("pk", flat=True))[4:] == [added.pk, first.pk, second.pk]

    page = office.get(reverse("ledger:ledger", kwargs={"plan_id": plan.pk})).content.decode()
    assert re.findall(NUMBER, page) == ["1", "2", "3", "4", "5", "6", "7"]
    export = office.get(reverse("ledger:export", kwargs={"plan_id": plan.pk}))
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert [c for c in cells if isinstance(c, int)] == [1, 2, 3, 4, 5, 6, 7]

    client.force_login(world.people["liaison"])  # 州教育局: leads the new one, carries the items
    with time_machine.travel(datetime.datetime(2025, 6, 1, 10), tick=False):
        due = client.get(reverse("workspace:todo")).context["todo"].due
    measure_of = [item.assignment.measure for item in due if item.period.plan_id == plan.pk]
    owed = {m.pk: m.number for m in measure_of}  # measure 1 too, which it carries
    assert owed.items() >= {added.pk: 5, first.pk: 6, second.pk: 7}.items()

    logged = AuditEntry.objects.get(action=AuditAction.ADD_MEASURE, object_id=str(added.pk))
    assert logged.changes["number"] == [None, 5]
    assert logged.changes["adhoc_renumbered"] == "任务5→6、任务6→7"


def test_a_number_a_measure_in_force_carries_is_refused(office, plan, items):
    url = reverse("editing:measure_add", kwargs={"plan_id": plan.pk})
    form = {"text": "健全公共法律服务评价机制。", "reason": "补录", "number": 3}
    page = office.post(url, form).content.decode()
    assert "序号3已有在用的任务" in page
    assert not Measure.objects.filter(plan=plan, text="健全公共法律服务评价机制。").exists()


def test_archiving_and_restoring_ask_the_same_rule(office, world, plan, items):
    person = world.people["office"]
    first, second = items
    fourth = Measure.objects.get(plan=plan, number=4)
    editing.archive_measure(fourth, person, fourth.version, "与任务3重复")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.number, second.number) == (4, 5)  # no gap before the items
    logged = AuditEntry.objects.get(action=AuditAction.ARCHIVE_MEASURE, object_id=str(fourth.pk))
    assert logged.changes["adhoc_renumbered"] == "任务5→4、任务6→5"

    # restored, it takes its number back, the items after it again
    fourth.refresh_from_db()
    editing.restore_measure(fourth, person, fourth.version, "误归档")
    fourth.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (fourth.number, first.number, second.number) == (4, 5, 6)

    # measure 5 was archived; a hand-added measure took 5 since: restored, 5 is not given
    # twice, it is numbered after the last in force
    chapter = plan.chapters.get()
    added = editing.add_measure(
        plan,
        person,
        "补录",
        chapter=chapter,
        text="健全公共法律服务评价机制。",
        lead_units=[world.police],
    )
    assert added.number == 5
    fifth = Measure.all_objects.get(plan=plan, number=5, withdrawn=True, source__isnull=True)
    url = reverse("editing:measure_restore", kwargs={"measure_id": fifth.pk})
    assert "原序号已被在用任务占用的，接续最后一项在用任务编号" in office.get(url).content.decode()
    office.post(url, {"version": fifth.version, "reason": "误归档"})
    fifth.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (added.number, fifth.number, first.number, second.number) == (5, 6, 7, 8)
    live = Measure.objects.filter(plan=plan, withdrawn=False)
    numbers = list(live.values_list("number", flat=True))
    assert sorted(numbers) == list(range(1, 9))
    logged = AuditEntry.objects.get(action=AuditAction.RESTORE_MEASURE, object_id=str(fifth.pk))
    assert logged.changes["number"] == [5, 6]
    assert logged.changes["adhoc_renumbered"] == "任务6→7、任务7→8"
    page = office.get(reverse("ledger:ledger", kwargs={"plan_id": plan.pk})).content.decode()
    assert re.findall(NUMBER, page) == ["1", "2", "3", "4", "5", "6", "7", "8"]
