"""The preview page runs the same number of queries for 3 measures or 120."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.plans import importing


def plan_text(measures: int) -> str:
    """A plan with ``measures`` measures, each naming a unit of its own (unknown to the
    directory), a known unit, a collective, and a numbering gap every tenth measure."""
    lines = ["测试州综合治理实施方案(2023—2025年)", "一、总体要求", "二、主要任务"]
    number = 0
    for i in range(measures):
        if i % 20 == 0:
            lines.append(f"（{'一二三四五六七八九十'[i // 20 % 10]}）第{i // 20 + 1}组任务")
        number += 2 if i % 10 == 9 else 1
        lines.append(
            f"{number}.开展第{i + 1}项专项治理工作，到2025年覆盖率达到{50 + i % 40}%以上。"
            f"〔牵头单位：州第{i + 1}工作局；责任单位：州司法局，各县(市)〕"
        )
    return "\n".join(lines) + "\n"


def preview_url(world, text: str, revises=None) -> str:
    staged = importing.stage(
        world.organisation,
        world.people["office"],
        world.home,
        "plan.txt",
        text.encode(),
        revises=revises,
    )
    return reverse("plans:import_preview", kwargs={"import_id": staged.pk})


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_large_plan_really_is_large(world):
    text = plan_text(120)
    document = importing.stage(
        world.organisation, world.people["office"], world.home, "p.txt", text.encode()
    ).document
    assert len(document["tasks"]) == 120
    assert len(importing.attribution_names(document)) == 121
    assert document["diagnostics"]


def test_preview_queries_do_not_grow_with_the_plan(client, world, django_assert_num_queries):
    client.force_login(world.people["office"])
    small = count_queries(client, preview_url(world, plan_text(3)))
    large_url = preview_url(world, plan_text(120))
    with django_assert_num_queries(small):
        client.get(large_url)


def test_revision_preview_queries_do_not_grow_with_the_plan(
    client, world, django_assert_num_queries
):
    office = world.people["office"]
    client.force_login(office)
    plans = []
    for size in (3, 120):
        staged = importing.stage(
            world.organisation, office, world.home, f"{size}.txt", plan_text(size).encode()
        )
        plans.append(importing.confirm(staged, office, {}))
    revised = {size: plan_text(size).replace("专项治理", "综合治理") for size in (3, 120)}
    small = count_queries(client, preview_url(world, revised[3], revises=plans[0]))
    large_url = preview_url(world, revised[120], revises=plans[1])
    with django_assert_num_queries(small):
        client.get(large_url)
