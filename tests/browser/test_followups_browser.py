"""Issue 10's findings fixed, in a real Chromium on the demo deployment: every assessment
indicator says how it is counted (scheme and ranking pages); the dashboard's trend draws the
open quarter as 进行中; the ledger leads the office to the public disclosure settings; the
system administrator lands on the organisations, with no plan in its menu. Writes
docs/screenshots/assessment-scheme.png, ranking-basis.png, dashboard-trend.png,
ledger-public-settings.png and sysadmin-home.png."""

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_indicator_says_how_it_is_counted(page, demo):
    log_in(page, demo["qn_office"], PASSWORD)
    click_and_wait(page, page.locator("nav.mainnav").get_by_role("link", name="考核评价"))
    click_and_wait(page, page.locator("td[data-label=方案名称] a").first)
    rules = page.locator("table.ledger tbody .rule.basis").all_inner_texts()
    assert len(rules) == 6 and all(rule.startswith("口径：") for rule in rules)
    assert any("应报而未报送任何报告的计 0 分" in rule for rule in rules)
    screenshot(page, "assessment-scheme", full_page=False)

    click_and_wait(page, page.get_by_role("link", name="单位排名"))
    basis = page.locator("#basis").locator("xpath=..")
    assert basis.locator("li").count() == 7  # six indicators and the tie rule
    assert "总分相同的，依次比较各项指标得分" in basis.inner_text()
    basis.scroll_into_view_if_needed()
    screenshot(page, "ranking-basis", full_page=False)


def test_the_open_quarter_is_drawn_as_in_progress(page, demo):
    log_in(page, demo["qn_office"], PASSWORD)
    page.goto("/dashboards/")
    chart = page.locator('[data-chart="trend"]')
    chart.locator("canvas").first.wait_for()
    rows = page.locator("#table-trend tbody tr")
    last = rows.nth(rows.count() - 1).locator("td").all_text_contents()
    assert last[0].endswith("（进行中）") and last[5] == "进行中"
    chart.scroll_into_view_if_needed()
    screenshot(page, "dashboard-trend", full_page=False)


def test_the_office_reaches_the_public_settings_from_the_ledger(page, demo):
    log_in(page, demo["qn_office"], PASSWORD)
    click_and_wait(page, page.locator("nav.mainnav").get_by_role("link", name="实施方案"))
    click_and_wait(page, page.locator("table a").first)
    link = page.get_by_role("link", name="公开设置")
    screenshot(page, "ledger-public-settings", full_page=False)
    click_and_wait(page, link)
    assert "公开" in page.inner_text("h1")


def test_the_system_administrator_lands_on_the_organisations(page, demo):
    log_in(page, demo["sysadmin"], PASSWORD)
    assert page.url.endswith("/people/organisations/")
    menu = page.locator("nav.mainnav").inner_text()
    for item in ("待办", "实施方案", "督查督办", "年度报告", "考核评价", "数据看板"):
        assert item not in menu
    screenshot(page, "sysadmin-home", full_page=False)
    response = page.goto("/plans/")
    assert response.status == 403 and "不查看实施方案数据" in page.inner_text("body")
