"""A plan's progress through the API: completion by the groups every page shows a plan's
measures in (plans.grouping), with the dashboard's counts."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from taizhang.dashboards.figures import compute
from taizhang.dashboards.rows import plan_rows
from taizhang.plans.models import Assignment
from tests import factories as f


@pytest.fixture
def grouped(world):
    """The world's plan in two chapters, made in the reverse of their order: 三 holds
    measure 1, 二 holds measure 3 (done: its lead's report accepted); measure 2 stands under
    no chapter, and the office adds a 督办事项 (no chapter either)."""
    plan = world.plan
    third = f.ChapterFactory(plan=plan, number="三", title="健全社会领域制度规范", position=2)
    second = f.ChapterFactory(plan=plan, number="二", title="增强全社会法治观念", position=1)
    world.first.chapter = third
    world.first.save()
    done = f.MeasureFactory(plan=plan, number=3, position=3, chapter=second)
    lead = f.AssignmentFactory(measure=done, unit=world.justice, role=Assignment.Role.LEAD)
    f.ReportFactory(assignment=lead, period=world.period, state="accepted", status="done")
    f.supervised_item(world, plan)
    return second, third


def progress(api, world):
    url = reverse("api:plan-progress", kwargs={"plan_id": world.plan.pk})
    response = api("office").get(url)
    assert response.status_code == 200
    return response.json()


def test_completion_by_group_names_each_group_in_the_plans_order(api, world, grouped):
    # 督办事项 once counted under chapter null with the measures under no chapter.
    second, third = grouped
    assert progress(api, world)["chapters"] == [
        {
            "group": str(second.pk),
            "label": "二、增强全社会法治观念",
            "chapter": second.pk,
            "done": 1,
            "total": 1,
            "rate": 100.0,
        },
        {
            "group": str(third.pk),
            "label": "三、健全社会领域制度规范",
            "chapter": third.pk,
            "done": 0,
            "total": 1,
            "rate": 0.0,
        },
        {
            "group": "adhoc",
            "label": "督办事项",
            "chapter": None,
            "done": 0,
            "total": 1,
            "rate": 0.0,
        },
        {"group": "none", "label": "未分章节", "chapter": None, "done": 0, "total": 1, "rate": 0.0},
    ]


def test_completion_by_group_agrees_with_the_dashboard(api, world, grouped):
    figures = compute(plan_rows(world.plan, timezone.localdate()))
    dashboard = [
        (c.label, c.total, c.statuses["done"], c.completion_rate) for c in figures.chapters
    ]
    api_groups = [
        (g["label"], g["total"], g["done"], g["rate"]) for g in progress(api, world)["chapters"]
    ]
    assert api_groups == dashboard
    assert [label for label, *_ in dashboard][-2:] == ["督办事项", "未分章节"]


def test_a_plan_without_chapters_has_one_group(api, world):
    assert progress(api, world)["chapters"] == [
        {"group": "none", "label": "未分章节", "chapter": None, "done": 0, "total": 2, "rate": 0.0}
    ]
