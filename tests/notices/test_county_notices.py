"""A county office urges its own units on its own plan, with its own 文号; the prefecture
office does not urge on a county's plan."""

import datetime

import pytest
from django.urls import reverse

from taizhang.notices import services
from tests import factories as f

TODAY = datetime.date(2025, 6, 30)


@pytest.fixture
def county_plan(world):
    plan = f.PlanFactory(organisation=world.organisation, region=world.county, parent=world.plan)
    measure = f.MeasureFactory(plan=plan, number=1, deadline=datetime.date(2025, 3, 31))
    f.AssignmentFactory(measure=measure, unit=world.county_government, role="lead")
    f.PeriodFactory(plan=plan)  # due 2025-04-10: nothing filed, so the unit is late
    return plan


def test_a_county_notice_carries_the_countys_own_number_and_signature(world, county_plan):
    notice = services.issue(
        world.county_government,
        county_plan,
        world.people["county"],
        TODAY,
        "reminder",
        "关于报送任务进展的提醒",
        "请及时报送。",
    )
    assert notice.issuer == world.county
    assert notice.number == "甲县依法治县办督〔2025〕1号"
    text = services.document_text(notice)
    assert text.signature == "甲县委依法治县办"
    prefecture_number = services.next_number(world.organisation, 2025)
    assert prefecture_number.endswith("督〔2025〕1号")  # the office's own sequence is apart
    assert not prefecture_number.startswith("甲县")


def test_the_county_office_opens_the_notice_form_on_its_own_plan_only(client, world, county_plan):
    client.force_login(world.people["county"])
    own = reverse(
        "notices:create",
        kwargs={"plan_id": county_plan.pk, "unit_id": world.county_government.pk},
    )
    assert client.get(own).status_code == 200
    prefecture = reverse(
        "notices:create", kwargs={"plan_id": world.plan.pk, "unit_id": world.county_government.pk}
    )
    assert client.get(prefecture).status_code == 403


def test_the_prefecture_office_does_not_urge_on_a_county_plan(client, world, county_plan):
    client.force_login(world.people["office"])
    url = reverse(
        "notices:create",
        kwargs={"plan_id": county_plan.pk, "unit_id": world.county_government.pk},
    )
    assert client.get(url).status_code == 403
