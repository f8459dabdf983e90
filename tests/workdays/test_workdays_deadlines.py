"""Deadlines such as "within 20 working days" (银川 32) counted with the Chinese holiday
calendar of 2025 and 2026, as the chinesecalendar package publishes it: the Spring
Festival and National Day holidays are skipped and make-up working days (调休) count."""

from datetime import date

import chinese_calendar
import pytest

from taizhang.workdays import add_working_days, is_working_day, working_days_between


def test_2025_spring_festival_twenty_working_days_from_a_decision_on_20_january():
    # 21-24 Jan (4), Sun 26 Jan make-up (5), Mon 27 Jan (6); 28 Jan - 4 Feb off;
    # 5-7 Feb (9), Sat 8 Feb make-up (10), 10-14 Feb (15), 17-21 Feb (20).
    assert add_working_days(date(2025, 1, 20), 20) == date(2025, 2, 21)


def test_2025_national_day_seven_working_days_for_a_permit_decided_on_26_september():
    # Sun 28 Sep make-up (1), 29 and 30 Sep (3); 1-8 Oct off; 9, 10 Oct (5),
    # Sat 11 Oct make-up (6), Mon 13 Oct (7).
    assert add_working_days(date(2025, 9, 26), 7) == date(2025, 10, 13)


def test_2025_national_day_twenty_working_days_from_30_september():
    # 9, 10, 11 Oct (3), 13-17 (8), 20-24 (13), 27-31 (18), 3, 4 Nov (20)
    assert add_working_days(date(2025, 9, 30), 20) == date(2025, 11, 4)


def _skip_without_2026():
    try:
        chinese_calendar.is_workday(date(2026, 2, 16))
    except NotImplementedError:
        pytest.skip("this chinesecalendar release has no 2026 calendar")


def test_2026_spring_festival_make_up_saturday_is_the_next_working_day():
    _skip_without_2026()
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)


def test_2026_spring_festival_holiday_is_skipped_whole():
    _skip_without_2026()
    # 15-23 Feb off (16-20 and 23 are weekdays off); Tue 24 Feb is the next working day
    assert add_working_days(date(2026, 2, 14), 1) == date(2026, 2, 24)


def test_2026_twenty_working_days_across_the_spring_festival():
    _skip_without_2026()
    # 3-6 Feb (4), 9-13 (9), Sat 14 make-up (10), 24-27 (14), Sat 28 make-up (15),
    # 2-6 Mar (20)
    assert add_working_days(date(2026, 2, 2), 20) == date(2026, 3, 6)
    assert working_days_between(date(2026, 2, 2), date(2026, 3, 6)) == 20


def test_2026_national_day_seven_working_days():
    _skip_without_2026()
    # 1-7 Oct off; 8, 9 Oct (2), Sat 10 Oct make-up (3), 12-15 Oct (7)
    assert add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert add_working_days(date(2026, 9, 30), 7) == date(2026, 10, 15)


def test_2026_mid_autumn_friday_is_off():
    _skip_without_2026()
    assert not is_working_day(date(2026, 9, 25))
    assert add_working_days(date(2026, 9, 24), 1) == date(2026, 9, 28)
