"""The dashboard pages: who may open them, what the page embeds for the charts, the tables
that stand in for the charts, and the Excel download."""

from __future__ import annotations

import datetime
import io
import json
import re

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from taizhang.dashboards import rows as rows_module
from taizhang.reporting.status import COMPLETION_RULE
from taizhang.supervision.progress import TargetProgress
from tests.dashboards.conftest import TODAY


@pytest.fixture(autouse=True)
def on_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def page(client, small):
    def get(role="office", plan=None):
        client.force_login(small.world.people[role])
        return client.get(reverse("dashboards:plan", kwargs={"plan_id": (plan or small.plan).pk}))

    return get


def embedded(response) -> dict:
    found = re.search(
        r'<script id="dashboard-data" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert found, "the chart data is not embedded"
    return json.loads(found.group(1))


@pytest.mark.parametrize("role", ["office", "leader"])
def test_office_and_leaders_open_the_dashboard(page, role):
    assert page(role).status_code == 200


@pytest.mark.parametrize("role", ["liaison", "reviewer", "county", "sysadmin"])
def test_other_roles_are_refused(page, role):
    assert page(role).status_code == 403


def test_another_organisation_is_told_the_plan_does_not_exist(page):
    assert page("outsider").status_code == 404


def test_anonymous_people_are_sent_to_log_in(client, small):
    response = client.get(reverse("dashboards:plan", kwargs={"plan_id": small.plan.pk}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_home_goes_to_the_newest_plan(client, small):
    client.force_login(small.world.people["leader"])
    response = client.get(reverse("dashboards:home"))
    assert response["Location"] == reverse("dashboards:plan", kwargs={"plan_id": small.plan.pk})


def test_home_goes_to_the_plan_picked_in_the_switcher(client, small):
    client.force_login(small.world.people["office"])
    response = client.get(reverse("dashboards:home"), {"plan": small.world.plan.pk})
    assert response["Location"] == reverse(
        "dashboards:plan", kwargs={"plan_id": small.world.plan.pk}
    )


def test_home_refuses_unit_staff(client, small):
    client.force_login(small.world.people["liaison"])
    assert client.get(reverse("dashboards:home")).status_code == 403


def test_key_figures_are_on_the_page(page):
    text = page().content.decode()
    assert "<b>40.0%</b>完成率" in text
    assert "<b>11</b>逾期未报（份）" in text


def test_chart_data_is_embedded_with_chinese_labels(page):
    data = embedded(page())
    assert data["chapters"]["categories"] == [
        "二、增强全社会法治观念",
        "三、健全社会领域制度规范",
        "未分章节",
    ]
    done = next(s for s in data["chapters"]["series"] if s["name"] == "已完成")
    assert done == {"name": "已完成", "colour": "#1a7f37", "data": [2, 0, 0]}


def test_chart_data_carries_the_trend(page):
    trend = embedded(page())["trend"]
    assert trend["onTime"][:2] == [22.2, 33.3]
    assert trend["done"][:2] == [0.0, 20.0]


def test_the_open_period_is_drawn_apart_as_in_progress_not_as_a_rate(page):
    # on 1 August the third quarter is still open (due in October): 1 of 9 reports so far
    # is no collapse of the on-time rate to 11.1 %
    response = page()
    trend = embedded(response)["trend"]
    assert trend["periods"][-1] == "2024年第三季度（进行中）"
    assert trend["onTime"][-1] is None and trend["done"][-1] is None
    assert trend["openOnTime"] == [None, None, 11.1]
    assert trend["openDone"] == [None, None, 40.0]
    assert trend["openLabel"] == "进行中"
    table = response.context["tables"]["trend"]
    last = [str(cell) for cell in table.rows[-1]]
    assert last[0] == "2024年第三季度（进行中）" and last[5] == last[7] == "进行中"
    assert "11.1%" not in last
    assert any("进行中" in rule for rule in table.rules)


def test_units_chart_and_table_agree(page):
    response = page()
    top = embedded(response)["units"]["top"]
    assert top[0] == {"name": "乙县人民政府", "rate": 50.0, "late": 2}
    assert '<td data-label="完成率">33.3%</td>' in response.content.decode()


def test_each_chart_has_its_table(page):
    text = page().content.decode()
    for key in ("chapters", "counties", "units", "trend", "targets"):
        assert f'<details class="chart-table" id="table-{key}" open>' in text


def test_charts_use_the_vendored_library(page):
    text = page().content.decode()
    assert "/static/vendor/echarts.min.js" in text
    assert "//cdn" not in text and "https://" not in text


def test_heat_map_says_no_data_when_targets_have_none(page, monkeypatch):
    monkeypatch.setattr(
        rows_module, "progress_on_days", lambda targets, days: {day: {} for day in days}
    )
    response = page()
    assert embedded(response)["heatmap"] is None
    assert "暂无数据：各目标指标尚无实际值。" in response.content.decode()


def test_heat_map_data_is_embedded_when_targets_have_progress(page, small, monkeypatch):
    target = small.targets.measure.pk

    def fake(targets, today):
        return {target: TargetProgress(target, "off_track", 80, 60, today, 70, None)}

    monkeypatch.setattr(
        rows_module, "progress_on_days", lambda targets, days: {d: fake(targets, d) for d in days}
    )
    heatmap = embedded(page())["heatmap"]
    assert heatmap["years"] == ["2022年", "2023年", "2024年", "2025年"]
    off_track = [s["name"] for s in heatmap["statuses"]].index("进度滞后")
    row = heatmap["targets"].index("任务1·普法覆盖率达到95%以上")
    assert [0, row, off_track] in heatmap["points"]


def test_export_has_a_sheet_per_table(client, small):
    client.force_login(small.world.people["leader"])
    response = client.get(reverse("dashboards:plan_export", kwargs={"plan_id": small.plan.pk}))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == [
        "关键指标",
        "按章节完成情况",
        "按责任单位完成情况",
        "按县（市、区）完成情况",
        "目标指标进度",
        "各报送周期趋势",
    ]
    units = workbook["按责任单位完成情况"]
    assert [cell.value for cell in units[3]][:2] == [1, "乙县人民政府"]
    assert units.cell(row=units.max_row, column=1).value.startswith("口径：")
    assert f"口径：{COMPLETION_RULE}" in [row[0] for row in workbook["按章节完成情况"].values]


def test_an_empty_plan_shows_no_data_everywhere(client, world):
    from tests.factories import PlanFactory

    empty = PlanFactory(organisation=world.organisation, region=world.home)
    client.force_login(world.people["office"])
    response = client.get(reverse("dashboards:plan", kwargs={"plan_id": empty.pk}))
    text = response.content.decode()
    assert response.status_code == 200
    assert "暂无数据：尚无已开始的报送周期。" in text
    assert "暂无数据：本方案没有目标指标。" in text


def test_the_exports_titles_say_the_plans_version_in_force(client, small):
    """As the ledger export's title does: the version in force, from Plan.version."""
    from django.utils import timezone

    plan = small.plan
    plan.revision, plan.version_at = 2, timezone.make_aware(datetime.datetime(2026, 8, 3, 15))
    plan.save(update_fields=["revision", "version_at"])
    client.force_login(small.world.people["leader"])
    response = client.get(reverse("dashboards:plan_export", kwargs={"plan_id": plan.pk}))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    titles = [sheet["A1"].value for sheet in workbook.worksheets]
    assert len(titles) == 6
    assert all("（第2版，2026年8月3日 15:00导入；截至" in title for title in titles), titles
