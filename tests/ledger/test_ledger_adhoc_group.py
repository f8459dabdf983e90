"""The office's 督办事项 (a measure with a source and no chapter) stand under a group row of
their own after the last chapter, on the ledger page (which is also its print view) and in
its export, and a tab of their own filters them; a measure with no chapter that is not a
督办事项 keeps standing where it is, under no heading."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from taizhang.plans.grouping import ADHOC_GROUP, group_of
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def chaptered(world):
    """Both measures of the plan in its one chapter, then a 督办事项 (number 3)."""
    chapter = f.ChapterFactory(plan=world.plan, number="一", title="主要任务")
    for measure in (world.first, world.second):
        measure.chapter = chapter
        measure.save()
    world.chapter = chapter
    world.item = f.supervised_item(world, world.plan)
    return world


def ledger(client, world, **query):
    client.force_login(world.people["office"])
    response = client.get(reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk}), query)
    assert response.status_code == 200
    return response


def layout(response) -> list:
    """Group labels and measure numbers, in the order the page shows them."""
    return [
        item.measure.number if hasattr(item, "measure") else item.label
        for item in response.context["items"]
    ]


def test_items_stand_under_their_own_group_after_the_last_chapter(client, chaptered):
    response = ledger(client, chaptered)
    assert layout(response) == ["一、主要任务", 1, 2, "督办事项（1项）", 3]
    html = response.content.decode()
    assert html.index("督办事项（1项）") < html.index("开展校园周边治安秩序专项整治")


def test_a_tab_lists_the_items_apart(client, chaptered):
    tabs = ledger(client, chaptered).context["tabs"]
    assert [(tab["label"], tab["count"]) for tab in tabs] == [
        ("全部", 3),
        ("一、主要任务", 2),
        ("督办事项", 1),
    ]
    response = ledger(client, chaptered, chapter=ADHOC_GROUP)
    assert layout(response) == ["督办事项（1项）", 3]
    assert [tab["label"] for tab in response.context["tabs"] if tab["active"]] == ["督办事项"]
    assert layout(ledger(client, chaptered, chapter=chaptered.chapter.pk)) == [
        "一、主要任务",
        1,
        2,
    ]


def test_the_group_counts_the_items_shown(client, chaptered):
    f.supervised_item(chaptered, chaptered.plan, text="开展道路交通安全专项整治。")
    assert layout(ledger(client, chaptered))[-3:] == ["督办事项（2项）", 3, 4]
    assert layout(ledger(client, chaptered, q="道路交通")) == ["督办事项（1项）", 4]


def test_the_export_has_the_same_group(client, chaptered):
    client.force_login(chaptered.people["office"])
    response = client.get(reverse("ledger:export", kwargs={"plan_id": chaptered.plan.pk}))
    sheet = load_workbook(io.BytesIO(response.content))["任务台账"]
    column = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert column == ["一、主要任务", 1, 2, "督办事项（1项）", 3]
    response = client.get(
        reverse("ledger:export", kwargs={"plan_id": chaptered.plan.pk}), {"chapter": ADHOC_GROUP}
    )
    sheet = load_workbook(io.BytesIO(response.content))["任务台账"]
    assert [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)] == [
        "督办事项（1项）",
        3,
    ]


def test_measures_without_a_chapter_that_are_not_items_keep_no_heading(client, world):
    response = ledger(client, world)
    assert layout(response) == [1, 2]
    assert [tab["label"] for tab in response.context["tabs"]] == ["全部"]
    f.supervised_item(world, world.plan)
    assert layout(ledger(client, world)) == [1, 2, "督办事项（1项）", 3]


def test_a_measure_before_the_first_chapter_stays_before_it(client, chaptered):
    chaptered.first.chapter = None
    chaptered.first.save()
    assert layout(ledger(client, chaptered)) == [1, "一、主要任务", 2, "督办事项（1项）", 3]


def test_one_place_says_which_group(chaptered):
    assert group_of(chaptered.first) == chaptered.chapter.pk
    assert group_of(chaptered.item) == ADHOC_GROUP
    chaptered.first.chapter = None
    assert group_of(chaptered.first) is None


def test_an_unknown_group_is_dropped_with_a_note(client, chaptered):
    response = ledger(client, chaptered, chapter="other")
    assert layout(response) == ["一、主要任务", 1, 2, "督办事项（1项）", 3]
    assert "筛选条件无效" in response.content.decode()
