from types import SimpleNamespace

import pytest

from tests import factories as f


@pytest.fixture
def nest(world):
    """甲县's plan (three measures) under the organisation's plan (three measures), and
    乙县's plan (one measure)."""
    parents = [
        f.MeasureFactory(plan=world.plan, number=n, text=text)
        for n, text in (
            (3, "深入开展宪法学习宣传教育，组织宪法宣传周活动。"),
            (4, "推进民主法治示范村（社区）创建，培养法律明白人。"),
            (5, "加强律师、公证员队伍建设。"),
        )
    ]
    county_plan = f.PlanFactory(
        organisation=world.organisation, region=world.county, parent=world.plan
    )
    children = [
        f.MeasureFactory(plan=county_plan, number=n, text=text)
        for n, text in (
            (1, "组织宪法宣传周活动，开展宪法进机关、进乡村。"),
            (2, "创建民主法治示范村，每村培养法律明白人。"),
            (3, "建设县级法治文化公园。"),
        )
    ]
    second_county = f.CountyFactory(organisation=world.organisation, name="乙县")
    second_plan = f.PlanFactory(
        organisation=world.organisation, region=second_county, parent=world.plan
    )
    second_child = f.MeasureFactory(plan=second_plan, number=1, text="宪法宣传周。")
    return SimpleNamespace(
        parents=parents,
        county_plan=county_plan,
        children=children,
        second_county=second_county,
        second_plan=second_plan,
        second_child=second_child,
    )
