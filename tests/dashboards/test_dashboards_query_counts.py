"""The dashboard costs the same number of queries for a small plan as for a large one, with
the real target-progress implementation behind the heat map."""

from __future__ import annotations

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.dashboards.conftest import build_plan


def _queries(client, url_name, plan) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(url_name, kwargs={"plan_id": plan.pk}))
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_name", ["dashboards:plan", "dashboards:plan_export"])
def test_query_count_does_not_grow_with_the_plan(client, world, url_name):
    small = build_plan(world, measures=2, units=3, periods=1)
    large = build_plan(world, measures=12, units=9, periods=4)
    client.force_login(world.people["office"])
    with time_machine.travel("2024-08-01", tick=False):
        small_count = _queries(client, url_name, small)
        large_count = _queries(client, url_name, large)
    assert large_count == small_count


def test_dashboard_stays_within_its_query_budget(client, world, django_assert_max_num_queries):
    plan = build_plan(world, measures=12, units=9, periods=4)
    client.force_login(world.people["leader"])
    # 42: with one to learn whether county plans roll up to it and one for approved 延期.
    with time_machine.travel("2024-08-01", tick=False), django_assert_max_num_queries(42):
        client.get(reverse("dashboards:plan", kwargs={"plan_id": plan.pk}))


def test_query_count_does_not_grow_with_the_plan_years(client, world):
    """The heat map assesses the targets at the end of every year the plan has run: a plan
    begun three years earlier costs the same queries."""
    from taizhang.plans.models import Plan

    short = build_plan(world, measures=3, units=3, periods=1)
    long = build_plan(world, measures=3, units=3, periods=1)
    Plan.objects.filter(pk=long.pk).update(start_year=2019)
    client.force_login(world.people["office"])
    with time_machine.travel("2024-08-01", tick=False):
        assert _queries(client, "dashboards:plan", long) == _queries(
            client, "dashboards:plan", short
        )
