"""督办事项 are numbered on after the plan's last measure, and renumbered so when a revision
adds measures: the ledger, its export and the to-dos never show two items of one number."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from taizhang.notifications.models import Notification
from taizhang.plans import importing
from taizhang.plans.models import Measure
from tests.factories import supervised_item
from tests.plans.test_import_revisions import HEAD, ORIGINAL, REVISED, stage_revision

ADDED = REVISED + (
    "5.新增一项任务，完善工作机制。〔牵头单位：州司法局〕\n"
    "6.再增一项任务，健全考核办法。〔牵头单位：州司法局〕\n"
)


@pytest.fixture
def item(world, plan):
    return supervised_item(world, plan)


@pytest.fixture
def plan(world):
    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", ORIGINAL.encode())
    return importing.confirm(staged, office, {})


def test_an_item_is_numbered_on_after_the_revised_plans_last_measure(world, plan, item):
    assert item.number == 5
    importing.confirm(stage_revision(world, plan, ADDED), world.people["office"], {})
    item.refresh_from_db()
    assert item.number == 7
    live = Measure.objects.filter(plan=plan, withdrawn=False).order_by("position")
    numbers = list(live.values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6, 7]


def test_the_ledger_and_its_export_show_each_number_once(office, world, plan, item):
    importing.confirm(stage_revision(world, plan, ADDED), world.people["office"], {})
    page = office.get(reverse("ledger:ledger", kwargs={"plan_id": plan.pk})).content.decode()
    numbers = re.findall(r'title="查看任务详情">(\d+)</a>', page)
    assert sorted(numbers) == ["1", "2", "3", "4", "5", "6", "7"]
    export = office.get(reverse("ledger:export", kwargs={"plan_id": plan.pk}))
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]]
    assert len(cells) == len(set(cells))


# measures 3 and 4 dropped: two in force, two withdrawn
DROPPED = HEAD + "".join(line + "\n" for line in ORIGINAL.splitlines()[2:4])


def test_an_item_added_after_a_revision_that_dropped_measures_follows_those_in_force(
    client, office, world, plan
):
    importing.confirm(stage_revision(world, plan, DROPPED), world.people["office"], {})
    assert plan.measures.filter(withdrawn=True).count() == 2
    item = supervised_item(world, plan)
    assert item.number == 3  # not 5, after the two withdrawn
    second = supervised_item(world, plan, text="开展道路交通安全专项整治。")
    assert second.number == 4

    page = office.get(reverse("ledger:ledger", kwargs={"plan_id": plan.pk})).content.decode()
    assert sorted(re.findall(r'title="查看任务详情">(\d+)</a>', page)) == ["1", "2", "3", "4"]
    export = office.get(reverse("ledger:export", kwargs={"plan_id": plan.pk}))
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert sorted(c for c in cells if isinstance(c, int)) == [1, 2, 3, 4]
    client.force_login(world.people["liaison"])  # 州教育局, responsible for both items
    mine = reverse("ledger:my_responsibilities", kwargs={"plan_id": plan.pk})
    listed = client.get(mine, follow=True).content.decode()
    assert "开展校园周边治安秩序专项整治" in listed
    assert {"3", "4"} <= set(re.findall(r'title="查看任务详情">(\d+)</a>', listed))
    told = Notification.objects.filter(key__startswith=f"adhoc_assigned:{item.pk}:").first()
    assert "（任务3）" in told.body

    # a later revision numbers them as they were added
    importing.confirm(stage_revision(world, plan, DROPPED), world.people["office"], {})
    item.refresh_from_db()
    second.refresh_from_db()
    assert (item.number, second.number) == (3, 4)
