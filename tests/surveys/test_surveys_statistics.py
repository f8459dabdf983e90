"""The survey arithmetic against values computed by hand (z = 1.96):

Wilson interval of s successes in n: centre = (p + z²/2n) / (1 + z²/n),
half-width = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n), with z² = 3.8416.
"""

import pytest

from taizhang.surveys.statistics import (
    Proportion,
    TargetCheck,
    awareness,
    percent,
    pooled,
    satisfaction,
    share,
    wilson_interval,
)

close = pytest.approx


def test_wilson_eight_of_ten():
    # p = .8: centre = .99208/1.38416 = .71674, half = 1.96·√(.016 + .00960)/1.38416 = .22658
    low, high = wilson_interval(8, 10)
    assert (low, high) == (close(0.49016, abs=1e-5), close(0.94332, abs=1e-5))


def test_wilson_forty_five_of_fifty():
    # p = .9: centre = .938416/1.076832 = .87146, half = 1.96·√(.0018 + .000384)/1.076832 = .08507
    assert wilson_interval(45, 50) == (close(0.78640, abs=1e-5), close(0.95652, abs=1e-5))


def test_wilson_at_zero_successes_starts_at_zero():
    # high = z²/(n + z²) = 3.8416/13.8416
    assert wilson_interval(0, 10) == (0.0, close(0.27754, abs=1e-5))


def test_wilson_at_all_successes_ends_at_one():
    # low = n/(n + z²) = 10/13.8416
    assert wilson_interval(10, 10) == (close(0.72246, abs=1e-5), 1.0)


def test_wilson_of_a_single_answer():
    assert wilson_interval(1, 1) == (close(1 / 4.8416, abs=1e-9), 1.0)
    assert wilson_interval(0, 1) == (0.0, close(3.8416 / 4.8416, abs=1e-9))


def test_wilson_without_answers_is_none():
    assert wilson_interval(0, 0) is None


def test_wilson_refuses_more_successes_than_answers():
    with pytest.raises(ValueError):
        wilson_interval(3, 2)


def test_proportion_without_answers_has_no_rate():
    empty = Proportion(0, 0)
    assert (empty.rate, empty.low, empty.high, empty.percent) == (None, None, None, None)
    assert empty.describe() == "无有效回答"


def test_proportion_describes_itself_in_chinese():
    assert Proportion(8, 10).describe() == "80.0%（95%置信区间 49.0%—94.3%，n=10）"


def test_satisfaction_counts_very_satisfied_and_satisfied_among_all_five_points():
    counts = {"very_satisfied": 3, "satisfied": 4, "neutral": 2, "dissatisfied": 1}
    assert satisfaction(counts) == Proportion(7, 10)


def test_satisfaction_ignores_keys_of_other_scales():
    assert satisfaction({"satisfied": 2, "aware": 5, "": 4}) == Proportion(2, 2)


def test_satisfaction_of_nobody_satisfied_is_zero_percent():
    measured = satisfaction({"neutral": 3, "very_dissatisfied": 2})
    assert (measured.rate, measured.low) == (0.0, 0.0)


def test_awareness_counts_know_among_know_and_do_not_know():
    assert awareness({"aware": 9, "unaware": 1, "satisfied": 4}) == Proportion(9, 10)


def test_pooled_adds_successes_and_answers():
    assert pooled([Proportion(1, 2), Proportion(3, 4), Proportion(0, 0)]) == Proportion(4, 6)


def test_target_met_at_exactly_the_target_but_not_conclusive():
    check = TargetCheck(90, ">=", Proportion(45, 50))
    assert check.met is True
    assert check.conclusive is False
    assert check.verdict == "达标（置信区间包含目标值，样本尚不足以定论）"


def test_target_met_conclusively_when_the_interval_lies_above():
    check = TargetCheck(90, ">=", Proportion(990, 1000))
    assert (check.met, check.conclusive, check.verdict) == (True, True, "达标")


def test_a_hundred_percent_target_needs_every_answer():
    assert TargetCheck(100, "=", Proportion(10, 10)).met is True
    assert TargetCheck(100, "=", Proportion(9, 10)).met is False


def test_target_without_answers_has_no_verdict():
    check = TargetCheck(90, ">=", Proportion(0, 0))
    assert (check.met, check.verdict) == (None, "暂无数据")


def test_share_and_percent_formatting():
    assert share(3, 4) == 0.75
    assert share(3, 0) is None
    assert percent(0.9234) == "92.3%"
    assert percent(None) == "—"
