"""The dashboard in a real Chromium with the demo deployment: the charts are drawn from the
vendored library and fold their tables away; without JavaScript the tables are shown.
Writes docs/screenshots/dashboard.png."""

import pytest

from taizhang.plans.models import Measure, Plan
from tests.browser.conftest import DESKTOP, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

CHARTS = ("chapters", "counties", "units-top", "units-bottom", "trend")


def test_charts_are_drawn_and_fold_their_tables(page, demo):
    log_in(page, demo["qn_leader"], PASSWORD)
    page.goto("/dashboards/")
    for name in CHARTS:
        page.locator(f'[data-chart="{name}"] canvas').first.wait_for()
    assert page.locator("#table-chapters").get_attribute("open") is None
    # the plan's 82 measures and the office's 督办事项 (demo/loop.toml)
    plan = Plan.objects.get(organisation=demo["qn_leader"].organisation, parent__isnull=True)
    measures = Measure.objects.filter(plan=plan, withdrawn=False).count()
    assert measures > 82
    assert page.locator(".stat").first.inner_text().startswith(str(measures))
    screenshot(page, "dashboard")


def test_without_javascript_the_tables_stand_in(chromium, live_server, demo):
    context = chromium.new_context(
        viewport=DESKTOP, locale="zh-CN", base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    log_in(page, demo["qn_office"], PASSWORD)
    page.goto("/dashboards/")
    assert page.locator("#table-units").get_attribute("open") is not None
    assert page.locator("#table-units tbody tr").count() > 10
    assert not page.locator('[data-chart="chapters"]').is_visible()
    context.close()
