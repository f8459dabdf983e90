"""Chart strings are data: a unit or a target whose name is markup shows as text in the
dashboard's tooltips and runs nothing (the tooltip is built from text nodes, and the
content security policy would refuse an inline handler besides)."""

import pytest

from tests import factories as f
from tests.browser.conftest import log_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

HOSTILE = '<img src=x onerror="window.__xss=1">'


def show_tip(page, chart: str, series: int = 0, data: int = 0) -> str:
    """Open the tooltip of one data point the way a hover does; returns its text."""
    page.locator(f'[data-chart="{chart}"] canvas').first.wait_for()
    page.evaluate(
        """([chart, series, data]) => {
            const box = document.querySelector(`[data-chart="${chart}"]`);
            echarts.getInstanceByDom(box).dispatchAction(
                {type: "showTip", seriesIndex: series, dataIndex: data});
        }""",
        [chart, series, data],
    )
    tip = page.locator(f'[data-chart="{chart}"] > div:not(:first-child)').last
    tip.wait_for()
    return tip.inner_text()


def test_a_unit_and_a_target_named_as_markup_stay_text_in_the_tooltips(page, world):
    world.justice.name = HOSTILE
    world.justice.save()
    f.TargetFactory(measure=world.first, quote=HOSTILE)
    log_in(page, world.people["office"], PASSWORD)
    page.goto("/dashboards/")
    names = [show_tip(page, "units-top", data=i) for i in range(3)]
    assert any(HOSTILE in name for name in names)
    assert HOSTILE in show_tip(page, "heatmap")
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("window.__xss") is None
