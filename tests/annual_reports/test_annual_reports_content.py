"""What the first draft of an annual report says, checked against the database: the
figures are counted, the quotes are the units' own words, nothing is made up."""

from __future__ import annotations

import datetime

import pytest

from taizhang.annual_reports import data as annual_data
from taizhang.annual_reports import draft as annual_draft
from taizhang.annual_reports import services as annual_reports
from tests.annual_reports.conftest import TODAY, YEAR
from tests.surveys.builders import respond, survey_with

pytestmark = pytest.mark.django_db


def government(world):
    return annual_reports.create(
        world.people["office"], world.plan, "government", YEAR, region=world.home, today=TODAY
    )[0]


def section(report, key):
    return next(s for s in report.sections if s["key"] == key)


def test_overview_counts_measures_by_their_lead_units_status(world, work):
    figures = annual_data.gather(annual_data.Scope(world.plan, YEAR, world.home), TODAY)
    # measure 1: 司法局 (lead) done; measure 2: 公安局 lagging; measure 3: nobody filed
    assert dict(figures.statuses) == {"done": 1, "lagging": 1, "not_started": 1}


def test_overview_text_states_the_figures(world, work):
    text = section(government(world), "overview")["text"]
    assert "3项任务中，已完成1项" in text and "滞后1项" in text and "未启动1项" in text
    assert "完成率33.3%" in text and "注：完成率：" in text


def test_reports_filed_after_the_due_day_count_as_late(world, work):
    figures = annual_data.gather(annual_data.Scope(world.plan, YEAR, world.home), TODAY)
    # 5 assignments x 1 period due; 4 filed (today, long after 2025-04-10), 1 never
    assert (figures.reports_expected, figures.reports_on_time, figures.reports_late) == (5, 0, 4)
    assert figures.reports_missing == 1


def test_typical_practices_quote_the_highlighted_report_with_its_unit(world, work):
    text = section(government(world), "practices")["text"]
    assert text.startswith("（一）州司法局（任务1，")
    assert "建成州级法治宣传教育基地3个" in text
    assert "组织开展青少年法治教育" not in text  # not marked


def test_problems_are_grouped_by_chapter_and_quoted(world, work):
    lines = section(government(world), "problems")["text"].split("\n")
    assert lines[0] == "（一）增强全社会法治观念"
    assert "州司法局（任务1）：基层普法经费保障不足。" in lines
    assert "州教育局（任务1）：专职法治副校长配备不足。" in lines


def test_next_year_section_is_named_for_the_next_year_and_quotes_next_steps(world, work):
    found = section(government(world), "next_year")
    assert found["heading"] == "2026年工作打算"
    assert "州公安局（任务2）：年内完成四级调解平台建设。" in found["text"]


def test_without_a_survey_the_report_says_none_was_held(world, work):
    assert section(government(world), "survey")["text"] == "本年度未开展测评。"


def test_the_years_survey_of_the_plan_is_reported_with_its_interval(world, work):
    survey = survey_with(world.organisation, world.plan, opens_on=datetime.date(YEAR, 6, 1))
    for key in ("very_satisfied", "satisfied", "satisfied", "dissatisfied"):
        respond(survey, world.county, {1: key})
    text = section(government(world), "survey")["text"]
    assert "共收回有效问卷4份" in text and "满意率为75.0%（95%置信区间" in text


def test_a_survey_of_another_year_is_not_this_years(world, work):
    survey_with(world.organisation, world.plan, opens_on=datetime.date(YEAR - 1, 6, 1))
    assert section(government(world), "survey")["text"] == "本年度未开展测评。"


def test_the_years_survey_is_the_wave_named_for_it_even_when_it_opened_the_next_january(
    world, work
):
    # the 2025 wave held at the turn of the year, as offices do before the annual report
    held = survey_with(
        world.organisation, world.plan, wave=f"{YEAR}年度", opens_on=datetime.date(YEAR + 1, 1, 5)
    )
    # next year's wave opened early, in December: not this year's survey
    survey_with(
        world.organisation,
        world.plan,
        wave=f"{YEAR + 1}年度",
        opens_on=datetime.date(YEAR, 12, 20),
    )
    for key in ("very_satisfied", "satisfied", "dissatisfied"):
        respond(held, world.county, {1: key})
    text = section(government(world), "survey")["text"]
    assert "本年度未开展测评" not in text
    assert "共收回有效问卷3份" in text and "满意率为66.7%" in text


def test_a_survey_still_collecting_says_so(world, work):
    survey = survey_with(world.organisation, world.plan, opens_on=datetime.date(YEAR, 11, 1))
    respond(survey, world.county, {1: "satisfied"})
    assert "测评尚在进行" in section(government(world), "survey")["text"]


def test_a_closed_survey_is_reported_without_that_note(world, work):
    survey = survey_with(
        world.organisation, world.plan, state="closed", opens_on=datetime.date(YEAR, 6, 1)
    )
    respond(survey, world.county, {1: "satisfied"})
    text = section(government(world), "survey")["text"]
    assert "共收回有效问卷1份" in text and "测评尚在进行" not in text


def test_survey_summary_is_written_with_its_interval():
    lines = annual_draft.survey_lines(
        {"responses": 412, "satisfaction": {"rate": 0.9, "low": 0.87, "high": 0.93}}
    )
    assert lines == [
        "本年度群众满意度测评共收回有效问卷412份。",
        "满意率为90.0%（95%置信区间87.0%—93.0%）。",
    ]


def test_without_a_scheme_the_report_says_no_assessment_was_held(world, work):
    assert section(government(world), "scores")["text"] == "本年度未开展考核评价。"


def test_scores_table_lists_the_schemes_units(world, work):
    from tests import factories as f

    scheme = f.SchemeFactory(plan=world.plan, year=YEAR)
    f.IndicatorFactory(scheme=scheme, kind="measure_completion", name="任务完成", weight=100)
    found = section(government(world), "scores")
    units = next(t for t in found["tables"] if t["caption"] == "单位考核得分")
    assert {row[1] for row in units["rows"]} == {"州司法局", "州教育局", "州公安局", "甲县人民政府"}


def test_unit_year_end_report_covers_only_the_units_work(world, work):
    report, _ = annual_reports.create(
        world.people["liaison"],
        world.plan,
        "unit_year_end",
        YEAR,
        unit=world.education,
        today=TODAY,
    )
    assert "州教育局承担的1项任务中" in section(report, "overview")["text"]
    assert report.addressee == "州委依法治州办"
    assert "survey" not in [s["key"] for s in report.sections]


def test_county_report_goes_up_to_the_prefecture_and_copies_the_office(world, work):
    report, _ = annual_reports.create(
        world.people["county"], world.plan, "county_up", YEAR, region=world.county, today=TODAY
    )
    assert (report.addressee, report.copy_to) == ("州委、州人民政府", "州委依法治州办")
    assert "甲县承担的1项任务中，已完成1项" in section(report, "overview")["text"]


def test_government_report_goes_to_the_party_committee_and_the_congress(world, work):
    report = government(world)
    assert report.addressee == "州委、州人大常委会"
    assert report.title == "测试州人民政府关于2025年度法治社会建设情况的报告"


def test_a_second_create_opens_the_existing_draft(world, work):
    first = government(world)
    again, created = annual_reports.create(
        world.people["office"], world.plan, "government", YEAR, region=world.home, today=TODAY
    )
    assert (again.pk, created) == (first.pk, False)


def test_deadline_is_the_last_day_of_february_for_governments():
    assert str(annual_reports.deadline("government", 2027)) == "2028-02-29"
    assert str(annual_reports.deadline("unit_year_end", 2027)) == "2027-12-31"


def test_the_offices_items_stand_in_a_group_of_their_own_after_the_chapters(world, work):
    # The ledger's groups (plans.grouping): a 督办事项 has no chapter, yet it is not one of
    # the measures under no chapter (未分章节, as on the dashboard); the report once counted
    # and quoted it under 其他任务.
    from taizhang.plans.models import Assignment
    from tests import factories as f
    from tests.annual_reports.conftest import file_report

    item = f.supervised_item(world, world.plan)
    loose = f.MeasureFactory(plan=world.plan, number=9, chapter=None)
    f.AssignmentFactory(measure=loose, unit=world.justice, role=Assignment.Role.LEAD)
    for measure, unit, problems in (
        (item, world.police, "整治力量不足。"),
        (loose, world.justice, "经费尚未落实。"),
    ):
        file_report(
            Assignment.objects.get(measure=measure, unit=unit),
            world.period,
            f.UserFactory(organisation=world.organisation, role="liaison", unit=unit),
            "in_progress",
            "已启动。",
            problems=problems,
        )
    figures = annual_data.gather(annual_data.Scope(world.plan, YEAR, world.home), TODAY)
    assert [(c.title, c.total) for c in figures.chapters] == [
        ("增强全社会法治观念", 1),
        ("推进社会治理法治化", 2),
        ("督办事项", 1),
        ("未分章节", 1),
    ]
    report = government(world)
    assert "（三）督办事项。共1项任务" in section(report, "chapters")["text"]
    assert "（四）未分章节。共1项任务" in section(report, "chapters")["text"]
    lines = section(report, "problems")["text"].split("\n")
    assert lines[-4:] == [
        "（二）督办事项",
        f"州公安局（任务{item.number}）：整治力量不足。",
        "（三）未分章节",
        "州司法局（任务9）：经费尚未落实。",
    ]


def test_chapter_rows_are_the_dashboards_groups_with_its_labels_and_counts(world, work):
    # The report's 分章节 table asks plans.grouping.in_order as the dashboard's 按章节完成情况
    # does: the chapters in order, then 督办事项, then 未分章节 (the report once drew its
    # own groups and called the measures under no chapter 其他任务).
    from taizhang.dashboards.figures import compute
    from taizhang.dashboards.rows import plan_rows
    from taizhang.plans.models import Assignment
    from tests import factories as f

    f.supervised_item(world, world.plan)
    loose = f.MeasureFactory(plan=world.plan, number=9, chapter=None)
    f.AssignmentFactory(measure=loose, unit=world.justice, role=Assignment.Role.LEAD)
    dashboard = [
        (c.label, str(c.total), str(c.statuses["done"]))
        for c in compute(plan_rows(world.plan, TODAY)).chapters
    ]
    table = section(government(world), "chapters")["tables"][0]
    rows = [(row[1], row[2], row[3]) for row in table["rows"]]
    assert rows == dashboard
    assert [label for label, *_ in rows][-2:] == ["督办事项", "未分章节"]
    assert rows[0][0] == str(world.plan.chapters.order_by("position")[0])
