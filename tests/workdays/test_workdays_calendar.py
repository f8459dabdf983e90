"""Due dates counted in Chinese working days, with holidays and make-up working days."""

from datetime import date

import chinese_calendar

from taizhang.reporting.periods import Due
from taizhang.workdays import add_working_days, is_working_day, working_days_between


def test_the_package_knows_the_2025_spring_festival_and_its_make_up_days():
    assert not chinese_calendar.is_workday(date(2025, 1, 28))
    assert not chinese_calendar.is_workday(date(2025, 2, 4))
    assert chinese_calendar.is_workday(date(2025, 1, 26))  # a Sunday worked
    assert chinese_calendar.is_workday(date(2025, 2, 8))  # a Saturday worked


def test_the_package_knows_the_2025_national_day_and_its_make_up_days():
    assert all(not is_working_day(date(2025, 10, day)) for day in range(1, 9))
    assert is_working_day(date(2025, 9, 28))  # Sunday
    assert is_working_day(date(2025, 10, 11))  # Saturday


def test_a_make_up_sunday_counts_as_a_working_day_before_the_spring_festival():
    # Fri 24 Jan is day 0; Sun 26 Jan (make-up) is the 1st working day, Mon 27 the 2nd.
    assert add_working_days(date(2025, 1, 24), 1) == date(2025, 1, 26)
    assert add_working_days(date(2025, 1, 24), 2) == date(2025, 1, 27)


def test_counting_skips_the_whole_spring_festival_holiday():
    # After Mon 27 Jan the next working day is Wed 5 Feb (28 Jan - 4 Feb off).
    assert add_working_days(date(2025, 1, 27), 1) == date(2025, 2, 5)
    # 5, 6, 7 Feb, Sat 8 Feb (make-up), then 10 Feb.
    assert add_working_days(date(2025, 1, 27), 4) == date(2025, 2, 8)
    assert add_working_days(date(2025, 1, 27), 5) == date(2025, 2, 10)


def test_third_quarter_due_ten_working_days_after_it_ends_crosses_national_day():
    # Sep 30 ends the quarter; Oct 1-8 are off, Oct 9 and 10 work, Sat Oct 11 is a
    # make-up day, then Oct 13-17, 20 and 21.
    assert Due(working_days=10).date_for(date(2025, 9, 30)) == date(2025, 10, 21)
    assert add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 11)


def test_working_days_between_counts_make_up_days_and_skips_holidays():
    # Sun 28 Sep (make-up), Mon 29, Tue 30, then Oct 9, 10 and Sat 11 (make-up).
    assert working_days_between(date(2025, 9, 26), date(2025, 10, 11)) == 6


def test_a_year_without_a_published_calendar_falls_back_to_weekdays():
    assert is_working_day(date(2099, 6, 1))  # a Monday
    assert not is_working_day(date(2099, 6, 6))  # a Saturday
