"""A unit the import creates gets the level its name says (区人社局 and 县司法局 county,
镇人民政府 township), shown in the preview's 层级 select before the confirm and changeable
there; a name that says no level stays at the home's."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from taizhang.plans.models import PlanImport
from taizhang.units.models import Unit
from taizhang.units.services import level_of_name
from tests.plans.test_import_flow import confirm_url, upload

PLAN = """测试州法治建设工作方案

一、主要任务
1.开展宪法宣传周活动。〔牵头单位：区人社局；责任单位：县司法局、镇人民政府、州民政局〕
2.加强人民调解工作。〔牵头单位：州法律援助中心〕
"""


@pytest.mark.parametrize(
    ("name", "home", "level"),
    [
        ("区人社局", "银川市", "county"),
        ("县司法局", "黔南州", "county"),
        ("镇人民政府", "黔南州", "township"),
        ("街道办事处", "银川市", "township"),
        ("州司法局", "黔南州", "prefecture"),
        ("市人社局", "银川市", "prefecture"),  # a city's own bureau
        ("市人社局", "黔南州", "county"),  # a county-level city's, in a prefecture
        ("长顺县司法局", "黔南州", "county"),
        ("经开区管委会", "银川市", None),  # a zone, not a district
        ("银川市公安局", "银川市", None),  # the home itself: its own level
        ("人民法院", "银川市", None),
        ("市场监管局", "银川市", None),
    ],
)
def test_the_level_a_name_says(name, home, level):
    assert level_of_name(name, SimpleNamespace(name=home)) == level


@pytest.fixture
def staged(office, world):
    upload(office, world, PLAN)
    return PlanImport.objects.get()


def test_the_preview_drafts_each_new_unit_at_the_level_its_name_says(office, staged):
    rows = office.get(confirm_url(staged)).context["name_rows"]
    drafted = {row["choice"].name: row["level"].value() for row in rows}
    assert drafted == {
        "区人社局": "county",
        "县司法局": "county",
        "镇人民政府": "township",
        "州民政局": "prefecture",
        "州法律援助中心": "prefecture",
    }


def test_the_confirm_creates_them_so_and_the_office_may_change_one(office, staged, world):
    rows = office.get(confirm_url(staged)).context["name_rows"]
    index = next(i for i, row in enumerate(rows) if row["choice"].name == "县司法局")
    office.post(confirm_url(staged), {f"n{index}-level": "prefecture"})
    levels = dict(Unit.objects.filter(organisation=world.organisation).values_list("name", "level"))
    assert levels["区人社局"] == "county"
    assert levels["镇人民政府"] == "township"
    assert levels["州民政局"] == "prefecture"
    assert levels["县司法局"] == "prefecture"  # the office's choice


COUNTY_NAMED = """测试州法治建设工作方案

一、主要任务
1.开展宪法宣传周活动。〔牵头单位：三都县公安局；责任单位：甲县教育局、区人社局〕
"""


@pytest.fixture
def county_named(office, world):
    from tests import factories as f

    world.sandu = f.CountyFactory(organisation=world.organisation, name="三都水族自治县")
    upload(office, world, COUNTY_NAMED)
    return PlanImport.objects.get()


def test_a_new_unit_naming_a_county_is_drafted_in_that_county(office, world, county_named):
    rows = office.get(confirm_url(county_named)).context["name_rows"]
    drafted = {r["choice"].name: (r["level"].value(), r["region"].value()) for r in rows}
    assert drafted["三都县公安局"] == ("county", world.sandu.pk)  # short name + 县
    assert drafted["甲县教育局"] == ("county", world.county.pk)  # full name
    assert drafted["区人社局"] == ("county", world.home.pk)  # says no county: the office picks
    needs = {r["choice"].name for r in rows if r["needs_county"]}
    assert needs == {"区人社局"}
    page = office.get(confirm_url(county_named)).content.decode()
    assert page.count("名称未写明哪个县(市、区)") == 1

    office.post(confirm_url(county_named), {})
    assert Unit.objects.get(name="三都县公安局").region == world.sandu


def test_the_office_chooses_the_county_of_a_new_unit_in_the_preview(
    office, world, county_named, client
):
    rows = office.get(confirm_url(county_named)).context["name_rows"]
    index = next(i for i, row in enumerate(rows) if row["choice"].name == "区人社局")
    choices = dict(rows[index]["region"].field.choices)
    assert world.county.pk in choices and world.sandu.pk in choices
    office.post(confirm_url(county_named), {f"n{index}-region": world.county.pk})
    unit = Unit.objects.get(name="区人社局")
    assert (unit.region, unit.level) == (world.county, "county")
    # the county's office sees it in its directory
    client.force_login(world.people["county"])
    assert "区人社局" in client.get(reverse("directory:directory")).content.decode()
