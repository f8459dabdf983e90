"""A unit the import creates gets the level its name says (区人社局 and 县司法局 county,
镇人民政府 township), shown in the preview's 层级 select before the confirm and changeable
there; a name that says no level stays at the home's."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

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
