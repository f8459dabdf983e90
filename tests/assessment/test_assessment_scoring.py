"""The scoring rules to the point: hand-computed examples of every indicator kind, with
and without deductions, caps, adjustments, indicators that do not apply, and ties."""

from fractions import Fraction

import pytest

from taizhang.assessment.scoring import (
    AdjustmentFact,
    Facts,
    Rule,
    fmt,
    ranked,
    score_subject,
)


def line(facts, rule):
    return score_subject(facts, [rule]).lines[0]


def unit(**counts):
    return Facts(key="unit:1", name="州司法局", **counts)


TIMELY = unit(reports_expected=8, reports_on_time=6, reports_late=1, reports_missing=1)


# -- report timeliness -----------------------------------------------------------------


def test_timeliness_is_proportional_to_reports_on_time():
    result = line(TIMELY, Rule("report_timeliness", "按时报送", 30))
    assert result.points == Fraction(45, 2)
    assert result.text == (
        "按时报送 30分：应报 8 次，按时 6 次，逾期 1 次，未报 1 次；得分 = 30 × 6/8 = 22.5"
    )


def test_timeliness_deducts_per_late_and_per_missing_report():
    rule = Rule(
        "report_timeliness", "按时报送", 30, {"late_deduction": 1, "missing_deduction": 2.5}
    )
    result = line(TIMELY, rule)
    assert result.points == Fraction(53, 2)  # 30 − 1 − 2.5
    assert "− 1 × 1（逾期）" in result.text and "− 2.5 × 1（未报）" in result.text


def test_timeliness_deductions_stop_at_zero():
    facts = unit(reports_expected=10, reports_missing=10)
    result = line(facts, Rule("report_timeliness", "按时报送", 20, {"missing_deduction": 3}))
    assert result.points == 0
    assert "扣至 0 分为止" in result.text


def test_timeliness_late_reports_may_count_in_part():
    result = line(TIMELY, Rule("report_timeliness", "按时报送", 30, {"late_credit": 0.5}))
    assert result.points == Fraction(30) * Fraction(13, 2) / 8  # (6 + 0.5 × 1)/8
    assert "(6 + 0.5 × 1)/8" in result.text


# -- measure completion ----------------------------------------------------------------


def test_completion_is_the_share_of_measures_done():
    facts = unit(measures_carried=4, measures_done=3, measures_lagging=1)
    result = line(facts, Rule("measure_completion", "任务完成", 30))
    assert result.points == Fraction(45, 2)
    assert "承担任务 4 项，已完成 3 项，滞后 1 项；得分 = 30 × 3/4 = 22.5" in result.text


def test_completion_deducts_for_lagging_measures_but_not_below_zero():
    facts = unit(measures_carried=3, measures_done=0, measures_lagging=3)
    rule = Rule("measure_completion", "任务完成", 30, {"lagging_deduction": 2})
    assert line(facts, rule).points == 0


def test_completion_with_lagging_deduction():
    facts = unit(measures_carried=4, measures_done=3, measures_lagging=1)
    rule = Rule("measure_completion", "任务完成", 20, {"lagging_deduction": 2})
    assert line(facts, rule).points == 13  # 20 × 3/4 − 2


# -- targets ---------------------------------------------------------------------------


def test_targets_count_met_and_on_track_fully_and_at_risk_half():
    facts = unit(target_statuses=("met", "on_track", "at_risk", "off_track"))
    result = line(facts, Rule("target_attainment", "目标达成", 20))
    assert result.points == Fraction(25, 2)  # 20 × (1 + 1 + 0.5)/4
    assert "已达标 1 个，进度正常 1 个，存在风险 1 个，进度滞后 1 个" in result.text
    assert "得分 = 20 × (1 + 1 + 0.5 × 1)/4 = 12.5" in result.text


def test_targets_credit_for_at_risk_is_a_parameter():
    facts = unit(target_statuses=("at_risk", "at_risk"))
    rule = Rule("target_attainment", "目标达成", 10, {"at_risk_credit": 0})
    assert line(facts, rule).points == 0


def test_targets_without_progress_are_not_scored():
    result = line(unit(), Rule("target_attainment", "目标达成", 15))
    assert not result.applicable
    assert result.points == 15
    assert "按满分计" in result.text


# -- reviews, duties, surveys ----------------------------------------------------------


def test_reviews_score_the_reports_accepted_first_time():
    facts = unit(reports_reviewed=5, reports_first_time=4, returns=2)
    assert line(facts, Rule("review_outcomes", "报告质量", 10)).points == 8


def test_reviews_may_deduct_per_return():
    facts = unit(reports_reviewed=5, reports_first_time=4, returns=3)
    rule = Rule("review_outcomes", "报告质量", 10, {"return_deduction": 1.5})
    assert line(facts, rule).points == Fraction(11, 2)


def test_duties_score_occurrences_done():
    facts = unit(duties_done=3, duties_expected=4)
    result = line(facts, Rule("duty_fulfilment", "经常性任务", 10))
    assert result.points == Fraction(15, 2)
    assert "应开展 4 次，已开展 3 次，未开展 1 次" in result.text


def test_duties_done_beyond_what_is_owed_earn_no_more_than_the_weight():
    facts = unit(duties_done=9, duties_expected=4)
    assert line(facts, Rule("duty_fulfilment", "经常性任务", 10)).points == 10


def test_survey_full_points_at_the_target_rate():
    rule = Rule("survey_results", "群众满意度", 10, {"target": 90, "rates": {"unit:1": 93}})
    assert line(unit(), rule).points == 10


def test_survey_below_target_scores_in_proportion():
    rule = Rule("survey_results", "群众满意度", 10, {"target": 90, "rates": {"unit:1": 85.5}})
    result = line(unit(), rule)
    assert result.points == Fraction(95, 10)  # 10 × 85.5/90
    assert "测评结果 85.5%" in result.text and "= 9.5" in result.text


def test_survey_between_floor_and_target_is_linear():
    params = {"target": 90, "floor": 60, "rates": {"unit:1": 75}}
    assert line(unit(), Rule("survey_results", "满意度", 10, params)).points == 5
    params["rates"]["unit:1"] = 55
    assert line(unit(), Rule("survey_results", "满意度", 10, params)).points == 0


def test_survey_reads_the_rate_of_the_subject_only():
    rule = Rule("survey_results", "满意度", 10, {"rates": {"region:7": 50}})
    assert line(unit(), rule).applicable is False


# -- indicators that do not apply -------------------------------------------------------


def test_an_indicator_with_nothing_due_scores_full_by_default():
    result = line(unit(), Rule("report_timeliness", "按时报送", 20))
    assert result.points == 20
    assert result.text == "按时报送 20分：本年度无应报送的进展报告，按满分计；得分 = 20"


def test_an_indicator_with_nothing_due_may_take_the_rate_of_the_others():
    facts = unit(measures_carried=4, measures_done=3)
    rules = [
        Rule("measure_completion", "任务完成", 40, id=1),
        Rule("survey_results", "满意度", 10, {"when_none": "prorate"}, id=2),
    ]
    score = score_subject(facts, rules)
    assert score.points_of(2) == Fraction(15, 2)  # 10 × 30/40
    assert "按其余指标得分率 75% 折算" in score.lines[1].text


# -- weights, totals, adjustments ------------------------------------------------------


def test_weights_may_have_decimals_and_stay_exact():
    facts = unit(reports_expected=3, reports_on_time=1)
    result = line(facts, Rule("report_timeliness", "按时报送", 12.5))
    assert result.points == Fraction(25, 6)
    assert "≈ 4.17" in result.text


def test_the_breakdown_adds_up_to_the_total_exactly():
    facts = unit(
        reports_expected=9,
        reports_on_time=7,
        reports_late=1,
        reports_missing=1,
        measures_carried=7,
        measures_done=2,
        target_statuses=("met", "at_risk", "off_track"),
        reports_reviewed=3,
        reports_first_time=2,
        duties_done=1,
        duties_expected=3,
        adjustments=(AdjustmentFact(2, "经验被推广"), AdjustmentFact(-0.5, "通报批评")),
    )
    rules = [
        Rule("report_timeliness", "按时报送", 20, id=1),
        Rule("measure_completion", "任务完成", 30, id=2),
        Rule("target_attainment", "目标达成", 20, id=3),
        Rule("review_outcomes", "报告质量", 10, id=4),
        Rule("duty_fulfilment", "经常性任务", 10, id=5),
        Rule("survey_results", "满意度", 10, {"rates": {"unit:1": 80}}, id=6),
    ]
    score = score_subject(facts, rules)
    expected = (
        Fraction(20 * 7, 9)
        + Fraction(30 * 2, 7)
        + Fraction(20) * Fraction(3, 2) / 3
        + Fraction(10 * 2, 3)
        + Fraction(10, 3)
        + Fraction(80, 9)
        + 2
        - Fraction(1, 2)
    )
    assert score.total == expected
    assert sum(line.points for line in score.lines) == score.total
    assert len(score.lines) == 8


def test_adjustments_are_lines_with_their_reason_and_sign():
    facts = unit(adjustments=(AdjustmentFact(2, "经验被省级推广"), AdjustmentFact(-1.5, "被通报")))
    lines = score_subject(facts, []).lines
    assert [(line.kind, line.points) for line in lines] == [
        ("bonus", 2),
        ("penalty", Fraction(-3, 2)),
    ]
    assert lines[0].text == "加分：经验被省级推广（+2 分）"
    assert lines[1].text == "减分：被通报（−1.5 分）"
    assert score_subject(facts, []).total == Fraction(1, 2)


def test_adjustments_are_not_capped_by_indicator_weights():
    facts = unit(reports_expected=1, reports_on_time=1, adjustments=(AdjustmentFact(5, "表彰"),))
    score = score_subject(facts, [Rule("report_timeliness", "按时报送", 10)])
    assert score.total == 15


# -- ranking ---------------------------------------------------------------------------


def _score(name, on_time):
    facts = Facts(key=name, name=name, reports_expected=4, reports_on_time=on_time)
    return score_subject(facts, [Rule("report_timeliness", "按时报送", 10)])


def test_ranking_orders_by_total_and_ties_share_a_rank():
    scores = [_score("丙局", 2), _score("甲局", 4), _score("乙局", 2), _score("丁局", 1)]
    assert [(rank, s.name) for rank, s in ranked(scores)] == [
        (1, "甲局"),
        (2, "丙局"),
        (2, "乙局"),
        (4, "丁局"),
    ]


def test_ties_are_exact_not_rounded():
    # 10 × 1/3 and 10 × 333/1000 print alike (3.33) but are not equal
    third = score_subject(
        Facts("a", "甲", reports_expected=3, reports_on_time=1),
        [Rule("report_timeliness", "按时报送", 10)],
    )
    almost = score_subject(
        Facts("b", "乙", reports_expected=1000, reports_on_time=333),
        [Rule("report_timeliness", "按时报送", 10)],
    )
    assert fmt(third.total) == fmt(almost.total) == "3.33"
    assert [rank for rank, _ in ranked([almost, third])] == [1, 2]


@pytest.mark.parametrize(
    ("value", "text"), [(Fraction(45, 2), "22.5"), (Fraction(2, 3), "0.67"), (30, "30")]
)
def test_numbers_are_shown_with_two_decimals_at_most(value, text):
    assert fmt(value) == text


# -- silence, long-term work, ties, 口径 (issue 10, "fix what was found") ------------------


def test_a_unit_that_filed_nothing_scores_no_report_quality():
    silent = unit(reports_expected=3, reports_missing=3)
    result = line(silent, Rule("review_outcomes", "报告质量", 10))
    assert result.applicable and result.points == 0
    assert "未报送任何报告" in result.text and "按满分计" not in result.text


def test_silence_does_not_outscore_a_unit_whose_report_was_returned():
    rule = Rule("review_outcomes", "报告质量", 10)
    silent = unit(reports_expected=3, reports_missing=3)
    returned = unit(
        reports_expected=3, reports_on_time=3, reports_reviewed=3, reports_first_time=2, returns=1
    )
    assert line(silent, rule).points < line(returned, rule).points


def test_reports_filed_and_not_yet_reviewed_take_the_rate_of_the_other_indicators():
    # late and unread: 0 on timeliness, so quality is not 10 "按满分计" but 0
    waiting = unit(reports_expected=2, reports_late=2)
    rules = [
        Rule("report_timeliness", "按时报送", 20, id=1),
        Rule("review_outcomes", "报告质量", 10, id=2),
    ]
    score = score_subject(waiting, rules)
    assert score.points_of(2) == 0
    assert "已报送的报告尚未审核，按其余指标得分率 0% 折算" in score.lines[1].text
    prompt = unit(reports_expected=2, reports_on_time=2)
    assert score_subject(prompt, rules).points_of(2) == 10  # on time: 100 % of the others


def test_long_term_measures_in_progress_count_as_carried_forward():
    facts = unit(measures_carried=4, measures_done=1, measures_ongoing=2, measures_lagging=1)
    result = line(facts, Rule("measure_completion", "任务完成", 30))
    assert result.points == Fraction(45, 2)  # 30 × (1 + 2)/4
    assert "长期任务推进中 2 项" in result.text and "(1 + 2)/4" in result.text


def test_the_credit_for_long_term_work_in_progress_is_a_parameter():
    facts = unit(measures_carried=4, measures_done=1, measures_ongoing=2)
    assert (
        line(facts, Rule("measure_completion", "任务完成", 30, {"ongoing_credit": 0.5})).points
        == 15
    )
    assert line(
        facts, Rule("measure_completion", "任务完成", 30, {"ongoing_credit": 0})
    ).points == Fraction(15, 2)


def _two_rules(name, on_time, done):
    facts = Facts(
        key=name,
        name=name,
        reports_expected=4,
        reports_on_time=on_time,
        measures_carried=4,
        measures_done=done,
    )
    rules = [
        Rule("report_timeliness", "按时报送", 10, id=1),
        Rule("measure_completion", "任务完成", 10, id=2),
    ]
    return score_subject(facts, rules)


def test_equal_totals_are_ordered_by_the_indicators_in_the_scheme_order():
    # both 15: 甲 is ahead on the first indicator (按时报送), 乙 on the second
    first = _two_rules("乙局", on_time=2, done=4)
    second = _two_rules("甲局", on_time=4, done=2)
    assert first.total == second.total
    assert [(rank, s.name) for rank, s in ranked([first, second])] == [(1, "甲局"), (2, "乙局")]


def test_subjects_equal_on_every_indicator_share_a_rank_shown_as_such():
    from taizhang.assessment.scoring import shared_ranks

    scores = [_two_rules("乙局", 4, 4), _two_rules("甲局", 4, 4), _two_rules("丙局", 1, 1)]
    order = ranked(scores)
    assert [(rank, s.name) for rank, s in order] == [(1, "乙局"), (1, "甲局"), (3, "丙局")]
    assert shared_ranks(rank for rank, _ in order) == {1}


@pytest.mark.parametrize(
    ("kind", "params", "words"),
    [
        ("report_timeliness", {}, "按时报送次数 ÷ 应报次数"),
        ("report_timeliness", {"missing_deduction": 2}, "未报每次扣 2 分"),
        ("measure_completion", {}, "长期任务“推进中”项数 × 1"),
        ("review_outcomes", {}, "应报而未报送任何报告的计 0 分"),
        ("duty_fulfilment", {}, "已开展次数 ÷ 应开展次数"),
        ("survey_results", {"target": 85, "when_none": "prorate"}, "按其余指标得分率折算"),
    ],
)
def test_every_indicator_says_in_one_line_how_it_is_counted(kind, params, words):
    from taizhang.assessment.scoring import rule_in_words

    text = rule_in_words(kind, params)
    assert words in text and "\n" not in text
