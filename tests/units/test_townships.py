"""A county office keeps its own county's units, townships and villages included, and a
collective naming every township (各镇（街道）) means the county's townships in its plan."""

import pytest
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.plans import assignments
from taizhang.plans.models import Assignment, MeasureCollective
from taizhang.units import services as directory
from taizhang.units.models import Unit
from tests import factories as f


def _township(world, name, actor=None, region=None, parent=None):
    draft = directory.UnitDraft(
        name, "government", "township", region or world.county, parent or world.county_government
    )
    return assignments.create_unit(world.organisation, draft, actor or world.people["county"])


def test_the_level_phrases_are_read_folded():
    assert directory.level_of_phrase("各镇（街道）") == "township"
    assert directory.level_of_phrase("各乡镇 (街道)") == "township"
    assert directory.level_of_phrase("各村（社区）") == "village"
    assert directory.level_of_phrase("各县(市)") is None  # the office's choice


def test_a_county_office_adds_a_township_of_its_county_audited(world):
    town = _township(world, "甲镇人民政府")
    assert (town.level, town.region, town.parent) == (
        "township",
        world.county,
        world.county_government,
    )
    entry = AuditEntry.objects.get(object_type="unit", object_id=str(town.pk), action="create")
    assert entry.changes["parent"] == "甲县人民政府"


def test_a_county_office_may_not_add_a_unit_elsewhere(world):
    other = f.CountyFactory(organisation=world.organisation, name="乙县")
    with pytest.raises(directory.DirectoryError, match="只能管理本县"):
        _township(world, "乙镇人民政府", region=other)
    draft = directory.UnitDraft("甲县某局", "government", "prefecture", world.county)
    with pytest.raises(directory.DirectoryError, match="县级、乡镇"):
        directory.create_unit(world.organisation, draft, world.people["county"])
    with pytest.raises(directory.DirectoryError, match="只能管理本县"):
        directory.update_unit(world.education, world.people["county"], level="county")
    assert not Unit.objects.filter(name="乙镇人民政府").exists()


def test_a_unit_cannot_be_its_own_ancestor(world):
    town = _township(world, "甲镇人民政府")
    with pytest.raises(directory.DirectoryError, match="上级单位不能"):
        directory.update_unit(world.county_government, world.people["office"], parent=town)


def test_a_township_collective_in_a_county_plan_means_that_countys_townships(world):
    other = f.CountyFactory(organisation=world.organisation, name="乙县")
    other_government = f.UnitFactory(
        organisation=world.organisation, region=other, name="乙县人民政府", level="county"
    )
    first_town = _township(world, "甲镇人民政府")
    _township(
        world, "乙镇人民政府", actor=world.people["office"], region=other, parent=other_government
    )
    office = world.people["county"]
    collective = directory.get_or_create_collective(world.organisation, "各镇（街道）", office)
    assert collective.members.count() == 2  # every township of the organisation
    plan = f.PlanFactory(organisation=world.organisation, region=world.county, parent=world.plan)
    measure = f.MeasureFactory(plan=plan, number=1)
    assignments.set_units(measure, [world.county_government], [], [], [collective])
    carried = set(Assignment.objects.filter(measure=measure).values_list("unit__name", flat=True))
    assert carried == {"甲县人民政府", "甲镇人民政府"}  # not 乙县's township
    # a township added later takes the measure on at once
    second_town = _township(world, "甲县城关街道办事处")
    assert Assignment.objects.filter(measure=measure, unit=second_town, via=collective).exists()
    assert first_town in collective.members.all()
    assert MeasureCollective.objects.filter(measure=measure, collective=collective).exists()


# -- pages ---------------------------------------------------------------------------------


def test_the_county_office_lists_only_its_countys_units(client, world):
    _township(world, "甲镇人民政府")
    client.force_login(world.people["county"])
    page = client.get(reverse("directory:directory")).content.decode()
    assert "甲镇人民政府" in page and "甲县人民政府" in page
    assert "州教育局" not in page
    assert "统称定义" not in page  # what a collective means is the office's


def test_the_county_office_adds_a_village_under_a_township_on_the_page(client, world):
    town = _township(world, "甲镇人民政府")
    client.force_login(world.people["county"])
    form = client.get(reverse("directory:unit_create")).content.decode()
    assert "州(市)级" not in form  # only its county's levels are offered
    response = client.post(
        reverse("directory:unit_create"),
        {
            "name": "甲镇某村民委员会",
            "category": "other",
            "level": "village",
            "region": world.county.pk,
            "parent": town.pk,
        },
    )
    village = Unit.objects.get(name="甲镇某村民委员会")
    assert response.status_code == 302
    assert (village.level, village.parent) == ("village", town)
    refused = client.post(
        reverse("directory:unit_create"),
        {
            "name": "州某局",
            "category": "other",
            "level": "township",
            "region": world.home.pk,
        },
    )
    assert refused.status_code == 200
    assert not Unit.objects.filter(name="州某局").exists()


def test_the_county_office_cannot_change_a_prefecture_unit(client, world):
    client.force_login(world.people["county"])
    url = reverse("directory:unit_update", kwargs={"unit_id": world.education.pk})
    response = client.post(url, {"category": "other", "level": "county", "region": world.county.pk})
    assert response.status_code == 403
    world.education.refresh_from_db()
    assert world.education.category != "other"
