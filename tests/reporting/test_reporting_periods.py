"""The office sets reporting periods; due dates as dates or working days; all audited."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.reporting import periods
from taizhang.reporting.models import Period


def test_a_year_of_quarters_is_due_ten_working_days_after_each_quarter(world):
    created = periods.create_year(
        world.people["office"], world.plan, 2025, "quarterly", 10, catch_up=True
    )
    assert [(p.name, p.starts_on, p.ends_on, p.due_on) for p in created] == [
        ("2025年第一季度", date(2025, 1, 1), date(2025, 3, 31), date(2025, 4, 15)),
        ("2025年第二季度", date(2025, 4, 1), date(2025, 6, 30), date(2025, 7, 14)),
        ("2025年第三季度", date(2025, 7, 1), date(2025, 9, 30), date(2025, 10, 21)),
        ("2025年第四季度", date(2025, 10, 1), date(2025, 12, 31), date(2026, 1, 15)),
    ]
    assert {p.due_rule for p in created} == {"期末后10个工作日"}


def test_a_year_of_months_has_twelve_periods_ending_on_the_last_day(world):
    created = periods.create_year(
        world.people["office"], world.plan, 2024, "monthly", 5, catch_up=True
    )
    assert len(created) == 12
    assert created[1].ends_on == date(2024, 2, 29)


def test_creating_a_year_twice_is_refused_and_creates_nothing(world):
    periods.create_year(world.people["office"], world.plan, 2025, "half_yearly", 10, catch_up=True)
    with pytest.raises(ValidationError, match="已存在"):
        periods.create_year(
            world.people["office"], world.plan, 2025, "half_yearly", 10, catch_up=True
        )
    assert Period.objects.filter(plan=world.plan, kind="half_yearly").count() == 2


def test_creating_a_period_is_audited(world):
    period = periods.create_period(
        world.people["office"],
        world.plan,
        "2025年度",
        "yearly",
        date(2025, 1, 1),
        date(2025, 12, 31),
        periods.Due(on=date(2026, 1, 20)),
    )
    entry = AuditEntry.objects.get(object_type="period", object_id=str(period.pk))
    assert entry.action == "create" and entry.changes["due_on"] == "2026-01-20"


def test_a_due_date_before_the_period_ends_is_refused(world):
    with pytest.raises(ValidationError, match="不能早于周期结束日期"):
        periods.create_period(
            world.people["office"],
            world.plan,
            "2025年度",
            "yearly",
            date(2025, 1, 1),
            date(2025, 12, 31),
            periods.Due(on=date(2025, 12, 1)),
        )


def test_the_office_creates_one_period_with_working_days_through_the_page(client, world):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("reporting:periods"),
        {
            "plan": world.plan.pk,
            "name": "2025年前三季度",
            "kind": "quarterly",
            "starts_on": "2025-01-01",
            "ends_on": "2025-09-30",
            "due_working_days": "3",
        },
    )
    assert response.status_code == 302
    assert Period.objects.get(name="2025年前三季度").due_on == date(2025, 10, 11)


def test_the_page_asks_for_a_due_date_in_chinese(client, world):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("reporting:periods"),
        {
            "plan": world.plan.pk,
            "name": "2025年度",
            "kind": "yearly",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
        },
    )
    assert response.status_code == 400
    assert "请填写截止日期，或填写期末后多少个工作日截止" in response.content.decode()


def test_the_office_generates_a_year_through_the_page(client, world):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("reporting:period_year"),
        {
            "plan": world.plan.pk,
            "year": 2025,
            "kind": "quarterly",
            "due_working_days": 10,
            "starts_from": "2025-01-01",
            "catch_up": "True",  # 2025 is past: its periods are 补报 periods
            "confirmed": "True",
        },
    )
    assert response.status_code == 302
    assert Period.objects.filter(plan=world.plan, name__endswith="季度").count() == 4


def test_the_office_cannot_create_a_period_on_another_organisations_plan(client, world):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("reporting:period_year"),
        {"plan": world.other_plan.pk, "year": 2025, "kind": "yearly"},
    )
    assert response.status_code == 400
    assert not Period.objects.filter(plan=world.other_plan).exists()


def test_editing_a_period_recomputes_the_due_date_and_is_audited(client, world):
    client.force_login(world.people["office"])
    url = reverse("reporting:period_edit", kwargs={"period_id": world.period.pk})
    response = client.post(
        url,
        {
            "name": world.period.name,
            "kind": "quarterly",
            "starts_on": "2025-01-01",
            "ends_on": "2025-03-31",
            "due_working_days": "10",
        },
    )
    assert response.status_code == 302
    world.period.refresh_from_db()
    assert world.period.due_on == date(2025, 4, 15)
    assert AuditEntry.objects.filter(object_type="period", action="update").exists()


@pytest.mark.parametrize("role", ["liaison", "reviewer", "leader"])
def test_only_the_office_may_manage_periods(client, world, role):
    client.force_login(world.people[role])
    assert client.get(reverse("reporting:periods")).status_code == 403


def test_a_county_office_sets_the_periods_of_its_own_plan_only(client, world):
    from taizhang.reporting.models import Period
    from tests.factories import PlanFactory

    county_plan = PlanFactory(
        organisation=world.organisation, region=world.county, parent=world.plan
    )
    client.force_login(world.people["county"])
    page = client.get(reverse("reporting:periods"))
    assert page.status_code == 200
    assert list(page.context["form"].fields["plan"].queryset) == [county_plan]
    assert list(page.context["periods"]) == []  # the prefecture plan's period is not its own
    year = date.today().year + 1  # a year still ahead: no period created is already due
    data = {
        "plan": world.plan.pk,
        "year": year,
        "kind": "quarterly",
        "due_working_days": 10,
        "starts_from": f"{year}-01-01",
        "confirmed": "True",
    }
    refused = client.post(reverse("reporting:period_year"), data)
    assert refused.status_code == 400
    assert not Period.objects.filter(plan=world.plan, starts_on__year=year).exists()
    client.post(reverse("reporting:period_year"), {**data, "plan": county_plan.pk})
    assert Period.objects.filter(plan=county_plan).count() == 4
    edit = reverse("reporting:period_edit", kwargs={"period_id": world.period.pk})
    assert client.get(edit).status_code == 403


def test_another_organisations_office_gets_404_for_a_period(client, world):
    client.force_login(world.people["outsider"])
    url = reverse("reporting:period_edit", kwargs={"period_id": world.period.pk})
    assert client.get(url).status_code == 404


def test_the_period_list_shows_only_the_own_organisations_periods(client, world):
    from tests.factories import PeriodFactory

    PeriodFactory(plan=world.other_plan, name="别人的周期")
    client.force_login(world.people["office"])
    page = client.get(reverse("reporting:periods")).content.decode()
    assert world.period.name in page and "别人的周期" not in page
