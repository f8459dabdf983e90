"""A new name that is the full form of a unit already in the directory (市发展改革委 in
tests/parsing/documents/d04_daqi_table beside 市发改委), or its short form, is hinted in the
preview as the same unit; never chosen for the office."""

from __future__ import annotations

from types import SimpleNamespace

from taizhang.plans.import_forms import unit_abbreviations
from taizhang.plans.models import PlanImport
from tests.factories import UnitFactory
from tests.plans.test_import_flow import confirm_url, upload


def _units(*names):
    return [SimpleNamespace(name=name) for name in names]


def test_a_full_name_and_a_short_one_in_the_directory():
    found = unit_abbreviations(
        ["市发展改革委", "市人社局", "市司法局法律援助中心", "区发展改革委"],
        _units("市发改委", "市人力资源和社会保障局", "市司法局"),
    )
    assert found == {"市发展改革委": "市发改委", "市人社局": "市人力资源和社会保障局"}


PLAN = """测试州法治建设工作方案

一、主要任务
1.开展宪法宣传周活动。〔牵头单位：州发展改革委；责任单位：州司法局〕
"""


def test_the_preview_hints_the_directory_s_short_form(office, world):
    UnitFactory(organisation=world.organisation, region=world.home, name="州发改委")
    upload(office, world, PLAN)
    response = office.get(confirm_url(PlanImport.objects.get()))
    [row] = response.context["name_rows"]
    assert (row["choice"].name, row["abbreviates_unit"]) == ("州发展改革委", "州发改委")
    assert row["unit"].value() is None  # a hint: nothing chosen
    assert "可能与名录中的“州发改委”为同一单位" in response.content.decode()
