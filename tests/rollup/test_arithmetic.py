"""The roll-up arithmetic: counts add, rates average by their bases (or equally when a base
is missing), per-capita figures by population."""

import pytest

from taizhang.rollup import (
    COUNT,
    DONE,
    IN_PROGRESS,
    LAGGING,
    NOT_STARTED,
    PER_CAPITA,
    RATE,
    RATE_EQUAL_RULE,
    RATE_MIXED_RULE,
    RATE_WEIGHTED_RULE,
    Part,
    kind_of,
    roll_up,
    rolled_status,
)


def test_kind_follows_the_unit_and_the_per_capita_basis():
    assert kind_of("件") == COUNT
    assert kind_of("%") == RATE
    assert kind_of("％") == RATE
    assert kind_of("名", per="万人") == PER_CAPITA


def test_counts_are_summed():
    result = roll_up(COUNT, [Part("甲县", 12), Part("乙县", 30), Part("丙县", 0)])
    assert result.value == 42
    assert result.used == ("甲县", "乙县", "丙县")


def test_nothing_to_roll_up_gives_no_value():
    assert roll_up(COUNT, []).value is None
    assert roll_up(RATE, []).value is None
    assert roll_up(PER_CAPITA, []).value is None


def test_rates_with_denominators_are_weighted_by_them():
    # 90% of 100 cases and 60% of 300 cases: 270 of 400 cases = 67.5%, not the plain mean 75%
    result = roll_up(RATE, [Part("甲县", 90, denominator=100), Part("乙县", 60, denominator=300)])
    assert result.value == pytest.approx(67.5)
    assert result.weights == pytest.approx((0.25, 0.75))
    assert result.rule == RATE_WEIGHTED_RULE


def test_rates_without_any_denominator_are_averaged_equally_and_say_so():
    result = roll_up(RATE, [Part("甲县", 90), Part("乙县", 60)])
    assert result.value == pytest.approx(75)
    assert result.weights == pytest.approx((0.5, 0.5))
    assert result.rule == RATE_EQUAL_RULE
    assert result.bases == ("甲县未填报基数，等权", "乙县未填报基数，等权")


def test_a_county_without_a_denominator_weighs_as_the_average_base_and_says_so():
    # 90% of 100 and 60% of 300 reported; 丙县 80% with no base weighs as the mean base 200:
    # (90*100 + 60*300 + 80*200) / 600 = 71.67%
    parts = [
        Part("甲县", 90, denominator=100),
        Part("乙县", 60, denominator=300),
        Part("丙县", 80),
    ]
    result = roll_up(RATE, parts)
    assert result.value == pytest.approx((9000 + 18000 + 16000) / 600)
    assert result.weights == pytest.approx((1 / 6, 1 / 2, 1 / 3))
    assert result.rule == RATE_MIXED_RULE
    assert result.bases[0] == "甲县按基数100"
    assert result.bases[2] == "丙县未填报基数，按平均基数200（等权）"


def test_a_zero_denominator_is_not_a_base():
    result = roll_up(RATE, [Part("甲县", 90, denominator=0), Part("乙县", 60, denominator=0)])
    assert result.value == pytest.approx(75)
    assert result.rule == RATE_EQUAL_RULE


def test_per_capita_figures_are_weighted_by_population():
    # 3 lawyers per 10,000 of 500,000 people (150) and 1 per 10,000 of 100,000 (10):
    # 160 lawyers for 600,000 people = 2.67 per 10,000
    parts = [Part("甲县", 3, population=500_000), Part("乙县", 1, population=100_000)]
    result = roll_up(PER_CAPITA, parts)
    assert result.value == pytest.approx(160 / 60)
    assert result.left_out == ()


def test_a_county_without_population_is_left_out_by_name():
    parts = [Part("甲县", 3, population=500_000), Part("乙县", 1)]
    result = roll_up(PER_CAPITA, parts)
    assert result.value == pytest.approx(3)
    assert result.left_out == ("乙县",)
    assert result.used == ("甲县",)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], None),
        ([DONE, DONE], DONE),
        ([DONE, NOT_STARTED], IN_PROGRESS),
        ([IN_PROGRESS, NOT_STARTED], IN_PROGRESS),
        ([NOT_STARTED, NOT_STARTED], NOT_STARTED),
        ([DONE, LAGGING, IN_PROGRESS], LAGGING),
    ],
)
def test_status_rolls_up_from_the_linked_measures(statuses, expected):
    assert rolled_status(statuses) == expected
