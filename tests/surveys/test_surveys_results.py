"""Results against hand-counted answers.

Three responses to (1) satisfaction, (2) satisfaction, (3) awareness, (4) multiple choice,
(5) text:
  甲县 A: 非常满意, 满意, 知道, 甲+乙, female, 30—44
  甲县 B: 一般, 满意, 不知道, 甲, male
  乙县 C: 不满意, 非常满意, 知道, text
Satisfaction: 4 of 6 answers (甲县 3/4, 乙县 1/2); awareness 2 of 3 (甲县 1/2, 乙县 1/1)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taizhang.surveys.results import results, satisfaction_by_region, waves
from taizhang.surveys.statistics import Proportion
from tests import factories as f
from tests.surveys.builders import respond, survey_with

KINDS = ("satisfaction", "satisfaction", "awareness", "multiple", "text")


@pytest.fixture
def second_county(world):
    return f.CountyFactory(organisation=world.organisation, name="乙县")


@pytest.fixture
def survey(world, second_county):
    survey = survey_with(
        world.organisation, world.plan, kinds=KINDS, opens_on=datetime.date(2025, 6, 1)
    )
    county = world.county
    respond(
        survey,
        county,
        {1: "very_satisfied", 2: "satisfied", 3: "aware", 4: ["甲", "乙"]},
        gender="female",
        age_band="30_44",
    )
    respond(survey, county, {1: "neutral", 2: "satisfied", 3: "unaware", 4: ["甲"]}, gender="male")
    respond(
        survey,
        second_county,
        {1: "dissatisfied", 2: "very_satisfied", 3: "aware", 5: "多开展普法"},
    )
    survey.quotas.create(region=county, target=4)
    return survey


def row(rows, label):
    return next(r for r in rows if r.label == label)


def test_overall_rates_pool_every_answer_of_their_kind(survey):
    r = results(survey)
    assert (r.responses, r.satisfaction, r.awareness) == (3, Proportion(4, 6), Proportion(2, 3))


def test_responses_per_county_against_quotas(survey):
    r = results(survey)
    first, second = row(r.regions, "甲县"), row(r.regions, "乙县")
    assert (first.responses, first.quota, first.completion) == (2, 4, 0.5)
    assert (second.responses, second.quota, second.completion) == (1, None, None)
    assert r.quota_total == 4


def test_rates_per_county(survey):
    r = results(survey)
    assert row(r.regions, "甲县").satisfaction == Proportion(3, 4)
    assert row(r.regions, "乙县").satisfaction == Proportion(1, 2)
    assert row(r.regions, "乙县").awareness == Proportion(1, 1)


def test_rates_and_option_shares_per_question(survey):
    first, _, aware, multiple, text = results(survey).questions
    assert first.rate == Proportion(1, 3)
    assert aware.rate == Proportion(2, 3)
    assert [(o.label, o.count, o.share) for o in multiple.options] == [
        ("甲", 2, 1.0),
        ("乙", 1, 0.5),
        ("丙", 0, 0.0),
    ]
    assert (multiple.respondents, text.respondents, text.rate) == (2, 1, None)


def test_rates_per_respondent_group(survey):
    groups = dict(results(survey).groups)
    assert [(g.label, g.responses) for g in groups["性别"]] == [("男", 1), ("女", 1), ("未填写", 1)]
    assert row(groups["性别"], "女").satisfaction == Proportion(2, 2)
    assert row(groups["性别"], "男").satisfaction == Proportion(1, 2)
    assert [(g.label, g.responses) for g in groups["年龄"]] == [("30—44岁", 1), ("未填写", 2)]


def test_the_plans_satisfaction_and_awareness_targets_are_compared(survey, world):
    f.TargetFactory(
        plan=world.plan, measure=None, quote="人民群众对法治建设满意率达到90%以上", value=90
    )
    f.TargetFactory(
        plan=world.plan, measure=None, quote="法治社会公民知晓率达到100%", value=100, comparator="="
    )
    f.TargetFactory(plan=world.plan, measure=None, quote="覆盖率达到95%以上", value=95)
    f.TargetFactory(measure=world.first, quote="群众满意率达到95%", value=95)  # a measure's
    targets = {t.label: t.check for t in results(survey).targets}
    assert set(targets) == {"满意率", "知晓率"}
    # 4/6 = 66.7 %, interval 30.0 %–90.3 %: below 90 %, yet the interval reaches it
    assert targets["满意率"].verdict == "未达标（置信区间包含目标值，样本尚不足以定论）"
    # 2/3 = 66.7 %, interval 20.8 %–93.9 %: clearly short of 100 %
    assert targets["知晓率"].verdict == "未达标"


def test_questions_are_checked_against_the_target_of_their_kind(survey, world):
    f.TargetFactory(plan=world.plan, measure=None, quote="满意率达到30%以上", value=30)
    questions = results(survey).questions
    assert questions[0].check.met is True  # 1/3 = 33 %
    assert questions[2].check is None  # no awareness target


def test_questions_tied_to_a_chapter_are_summed_per_chapter(world, second_county):
    chapter = f.ChapterFactory(plan=world.plan, title="加强权利保护")
    survey = survey_with(world.organisation, world.plan, kinds=("satisfaction", "satisfaction"))
    survey.questions.update(chapter=chapter)
    respond(survey, world.county, {1: "satisfied", 2: "dissatisfied"})
    (summed,) = results(survey).chapters
    assert (summed.label, summed.satisfaction) == (str(chapter), Proportion(1, 2))


def test_waves_of_the_same_plan_show_the_trend_oldest_first(survey, world):
    earlier = survey_with(
        world.organisation, world.plan, wave="2024年度", opens_on=datetime.date(2024, 6, 1)
    )
    respond(earlier, world.county, {1: "satisfied"})
    survey_with(world.organisation, world.plan, state="draft")  # not collecting: left out
    survey_with(world.organisation, kinds=("satisfaction",))  # another plan's: left out
    rows = waves(survey)
    assert [(r.survey, r.current) for r in rows] == [(earlier, False), (survey, True)]
    assert [r.satisfaction for r in rows] == [Proportion(1, 1), Proportion(4, 6)]


def test_a_survey_without_answers_has_empty_rates(world):
    empty = survey_with(world.organisation, world.plan)
    r = results(empty)
    assert (r.responses, r.satisfaction.rate, r.awareness.n) == (0, None, 0)
    assert r.regions[0].satisfaction.interval is None


def test_satisfaction_by_county_for_the_assessment(survey, world, second_county):
    assert satisfaction_by_region(survey) == {world.county.pk: 75.0, second_county.pk: 50.0}


def test_results_take_the_same_number_of_queries_however_many_answers(world, second_county):
    def counted(survey):
        with CaptureQueriesContext(connection) as queries:
            r = results(survey)
            [q.options for q in r.questions]
        return len(queries)

    small = survey_with(world.organisation, world.plan, kinds=KINDS)
    respond(small, world.county, {1: "satisfied"})
    large = survey_with(world.organisation, world.plan, kinds=KINDS * 3)
    for county in [f.CountyFactory(organisation=world.organisation) for _ in range(5)]:
        for _ in range(4):
            respond(
                large, county, {1: "satisfied", 3: "aware", 4: ["甲"], 5: "建议"}, gender="male"
            )
    assert counted(small) == counted(large)
