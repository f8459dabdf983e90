"""Generating a year of periods: from which date, no overdue periods unless the office
asks for 补报 ones, and a preview of what each unit will owe before anything is created."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.plans.models import Assignment
from taizhang.reporting import periods
from taizhang.reporting.models import Period

TODAY = date(2025, 8, 20)  # Q2 2025 was due 2025-07-14; Q3 is due 2025-10-21


def test_past_due_periods_are_not_created(world):
    created = periods.create_year(
        world.people["office"], world.plan, 2025, "quarterly", 10, today=TODAY
    )
    assert [p.name for p in created] == ["2025年第三季度", "2025年第四季度"]


def test_catch_up_periods_only_when_asked(world):
    created = periods.create_year(
        world.people["office"], world.plan, 2025, "quarterly", 10, catch_up=True, today=TODAY
    )
    assert len(created) == 4


def test_periods_ending_before_the_start_date_are_not_created(world):
    created = periods.create_year(
        world.people["office"],
        world.plan,
        2025,
        "quarterly",
        10,
        starts_from=date(2025, 10, 1),
        catch_up=True,
        today=TODAY,
    )
    assert [p.name for p in created] == ["2025年第四季度"]


def test_nothing_left_to_create_is_refused(world):
    with pytest.raises(ValidationError, match="没有需要创建的报送周期"):
        periods.create_year(world.people["office"], world.plan, 2024, "yearly", 10, today=TODAY)
    assert not AuditEntry.objects.filter(object_type="period").exists()


def test_the_preview_counts_what_each_unit_will_owe(world):
    planned = periods.plan_year(
        world.plan, 2025, "quarterly", 10, date(2025, 1, 1), TODAY, catch_up=True
    )
    assert [p.fate for p in planned.periods] == ["catch_up", "catch_up", "create", "create"]
    owed = {name: (per, total, overdue) for name, per, total, overdue in planned.owed}
    # 州司法局, 州教育局, 甲县人民政府 carry measure 1; 州公安局 measure 2: one item a period
    assert owed == dict.fromkeys(("州司法局", "州教育局", "甲县人民政府", "州公安局"), (1, 4, 2))
    assert planned.total == 16


def test_the_preview_leaves_out_archived_measures_and_ended_assignments(world):
    world.second.withdrawn = True
    world.second.save()
    Assignment.objects.filter(unit=world.education).update(ended_at="2025-01-01T00:00Z")
    planned = periods.plan_year(world.plan, 2025, "quarterly", 10, date(2025, 1, 1), TODAY)
    assert {name for name, *_ in planned.owed} == {"州司法局", "甲县人民政府"}
    assert planned.total == 2 * 2


def test_the_page_previews_then_creates(client, world):
    client.force_login(world.people["office"])
    year = date.today().year + 1
    data = {
        "plan": world.plan.pk,
        "year": year,
        "kind": "quarterly",
        "due_working_days": 10,
        "starts_from": f"{year}-01-01",
    }
    url = reverse("reporting:period_year")
    page = client.post(url, data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "将创建 4 个周期" in text and "各单位将新增的应报事项（共 16 项）" in text
    assert not Period.objects.filter(plan=world.plan, name__startswith=str(year)).exists()
    response = client.post(url, {**data, "catch_up": "False", "confirmed": "True"})
    assert response.status_code == 302
    assert Period.objects.filter(plan=world.plan, name__startswith=str(year)).count() == 4
