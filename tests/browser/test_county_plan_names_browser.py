"""A county office imports its plan, which names the city's 市司法局 and its own 县司法局: the
preview drafts 市司法局 as the city's unit and shows the other reading; choosing the county
creates 永宁县司法局, and the ledger lists no second 市司法局."""

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD
from tests.plans.test_county_plan_names import TEXT

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_county_plans_city_body_is_shown_as_a_choice(page, db):
    from tests import factories as f

    home, _county, office = f.county_office("银川市", "永宁县", "市")
    log_in(page, office, PASSWORD)
    page.goto("/plans/import/")
    data = {"name": "永宁县方案.txt", "mimeType": "text/plain"}
    page.set_input_files("#id_file", {**data, "buffer": TEXT.format(county="永宁县").encode()})
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))

    row = page.locator("#names tbody tr", has_text="市司法局").first
    assert "银川市本级的单位" in row.inner_text()
    assert "将新建为“永宁县司法局”" in row.inner_text()
    assert row.get_by_label("市司法局 所属地区").input_value() == str(home.pk)
    row.scroll_into_view_if_needed()
    screenshot(page, "import-county-city-body", full_page=False)
    row.get_by_label("市司法局 所属地区").select_option(label="永宁县")
    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    table = page.inner_text("table.ledger")
    assert "永宁县司法局" in table and "市司法局" not in table.replace("永宁县司法局", "")


def test_a_county_level_citys_plan_drafts_the_citys_own_names(page, db):
    """都匀市's plan, written from a county's template, names 县教育局: the preview drafts
    都匀市教育局 and says so in the row; the ledger lists no 县教育局."""
    from tests import factories as f
    from tests.plans.test_county_plan_names import CITY_TEXT

    _home, _city, office = f.county_office("黔南州", "都匀市", "州")
    log_in(page, office, PASSWORD)
    page.goto("/plans/import/")
    data = {"name": "都匀市方案.txt", "mimeType": "text/plain", "buffer": CITY_TEXT.encode()}
    page.set_input_files("#id_file", data)
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))

    row = page.locator("#names tbody tr", has_text="县教育局").first
    assert "将新建为“都匀市教育局”（按都匀市的单位名称）" in row.inner_text()
    assert row.get_by_label("县教育局 层级").input_value() == "county"
    page.locator("#names").scroll_into_view_if_needed()
    screenshot(page, "import-county-level-city-names", full_page=False)
    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    table = page.inner_text("table.ledger")
    assert "都匀市教育局" in table and "县教育局" not in table.replace("都匀市教育局", "")
