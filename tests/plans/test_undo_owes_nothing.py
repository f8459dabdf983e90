"""What the office undoes owes nothing: an archived measure, an ended assignment and an
archived plan leave the liaison's to-do; restored, they come back."""

from __future__ import annotations

from datetime import date

from taizhang.plans import editing
from taizhang.workspace.todo import todo_for

TODAY = date(2025, 4, 2)  # the world's period: 2025 Q1, due 2025-04-10


def owed(world) -> list[int]:
    return [item.assignment.measure_id for item in todo_for(world.people["liaison"], TODAY).due]


def test_an_archived_measure_owes_nothing(world):
    office = world.people["office"]
    assert owed(world) == [world.first.pk]
    editing.archive_measure(world.first, office, 1, "重复任务")
    assert owed(world) == []
    editing.restore_measure(world.first, office, 2, "误归档")
    assert owed(world) == [world.first.pk]


def test_a_unit_taken_off_a_measure_owes_nothing(world):
    editing.set_measure_units(
        world.first, world.people["office"], 1, "调整", lead_units=[world.justice]
    )
    assert owed(world) == []


def test_an_archived_plan_owes_nothing(world):
    office = world.people["office"]
    editing.archive_plan(world.plan, office, "重复导入")
    assert owed(world) == []
    editing.restore_plan(world.plan, office, "恢复")
    assert owed(world) == [world.first.pk]


def test_an_archived_plan_leaves_the_api(client, world):
    from django.urls import reverse

    client.force_login(world.people["office"])
    url = reverse("api:measure-list")
    assert len(client.get(url).json()["results"]) == 2
    editing.archive_plan(world.plan, world.people["office"], "重复导入")
    assert client.get(url).json()["results"] == []
