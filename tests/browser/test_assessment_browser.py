"""The assessment in a real Chromium: the office reads the demo's ranking and a unit's
breakdown (its lines add up to the total shown); a liaison reads the own unit's breakdown
and is refused the ranking. Writes docs/screenshots/ranking.png and score-breakdown.png."""

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def number(text: str) -> float:
    """A score as the pages print it: 17.53, +1, −2 (a typographic minus)."""
    return float(text.strip().replace("−", "-"))


def test_the_office_reads_the_ranking_and_a_breakdown_that_adds_up(page, demo):
    log_in(page, demo["qn_office"], PASSWORD)
    click_and_wait(page, page.locator("nav.mainnav").get_by_role("link", name="考核评价"))
    assert page.inner_text("h1") == "考核评价"
    click_and_wait(page, page.get_by_role("link", name="得分排名"))
    assert page.locator("table.ranking tbody tr").count() > 20

    click_and_wait(page, page.get_by_role("link", name="县(市、区)排名"))
    counties = page.locator("table.ranking tbody tr")
    assert counties.count() == 12
    totals = [number(t) for t in counties.locator("td[data-label=总分]").all_inner_texts()]
    assert totals == sorted(totals, reverse=True)
    screenshot(page, "ranking", full_page=False)

    click_and_wait(page, page.get_by_role("link", name="单位排名"))
    ranking = page.locator("table.ranking")
    click_and_wait(page, ranking.get_by_role("link", name="州司法局", exact=True))
    assert page.inner_text("h1").startswith("州司法局")
    breakdown = page.locator("table.breakdown tbody")
    lines = breakdown.locator("tr:not(.group) td[data-label=得分]").all_inner_texts()
    assert len(lines) >= 7  # six indicators and the bonus item
    total = number(breakdown.locator("tr.group td[data-label=得分]").inner_text())
    assert number(page.locator(".stat").first.locator("b").inner_text()) == total
    # Every line is rounded to two decimals, and so is the total.
    assert abs(sum(number(line) for line in lines) - total) <= 0.005 * (len(lines) + 1)
    screenshot(page, "score-breakdown", full_page=False)


@pytest.fixture
def scheme(world):
    from taizhang.assessment import services

    return services.create_scheme(world.people["office"], world.plan, 2026, "2026年度考核方案")


def test_a_liaison_reads_the_own_breakdown_but_not_the_ranking(page, world, scheme):
    log_in(page, world.people["liaison"], PASSWORD)
    click_and_wait(page, page.locator("nav.mainnav").get_by_role("link", name="考核评价"))
    click_and_wait(page, page.get_by_role("link", name="本单位得分"))
    assert page.inner_text("h1").startswith("州教育局")
    assert page.locator("table.breakdown tbody tr").count() > 1
    assert page.get_by_role("link", name="单位排名").count() == 0

    response = page.goto(f"/assessment/schemes/{scheme.pk}/ranking/")
    assert response.status == 403
    assert "州司法局" not in page.content()


def test_the_refusal_is_a_page_in_chinese(page, world, scheme):
    log_in(page, world.people["liaison"], PASSWORD)
    page.goto(f"/assessment/schemes/{scheme.pk}/ranking/")
    assert "没有权限" in page.inner_text("body")
