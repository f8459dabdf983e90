"""The board's 按篇章 view and its chapter filter list the office's 督办事项 as a group of
their own, 督办事项, after the last chapter (plans.grouping, as the ledger and the public
page), in SQL for the missing reports as in late_items for everything."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from taizhang.plans import adhoc
from taizhang.supervision.overdue import late_items
from tests import factories as f

pytestmark = pytest.mark.django_db
AFTER_DUE = date(2025, 4, 20)


@pytest.fixture
def chaptered(world, pages_not_kept):
    """Both measures in one chapter, a 督办事项 added before the world's period was due."""
    chapter = f.ChapterFactory(plan=world.plan, number="一", title="主要任务")
    for measure in (world.first, world.second):
        measure.chapter = chapter
        measure.save()
    world.chapter_label = "一、主要任务"
    world.item = adhoc.add_item(
        world.plan, world.people["office"], f.adhoc_item(world), date(2025, 3, 1)
    )
    return world


def board(client, world, query=""):
    client.force_login(world.people["office"])
    url = reverse("supervision:board", kwargs={"plan_id": world.plan.pk}) + query
    with time_machine.travel(AFTER_DUE, tick=False):
        response = client.get(url)
    assert response.status_code == 200
    return response


def item_late(world):
    return [
        i
        for i in late_items(world.organisation, AFTER_DUE, world.plan)
        if i.measure_id == world.item.pk
    ]


def test_late_items_of_an_item_stand_in_its_group(chaptered):
    late = item_late(chaptered)
    assert late
    assert {i.group for i in late} == {"督办事项"}
    assert {i.chapter for i in late} == {""}  # the chapter itself stays as it is


def test_the_chapter_view_lists_the_items_as_a_group(client, chaptered):
    groups = board(client, chaptered, "?view=chapter").context["groups"]
    by_name = {g.name: g.total for g in groups}
    assert by_name["督办事项"] == len(item_late(chaptered))
    assert "未分篇章" not in by_name
    html = board(client, chaptered, "?view=chapter").content.decode()
    assert "督办事项" in html


def test_the_chapter_filter_offers_the_items_after_the_last_chapter(client, chaptered):
    response = board(client, chaptered, "?view=chapter")
    assert response.context["chapters"][-1] == "督办事项"
    assert chaptered.chapter_label in response.context["chapters"]


@pytest.mark.parametrize("view", ["list", "chapter", "unit"])
def test_the_chapter_filter_keeps_the_items(client, chaptered, view):
    response = board(client, chaptered, f"?view={view}&chapter=督办事项")
    if view == "list":
        shown = response.context["page"].items
    else:
        shown = [i for g in response.context["groups"] for i in g.items]
        assert sum(g.total for g in response.context["groups"]) == len(item_late(chaptered))
    assert shown
    assert {i.measure_id for i in shown} == {chaptered.item.pk}
    assert response.context["total"] == len(item_late(chaptered))
