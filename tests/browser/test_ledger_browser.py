"""The ledger and a unit's responsibility list with a real plan (the demo deployment: the
银川 plan imported, quarterly periods, sample reports), on the desktop and on a phone."""

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

UNIT = "市司法局"


@pytest.fixture
def justice_reports(demo):
    """Two reports of the 市司法局 on the measures it leads that were due first, filed
    through reporting.services: one finished and accepted, one late and waiting."""
    from taizhang.plans.models import Assignment
    from taizhang.reporting import services
    from taizhang.reporting.models import Period

    office = demo["yc_office"]
    period = Period.objects.get(plan__organisation=office.organisation, name="2026年第三季度")
    leads = Assignment.objects.filter(
        unit__name=UNIT,
        unit__organisation=office.organisation,
        role=Assignment.Role.LEAD,
        measure__deadline__isnull=False,
    ).order_by("measure__deadline", "measure__position")[:2]
    finished, late = leads
    report = services.file_report(
        finished,
        period,
        demo["yc_reviewer"],
        {"status": "done", "narrative": "已修订律师执业管理办法，律师执业权利保障机制全面建立。"},
        0,
        submit_after=True,
    )
    services.review(report, office, "accept", "", report.version)
    services.file_report(
        late,
        period,
        demo["yc_reviewer"],
        {"status": "lagging", "narrative": "“法律明白人”培养已覆盖 80% 的行政村，尚未全覆盖。"},
        0,
        submit_after=True,
    )
    return finished.measure, late.measure


def open_ledger(page, person):
    log_in(page, person, PASSWORD)
    click_and_wait(page, page.get_by_role("link", name="实施方案", exact=True))
    click_and_wait(page, page.locator("table.plan-list tbody a").first)


def test_the_ledger_lists_every_measure_with_its_progress(page, demo):
    open_ledger(page, demo["yc_office"])
    assert page.inner_text("h1").endswith("任务台账")
    rows = page.locator("table.ledger tbody tr:not(.group)")
    assert rows.count() > 20
    headers = page.locator("table.ledger thead th").all_inner_texts()
    assert headers == ["序号", "任务内容", "牵头单位", "责任单位", "完成时限", "进展情况"]
    # The sample reports of the demo quarter reached the ledger: some measure shows one.
    assert page.locator("td.progress-cell .narrative").count() > 0
    screenshot(page, "ledger", full_page=False)


def test_filtering_by_unit_leads_to_its_responsibility_list(page, demo, justice_reports):
    open_ledger(page, demo["yc_office"])
    page.select_option("select[name=unit]", label=UNIT)
    click_and_wait(page, page.get_by_role("button", name="筛选"))
    filtered = page.locator("table.ledger tbody tr:not(.group)").count()
    click_and_wait(page, page.get_by_role("link", name="该单位责任清单"))
    assert page.inner_text("h1") == f"{UNIT}责任清单"
    listed = page.locator("table.ledger tbody tr")
    assert listed.count() == filtered
    # Soonest deadline first: the two measures the unit has reported on, as reported.
    finished, late = listed.nth(0), listed.nth(1)
    assert finished.locator("td.no").inner_text() == str(justice_reports[0].number)
    assert finished.locator("td.role").inner_text() == "牵头"
    assert finished.locator(".badge").first.inner_text() == "已完成"
    assert "本单位 已审核通过" in finished.inner_text()
    assert late.locator(".badge").first.inner_text() == "滞后"
    assert "本单位 已报送" in late.inner_text()
    screenshot(page, "responsibility-list", full_page=False)


def test_on_a_phone_the_ledger_rows_stack_with_their_labels(phone_page, demo):
    open_ledger(phone_page, demo["yc_office"])
    assert not phone_page.locator("table.ledger thead").is_visible()
    cell = phone_page.locator("table.ledger tbody tr:not(.group) td.text").first
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"任务内容："'
    assert cell.evaluate("td => getComputedStyle(td).display") == "block"
    # Nothing runs off the side, the chapter tabs included (they wrap onto lines).
    overflowing = phone_page.evaluate(
        """() => [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth)
            .map(e => e.tagName + (e.name ? '[name=' + e.name + ']' : ''))"""
    )
    assert overflowing == []
    screenshot(phone_page, "ledger-phone", full_page=False)


def test_on_a_phone_every_chapter_tab_is_in_sight_and_the_adhoc_tab_filters(phone_page, demo):
    # The 督办事项 tab is the last of the strip (plans.grouping: after the last chapter). On a
    # phone the strip once scrolled sideways with no hint, leaving it out of sight.
    open_ledger(phone_page, demo["yc_office"])
    strip = phone_page.get_by_role("navigation", name="按章浏览")
    tabs = strip.get_by_role("link")
    labels = tabs.all_inner_texts()
    assert labels[-1].startswith("督办事项")
    assert len(labels) > 5  # 全部, the plan's chapters and 督办事项
    # The page scrolled down to the strip, never sideways: every tab in the window.
    strip.evaluate("nav => window.scrollTo(0, nav.getBoundingClientRect().top + scrollY - 8)")
    viewport = phone_page.viewport_size
    for index in range(tabs.count()):
        box = tabs.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], labels[index]
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], labels[index]
    assert strip.evaluate("nav => nav.scrollWidth <= nav.clientWidth")
    screenshot(phone_page, "ledger-phone-tabs", full_page=False)

    adhoc = tabs.last
    count = int(adhoc.locator(".muted").inner_text())
    click_and_wait(phone_page, adhoc)
    assert "chapter=adhoc" in phone_page.url
    assert tabs.last.get_attribute("aria-current") == "page"
    assert f"筛选结果 {count} 项" in phone_page.inner_text(".subtitle")
    rows = phone_page.locator("table.ledger tbody tr:not(.group)")
    assert rows.count() == count
    for index in range(count):  # each row is a 督办事项: its source badge before its text
        badge = rows.nth(index).locator("td.text .badge").inner_text()
        assert badge in ("领导批示", "会议议定事项")
