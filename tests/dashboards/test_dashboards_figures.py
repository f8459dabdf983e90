"""The dashboard's figures on the small plan of conftest.py, against values worked out by
hand there (today 2024-08-01)."""

from __future__ import annotations

import pytest

from taizhang.dashboards import rows as rows_module
from taizhang.dashboards.figures import compute
from taizhang.dashboards.rows import plan_rows
from taizhang.supervision.progress import Status as TargetStatus
from taizhang.supervision.progress import TargetProgress
from tests import factories as f
from tests.dashboards.conftest import TODAY


@pytest.fixture
def no_progress(monkeypatch):
    monkeypatch.setattr(
        rows_module, "progress_on_days", lambda targets, days: {day: {} for day in days}
    )


@pytest.fixture
def figures(small, no_progress):
    return compute(plan_rows(small.plan, TODAY))


def test_measure_statuses_follow_the_ledger(figures):
    # m1 done (lead's Q2, accepted), m2 done (lead's Q3, accepted, though past its
    # deadline), m3 in progress (a responsible unit reported, the lead only drafted), m4
    # lagging (the lead says so, accepted), m6 not started.
    statuses = figures.key.statuses
    assert (figures.key.measures, statuses["done"], statuses["in_progress"]) == (5, 2, 1)
    assert (statuses["lagging"], statuses["not_started"]) == (1, 1)


def test_completion_rate_is_the_share_of_measures_done(figures):
    assert figures.key.completion_rate == 40.0


def test_late_reports_count_reports_never_filed_by_a_past_due_date(figures):
    # Q1: 司法局 1, 教育局 1, 甲县 1, 城关镇 1, 乙县 2; Q2: 司法局 1, 教育局 3, 城关镇 1,
    # 乙县 0; 甲县's Q2 report was filed and returned: not missing (the board lists it as
    # returned). Q3 is not yet due.
    assert figures.key.late_reports == 11


def test_chapters_count_measures_by_status(figures):
    table = {c.label: (c.total, c.statuses["done"], c.completion_rate) for c in figures.chapters}
    assert table == {
        "二、增强全社会法治观念": (2, 2, 100.0),
        "三、健全社会领域制度规范": (2, 0, 0.0),
        "未分章节": (1, 0, 0.0),
    }


def test_units_are_ranked_by_completion_then_late_reports(figures):
    ranked = [(u.name, u.assignments, u.done, u.completion_rate, u.late) for u in figures.units]
    assert ranked == [
        ("乙县人民政府", 2, 1, 50.0, 2),
        ("州司法局", 2, 1, 50.0, 2),
        ("州教育局", 3, 1, 33.3, 4),
        ("甲县人民政府", 1, 0, 0.0, 1),
        ("甲县城关镇人民政府", 1, 0, 0.0, 2),
    ]


def test_a_unit_past_its_deadline_without_finishing_is_lagging(figures):
    town = next(u for u in figures.units if u.name == "甲县城关镇人民政府")
    assert town.lagging == 1


def test_units_are_placed_in_their_county(figures):
    areas = {u.name: u.area for u in figures.units}
    assert areas["甲县城关镇人民政府"] == "甲县"
    assert areas["州司法局"] == "测试州"


def test_counties_add_up_their_units_including_townships(figures):
    counties = [
        (c.name, c.units, c.assignments, c.done, c.lagging, c.late, c.completion_rate)
        for c in figures.counties
    ]
    assert counties == [("乙县", 1, 2, 1, 1, 2, 50.0), ("甲县", 2, 2, 0, 1, 3, 0.0)]


def test_trend_covers_the_periods_begun(figures):
    assert [p.period.name for p in figures.trend] == [
        "2024年第一季度",
        "2024年第二季度",
        "2024年第三季度",
    ]


def test_trend_shares_reports_first_filed_on_time(figures):
    # Q2: 甲县's report, filed on 1 July and returned since, was filed on time.
    trend = [(p.expected, p.filed, p.on_time, p.on_time_rate) for p in figures.trend]
    assert trend == [(9, 3, 2, 22.2), (9, 4, 3, 33.3), (9, 1, 1, 11.1)]


def test_a_period_whose_due_date_has_not_passed_is_open(figures):
    assert [p.open for p in figures.trend] == [False, False, True]


def test_trend_shares_measures_done_by_each_period(figures):
    # done counts once accepted: 教育局's Q1 "done" on m2 was never accepted
    assert [p.done_rate for p in figures.trend] == [0.0, 20.0, 40.0]


def test_without_progress_data_targets_off_track_is_unknown(figures):
    assert figures.key.targets == 2
    assert figures.key.targets_off_track is None
    assert figures.heatmap.has_data is False


def _progress(target_id, status):
    return TargetProgress(target_id, status, None, None, None, None, None)


def test_heat_map_colours_targets_by_year(small, monkeypatch):
    measure_target, plan_target = small.targets.measure.pk, small.targets.plan_level.pk

    def fake(targets, today):
        worse = TargetStatus.OFF_TRACK if today.year >= 2024 else TargetStatus.ON_TRACK
        return {
            measure_target: _progress(measure_target, worse),
            plan_target: _progress(plan_target, "met"),
        }

    monkeypatch.setattr(
        rows_module, "progress_on_days", lambda targets, days: {d: fake(targets, d) for d in days}
    )
    figures = compute(plan_rows(small.plan, TODAY))
    by_target = {row.target_id: row.by_year for row in figures.heatmap.rows}
    assert by_target[measure_target] == {
        2022: "on_track",
        2023: "on_track",
        2024: "off_track",
        2025: None,  # not begun
    }
    assert figures.key.targets_off_track == 1


def test_plan_level_targets_come_first(figures):
    labels = [row.label for row in figures.heatmap.rows]
    assert labels == ["总体目标·法治宣传教育基地达100个", "任务1·普法覆盖率达到95%以上"]


def test_the_offices_items_stand_in_a_group_of_their_own_after_the_chapters(small, no_progress):
    # The ledger's groups (plans.grouping): a 督办事项 has no chapter, yet it is not one of
    # the measures under no chapter; the dashboard once counted it under 未分章节.
    f.supervised_item(small.world, small.plan)
    figures = compute(plan_rows(small.plan, TODAY))
    assert [(c.label, c.total) for c in figures.chapters] == [
        ("二、增强全社会法治观念", 2),
        ("三、健全社会领域制度规范", 2),
        ("督办事项", 1),
        ("未分章节", 1),
    ]
