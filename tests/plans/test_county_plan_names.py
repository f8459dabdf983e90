"""A county's plan that names a body of the organisation's own (市司法局 in 永宁县's plan, of
银川市) drafts it as the directory names the city's units, not as a second 市司法局 of the
county; the preview shows the office the other reading (永宁县司法局) and choosing the
county creates the county's body under that name."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.plans import importing
from taizhang.plans.models import PlanImport
from taizhang.units.models import Region, Unit
from tests import factories as f

TEXT = (
    "{county}法治社会建设实施方案\n一、主要任务\n"
    "1.开展宪法宣传周活动。（牵头单位：市司法局；责任单位：县教育局）\n"
    "2.建设法治文化阵地。（牵头单位：县司法局）\n"
)


@pytest.fixture
def yinchuan(db):
    return f.county_office("银川市", "永宁县", "市")


def preview(client, county, office):
    client.force_login(office)
    text = TEXT.format(county=county.name)
    client.post(
        reverse("plans:import"),
        {"file": SimpleUploadedFile("县方案.txt", text.encode()), "region": county.pk},
    )
    staged = PlanImport.objects.get()
    url = reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    return staged, url, client.get(url)


def test_the_citys_body_is_drafted_as_the_citys(client, yinchuan):
    home, county, office = yinchuan
    staged, _, page = preview(client, county, office)
    drafts = {c.name: c.draft for c in importing.preview(staged).unknown}
    assert (drafts["市司法局"].name, drafts["市司法局"].region) == ("市司法局", home)
    assert drafts["市司法局"].level == Region.Level.PREFECTURE
    assert drafts["县司法局"].name == "永宁县司法局" and drafts["县司法局"].region == county
    text = page.content.decode()
    assert "“市司法局”按名录的写法是银川市本级的单位" in text
    assert "将新建为“永宁县司法局”" in text


def test_choosing_the_county_creates_the_countys_own_body(client, yinchuan):
    _, county, office = yinchuan
    _, url, page = preview(client, county, office)
    row = next(r for r in page.context["name_rows"] if r["choice"].name == "市司法局")
    i = row["index"]
    client.post(
        url, {f"n{i}-action": "create", f"n{i}-region": county.pk, f"n{i}-level": "prefecture"}
    )
    names = set(Unit.objects.filter(region=county).values_list("name", flat=True))
    assert "永宁县司法局" in names
    assert not Unit.objects.filter(name="市司法局").exists()
    made = Unit.objects.get(name="永宁县司法局")
    assert made.level == Region.Level.COUNTY


# A county-level city's plan written from a county's template: 县教育局 is the city's own.
CITY_TEXT = (
    "都匀市法治社会建设实施方案\n一、主要任务\n"
    "1.开展宪法宣传周活动。（牵头单位：县教育局；责任单位：县公安局、市司法局）\n"
    "2.建设法治文化阵地。（牵头单位：县委宣传部）\n"
)


@pytest.fixture
def qiannan(db):
    home, city, office = f.county_office("黔南州", "都匀市", "州")
    f.UnitFactory(organisation=city.organisation, region=city, name="都匀市公安局")
    return home, city, office


def test_a_county_level_citys_plan_drafts_its_units_under_the_citys_name(client, qiannan):
    _, city, office = qiannan
    client.force_login(office)
    client.post(
        reverse("plans:import"),
        {"file": SimpleUploadedFile("市方案.txt", CITY_TEXT.encode()), "region": city.pk},
    )
    staged = PlanImport.objects.get()
    preview_ = importing.preview(staged)
    drafts = {c.name: c.draft for c in preview_.unknown}
    assert drafts["县教育局"].name == "都匀市教育局" and drafts["县教育局"].region == city
    assert drafts["县教育局"].level == Region.Level.COUNTY
    assert drafts["市司法局"].name == "都匀市司法局"
    assert drafts["县委宣传部"].name == "都匀市委宣传部"
    known = {c.name: c.unit.name for c in preview_.names if c.unit is not None}
    assert known == {"县公安局": "都匀市公安局"}  # the city's unit in the directory
    url = reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    page = client.get(url).content.decode()
    assert "将新建为“都匀市教育局”（按都匀市的单位名称）" in page

    client.post(url, {})
    names = set(Unit.objects.filter(region=city).values_list("name", flat=True))
    assert {"都匀市教育局", "都匀市司法局", "都匀市委宣传部", "都匀市公安局"} <= names
    assert not Unit.objects.filter(name__startswith="县").exists()
