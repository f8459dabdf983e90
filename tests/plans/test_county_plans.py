"""A county runs its own plan: its county office imports it (for its own county only),
revises it and confirms its links; the prefecture office reads county plans and cannot
change them, nor a county's reports."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.accounts.models import Role
from taizhang.plans import importing
from taizhang.plans.models import Plan, PlanImport
from taizhang.units.models import Unit
from tests import factories as f

COUNTY_TEXT = (
    "甲县法治社会建设实施方案\n一、主要任务\n"
    "1.开展宪法宣传周活动。（牵头单位：县司法局；责任单位：县教育局）\n"
    "2.建设法治文化阵地。（牵头单位：县司法局）\n"
)


def upload(client, region, parent=None):
    data = {"file": SimpleUploadedFile("甲县方案.txt", COUNTY_TEXT.encode()), "region": region.pk}
    if parent is not None:
        data["parent"] = parent.pk
    return client.post(reverse("plans:import"), data)


def test_a_county_office_imports_its_own_countys_plan(client, world):
    client.force_login(world.people["county"])
    response = upload(client, world.county, parent=world.plan)
    staged = PlanImport.objects.get()
    assert response.url == reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    preview = client.get(response.url)
    assert preview.status_code == 200
    response = client.post(response.url, {})
    plan = Plan.objects.get(region=world.county)
    assert plan.parent == world.plan
    # the plan's own bodies (县司法局) are the county's, named in full
    units = {a.unit for m in plan.measures.all() for a in m.assignments.all()}
    assert {u.name for u in units} == {"甲县司法局", "甲县教育局"}
    assert {u.region_id for u in units} == {world.county.pk}


def test_a_county_office_cannot_import_for_another_region(client, world):
    other = f.CountyFactory(organisation=world.organisation, name="乙县")
    client.force_login(world.people["county"])
    for region in (other, world.home):
        response = upload(client, region)
        assert response.status_code == 200  # the form again, with its message
        assert "请选择本单位所辖的地区。" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_a_county_office_cannot_open_the_prefectures_staged_import(client, world):
    staged = importing.stage(
        world.organisation, world.people["office"], world.home, "p.txt", COUNTY_TEXT.encode()
    )
    client.force_login(world.people["county"])
    url = reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    assert client.get(url).status_code == 403
    assert (
        client.post(reverse("plans:import_abandon", kwargs={"import_id": staged.pk})).status_code
        == 403
    )
    assert PlanImport.objects.filter(pk=staged.pk).exists()


def test_a_county_plans_units_do_not_clash_with_another_countys(db):
    """Two counties' plans both say 县司法局: each is its own county's body."""
    organisation = f.OrganisationFactory()
    home = f.RegionFactory(organisation=organisation)
    plans = []
    for name in ("甲县", "乙县"):
        county = f.CountyFactory(organisation=organisation, name=name)
        office = f.UserFactory(organisation=organisation, role=Role.COUNTY_OFFICE, region=county)
        staged = importing.stage(organisation, office, county, "c.txt", COUNTY_TEXT.encode())
        plans.append(importing.confirm(staged, office, {}))
    assert set(Unit.objects.filter(organisation=organisation).values_list("name", flat=True)) == {
        "甲县司法局",
        "甲县教育局",
        "乙县司法局",
        "乙县教育局",
    }
    assert home.pk not in set(Unit.objects.values_list("region_id", flat=True))


@pytest.fixture
def county_plan(world):
    plan = f.PlanFactory(organisation=world.organisation, region=world.county, parent=world.plan)
    measure = f.MeasureFactory(plan=plan, number=1)
    f.AssignmentFactory(measure=measure, unit=world.county_government, role="lead")
    return plan


def test_a_county_office_sees_and_changes_only_its_own_countys_plan(world, county_plan):
    other_county = f.CountyFactory(organisation=world.organisation, name="乙县")
    other_plan = f.PlanFactory(organisation=world.organisation, region=other_county)
    f.MeasureFactory(plan=other_plan)
    county = world.people["county"]
    assert set(Plan.objects.for_user(county)) == {county_plan, world.plan}
    assert county.has_perm("plans.change_plan", county_plan)
    assert county.has_perm("plans.link_measures", county_plan)
    assert not county.has_perm("plans.view_plan", other_plan)
    assert not county.has_perm("plans.change_plan", other_plan)
    assert not county.has_perm("plans.change_plan", world.plan)
    # its county's units, not the prefecture's
    assert county.has_perm("units.view_unit_record", world.county_government)
    assert not county.has_perm("units.view_unit_record", world.justice)


def test_the_prefecture_office_reads_county_plans_without_changing_them(world, county_plan):
    office = world.people["office"]
    assert office.has_perm("plans.view_plan", county_plan)
    assert not office.has_perm("plans.change_plan", county_plan)
    assert not office.has_perm("plans.link_measures", county_plan)
    assert office.has_perm("plans.change_plan", world.plan)


def test_the_prefecture_office_cannot_edit_a_countys_reports(world, county_plan):
    assignment = county_plan.measures.get().assignments.get()
    report = f.ReportFactory(assignment=assignment, period=f.PeriodFactory(plan=county_plan))
    assert world.people["county"].has_perm("reporting.edit_report", report)
    assert not world.people["office"].has_perm("reporting.edit_report", report)
