"""A county's plan that names a body of the organisation's own (市司法局 in 永宁县's plan, of
银川市) drafts it as the directory names the city's units, not as a second 市司法局 of the
county; the preview shows the office the other reading (永宁县司法局) and choosing the
county creates the county's body under that name."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.accounts.models import Role
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
    city = f.OrganisationFactory(name="银川市", prefix="市", office_name="市委依法治市办")
    home = f.RegionFactory(organisation=city, name="银川市")
    county = f.CountyFactory(organisation=city, name="永宁县", parent=home)
    office = f.UserFactory(organisation=city, role=Role.COUNTY_OFFICE, region=county)
    return home, county, office


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
