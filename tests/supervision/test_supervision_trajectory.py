"""The pure rules of target progress: expected value, projection and status."""

from datetime import date

import pytest

from taizhang.supervision import trajectory as t

D = date


def assess(**kwargs):
    base = {"target": 100.0, "comparator": ">=", "deadline": D(2025, 12, 31)}
    return t.assess(**{**base, **kwargs})


def test_no_reading_before_the_deadline_is_no_data():
    result = assess(readings=[], today=D(2024, 6, 30))
    assert result.status == t.NO_DATA


def test_no_reading_after_the_deadline_is_off_track():
    result = assess(readings=[], today=D(2026, 1, 10))
    assert result.status == t.OFF_TRACK


def test_a_target_already_met_is_met_whatever_the_pace():
    result = assess(
        baseline=(D(2022, 1, 1), 50), readings=[(D(2023, 6, 30), 100)], today=D(2023, 7, 1)
    )
    assert result.status == t.MET


def test_meeting_the_target_after_the_deadline_still_counts_as_met():
    result = assess(readings=[(D(2024, 1, 1), 50), (D(2026, 3, 1), 101)], today=D(2026, 4, 1))
    assert result.status == t.MET


def test_deadline_passed_without_meeting_is_off_track_even_if_close():
    result = assess(readings=[(D(2024, 1, 1), 50), (D(2025, 12, 31), 99)], today=D(2026, 1, 2))
    assert result.status == t.OFF_TRACK


def test_expected_now_runs_linearly_from_the_baseline_to_the_deadline():
    result = assess(
        baseline=(D(2024, 1, 1), 0),
        deadline=D(2025, 1, 1),
        readings=[(D(2024, 7, 1), 60)],
        today=D(2024, 7, 1),
    )
    assert result.expected_now == pytest.approx(100 * 182 / 366)


def test_ahead_of_the_expected_value_is_on_track():
    result = assess(
        baseline=(D(2024, 1, 1), 0),
        deadline=D(2025, 1, 1),
        readings=[(D(2024, 7, 1), 60)],
        today=D(2024, 7, 2),
    )
    assert result.status == t.ON_TRACK


def test_projection_continues_the_pace_from_the_baseline():
    result = assess(
        baseline=(D(2024, 1, 1), 0),
        deadline=D(2025, 1, 1),
        readings=[(D(2024, 7, 1), 40)],
        today=D(2024, 7, 2),
    )
    assert result.projected == pytest.approx(40 + 40 / 182 * 184)


def test_slightly_behind_with_a_projection_just_short_is_at_risk():
    # expected 89.6 on 2024-11-24; 89.5 reached projects to 99.87: 0.13 short of a
    # remaining gap of 10.5, within 10% of it
    result = assess(
        baseline=(D(2024, 1, 1), 0),
        deadline=D(2025, 1, 1),
        readings=[(D(2024, 11, 24), 89.5)],
        today=D(2024, 11, 25),
    )
    assert result.projected == pytest.approx(89.5 * 366 / 328)
    assert result.status == t.AT_RISK


def test_a_small_shortfall_is_at_risk_and_a_large_one_off_track():
    common = {"baseline": (D(2024, 1, 1), 0), "deadline": D(2025, 1, 1), "today": D(2024, 12, 2)}
    # latest 90 on 2024-12-01 is behind the expected ~91.8 and projects to ~98.3:
    # short by 1.7 of a gap of 10 -> off track with a 10% tolerance, at risk with 30%.
    off = assess(readings=[(D(2024, 12, 1), 90)], **common)
    risk = assess(readings=[(D(2024, 12, 1), 90)], tolerance=0.3, **common)
    assert off.status == t.OFF_TRACK
    assert risk.status == t.AT_RISK


def test_moving_away_from_the_target_is_off_track():
    result = assess(readings=[(D(2024, 1, 1), 50), (D(2024, 6, 1), 40)], today=D(2024, 6, 2))
    assert result.status == t.OFF_TRACK


def test_without_a_baseline_the_pace_is_taken_from_the_first_reading():
    result = assess(readings=[(D(2024, 1, 1), 50), (D(2025, 1, 1), 75)], today=D(2025, 1, 2))
    assert result.projected == pytest.approx(75 + 25 / 366 * 364)


def test_without_a_baseline_the_first_reading_starts_the_expected_line():
    result = assess(readings=[(D(2024, 1, 1), 50), (D(2025, 1, 1), 80)], today=D(2025, 1, 2))
    assert result.expected_now == pytest.approx(50 + 50 * 367 / 730)
    assert result.status == t.ON_TRACK


def test_one_reading_and_no_baseline_cannot_be_projected():
    result = assess(readings=[(D(2024, 1, 1), 50)], today=D(2024, 2, 1))
    assert result.projected is None
    assert result.status == t.AT_RISK


def test_readings_after_today_are_ignored():
    result = assess(readings=[(D(2024, 1, 1), 50), (D(2030, 1, 1), 100)], today=D(2024, 2, 1))
    assert result.latest == 50


def test_milestones_set_the_expected_value_year_by_year():
    points = t.trajectory_points((D(2022, 1, 1), 0), 100, D(2025, 12, 31), [(2023, 80), (2024, 90)])
    assert points == [
        (D(2022, 1, 1), 0),
        (D(2023, 12, 31), 80),
        (D(2024, 12, 31), 90),
        (D(2025, 12, 31), 100),
    ]
    assert t.interpolate(points, D(2023, 12, 31)) == 80
    assert t.interpolate(points, D(2024, 7, 1)) == pytest.approx(80 + 10 * 183 / 366)


def test_behind_an_early_milestone_is_judged_against_it():
    # linear would expect ~33 at the end of 2022; the milestone asks for 80
    common = {"baseline": (D(2022, 1, 1), 0), "deadline": D(2024, 12, 31), "today": D(2023, 1, 1)}
    readings = [(D(2022, 12, 31), 50)]
    assert assess(readings=readings, **common).status == t.ON_TRACK
    behind = assess(readings=readings, milestones=[(2022, 80)], **common)
    assert behind.expected_now == pytest.approx(80, abs=0.2)
    assert behind.status == t.ON_TRACK  # the projection (150) still meets the target


def test_decreasing_target_is_met_when_at_or_below_it():
    result = t.assess(
        target=10,
        comparator="=",
        deadline=D(2025, 12, 31),
        baseline=(D(2022, 1, 1), 30),
        readings=[(D(2024, 1, 1), 9)],
        today=D(2024, 2, 1),
    )
    assert result.status == t.MET


def test_decreasing_target_falling_too_slowly_is_off_track():
    result = t.assess(
        target=10,
        comparator="<=",
        deadline=D(2025, 12, 31),
        baseline=(D(2022, 1, 1), 30),
        readings=[(D(2024, 12, 31), 28)],
        today=D(2025, 1, 1),
    )
    assert result.status == t.OFF_TRACK


def test_decreasing_target_falling_fast_enough_is_on_track():
    result = t.assess(
        target=10,
        comparator="<=",
        deadline=D(2025, 12, 31),
        baseline=(D(2022, 1, 1), 30),
        readings=[(D(2024, 12, 31), 14)],
        today=D(2025, 1, 1),
    )
    assert result.status == t.ON_TRACK


def test_off_track_since_is_the_reading_that_made_it_so():
    kwargs = {
        "target": 100,
        "comparator": ">=",
        "deadline": D(2025, 12, 31),
        "baseline": (D(2022, 1, 1), 0),
        "readings": [(D(2022, 12, 31), 30), (D(2023, 12, 31), 35), (D(2024, 12, 31), 40)],
    }
    assert t.assess(today=D(2023, 1, 1), **kwargs).status == t.ON_TRACK
    assert t.off_track_since(today=D(2025, 3, 1), **kwargs) == D(2023, 12, 31)


def test_off_track_since_the_deadline_when_the_deadline_made_it_so():
    kwargs = {
        "target": 100,
        "comparator": ">=",
        "deadline": D(2025, 12, 31),
        "readings": [(D(2024, 1, 1), 50), (D(2025, 12, 1), 99.5)],
    }
    assert t.off_track_since(today=D(2026, 2, 1), **kwargs) == D(2026, 1, 1)


def test_off_track_since_is_none_when_not_off_track():
    assert (
        t.off_track_since(
            target=100,
            comparator=">=",
            deadline=D(2025, 12, 31),
            readings=[(D(2024, 1, 1), 100)],
            today=D(2024, 2, 1),
        )
        is None
    )


@pytest.mark.parametrize(
    ("per", "size"),
    [
        ("万人", 10_000),
        ("十万人", 100_000),
        ("10万人", 100_000),
        ("千名", 1_000),
        ("百万人", 1_000_000),
        ("人", None),
    ],
)
def test_per_capita_denominators(per, size):
    assert t.per_size(per) == size


def test_per_capita_rate_from_a_count_and_a_population():
    # 黔南 45: 2.3 lawyers per 10,000 people; 900 lawyers among 3,490,000 people
    assert t.per_capita(900, 3_490_000, 10_000) == pytest.approx(2.5788, abs=1e-4)
