"""The demo's 都匀市: its office adds its townships and 街道, and the plan's 各镇（街道）
gives each of them the measure."""

from pathlib import Path

from taizhang.accounts.models import Role
from taizhang.demo import county
from taizhang.plans import importing
from taizhang.plans.models import Assignment
from tests import factories as f

DEMO = Path(__file__).resolve().parents[2] / "demo"
PLAN = DEMO / "duyun-fazhi-shehui-2022-2025.txt"


def test_a_measure_for_every_township_reaches_each_of_duyuns_townships(db):
    organisation = f.OrganisationFactory(name="黔南州")
    f.RegionFactory(organisation=organisation, name="黔南州")
    duyun = f.CountyFactory(organisation=organisation, name="都匀市")
    f.UnitFactory(organisation=organisation, region=duyun, name="都匀市人民政府", level="county")
    office = f.UserFactory(organisation=organisation, role=Role.COUNTY_OFFICE, region=duyun)

    towns = county.add_units(organisation, duyun, office, PLAN)
    assert len(towns) == 10
    assert {t.parent.name for t in towns} == {"都匀市人民政府"}
    staged = importing.stage(organisation, office, duyun, PLAN.name, PLAN.read_bytes())
    plan = importing.confirm(staged, office, {})

    first = plan.measures.get(number=1)  # 〔…责任单位：…，各镇（街道）〕
    via = Assignment.objects.filter(measure=first, via__isnull=False)
    assert {a.unit for a in via} == set(towns)
    assert {a.via.phrase for a in via} == {"各镇（街道）"}
