"""Plans that nest, in a real Chromium with the demo deployment (都匀市's own plan under the
黔南 plan, its links confirmed): the county office confirms proposed links on one page;
the prefecture office reads the coverage matrix and a measure's roll-up from its counties.
Writes docs/screenshots/county-links.png, coverage-matrix.png and measure-rollup.png."""

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def plans():
    from taizhang.plans.models import Plan

    county = Plan.objects.get(region__name="都匀市")
    return county, county.parent


def test_the_county_office_confirms_proposed_links(page, demo):
    from taizhang.audit.models import AuditEntry
    from taizhang.plans.models import MeasureLink

    county, prefecture = plans()
    # as imported, before anyone checked a link
    MeasureLink.objects.filter(child__plan=county).delete()
    county.measures.update(links_checked=False)
    before = AuditEntry.objects.filter(action="link").count()

    log_in(page, demo["qn_county"], PASSWORD)
    page.goto(f"/plans/{county.pk}/links/")
    assert page.inner_text("h1") == "核对上级任务对应"
    rows = page.locator("table.links tbody tr")
    assert rows.count() == county.measures.count()
    assert rows.locator(".badge", has_text="待核对").count() == rows.count()
    proposed = page.locator("table.links input[type=checkbox]:checked").count()
    assert proposed > 20  # the matcher's proposals come ticked
    # 第1项 carries out 黔南 第1项 (the .links.tsv): keep that, and change 第2项 by hand
    first = rows.nth(0)
    assert first.locator("label.choice").first.inner_text().strip().startswith("第1项")
    second = rows.nth(1)
    second.locator("input[type=checkbox]").first.uncheck()
    third_parent = prefecture.measures.get(number=3)
    second.locator("select").select_option(str(third_parent.pk))
    screenshot(page, "county-links", full_page=False)

    click_and_wait(page, page.get_by_role("button", name="确认并保存全部对应"))
    assert "已记入操作日志" in page.locator(".messages").inner_text()
    assert page.locator("table.links .badge", has_text="已核对").count() == rows.count()
    links = MeasureLink.objects.filter(child__plan=county)
    assert links.filter(child__number=1, parent__number=1).exists()
    assert links.filter(child__number=2, parent__number=3).exists()
    assert all(link.confirmed_by == demo["qn_county"] for link in links)
    assert AuditEntry.objects.filter(action="link").count() - before == county.measures.count()


def test_the_prefecture_office_reads_the_coverage_matrix(page, demo):
    _, prefecture = plans()
    log_in(page, demo["qn_office"], PASSWORD)
    page.goto(f"/plans/{prefecture.pk}/coverage/")
    assert page.inner_text("h1") == "承接情况"
    header = page.locator("table.coverage thead th").all_inner_texts()
    assert "都匀市" in header
    rows = page.locator("table.coverage tbody tr")
    assert rows.count() == prefecture.measures.filter(withdrawn=False).count()
    first = rows.nth(0)
    assert first.locator("td").nth(2).inner_text() == "第1项"
    assert page.locator("table.coverage .badge", has_text="无县承接").count() > 0
    assert "口径" in page.locator(".rule").first.inner_text()
    screenshot(page, "coverage-matrix", full_page=False)
    with page.expect_download() as download:
        page.get_by_role("link", name="导出Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")


def test_a_prefecture_measure_shows_its_rollup_beside_its_own_reports(page, demo):
    _, prefecture = plans()
    measure = prefecture.measures.get(number=45)  # lawyers per 10,000: 都匀 22 carries it out
    log_in(page, demo["qn_office"], PASSWORD)
    page.goto(f"/plans/{prefecture.pk}/measures/{measure.pk}/")
    rollup = page.locator("section.rollup")
    assert "县级汇总状态" in rollup.inner_text()
    assert rollup.locator("tbody tr").count() >= 1
    assert "都匀市" in rollup.locator("tbody").inner_text()
    # 150 lawyers for 525,000 people: 2.86 per 10,000
    assert "2.86人/万人" in rollup.locator("tfoot").inner_text()
    assert "按常住人口加权" in rollup.inner_text()
    rollup.scroll_into_view_if_needed()
    screenshot(page, "measure-rollup")
