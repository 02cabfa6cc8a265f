"""Working days follow the State Council's calendar: holidays off, 调休 weekends on, unknown years provisional."""

import datetime
import zoneinfo

import pytest

from nanjie import workdays

D = datetime.date


def test_national_day_is_not_a_working_day():
    assert not workdays.is_workday(D(2026, 10, 1))


def test_a_makeup_saturday_is_a_working_day():
    # The Spring Festival's 调休 made Saturday 2026-02-14 a working day.
    assert workdays.is_makeup_workday(D(2026, 2, 14))


def test_an_ordinary_saturday_is_not_a_makeup_day():
    assert not workdays.is_makeup_workday(D(2026, 3, 7))


def test_a_holiday_has_its_name():
    assert str(workdays.holiday_name(D(2026, 10, 1))) in ("National Day", "国庆节")


def test_an_ordinary_weekend_has_no_holiday_name():
    assert workdays.holiday_name(D(2026, 3, 7)) is None


def test_next_workday_skips_the_national_day_week():
    assert workdays.next_workday(D(2026, 10, 1)) == D(2026, 10, 8)


def test_previous_workday_before_the_national_day_week():
    assert workdays.previous_workday(D(2026, 10, 4)) == D(2026, 9, 30)


def test_add_workdays_counts_over_a_holiday_week():
    assert workdays.add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 10)  # 10-08, 10-09, the 调休 Saturday


def test_add_workdays_counts_the_makeup_saturday():
    # Friday 2026-02-13, then the 调休 Saturday 2026-02-14 is the next working day.
    assert workdays.add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)


def test_add_workdays_refuses_zero():
    with pytest.raises(ValueError):
        workdays.add_workdays(D(2026, 2, 13), 0)


def test_workdays_between_a_holiday_week_is_small():
    assert workdays.workdays_between(D(2026, 9, 30), D(2026, 10, 9)) == 2  # 10-08 and 10-09


def test_workdays_between_reversed_dates_is_zero():
    assert workdays.workdays_between(D(2026, 10, 9), D(2026, 9, 30)) == 0


def test_a_year_without_a_calendar_is_provisional():
    assert not workdays.is_official(D(2030, 1, 2))


def test_a_year_without_a_calendar_still_keeps_new_years_day():
    assert not workdays.is_workday(D(2030, 1, 1))


def test_a_year_without_a_calendar_works_on_weekdays():
    assert workdays.is_workday(D(2030, 1, 2))


def test_a_known_year_is_official():
    assert workdays.is_official(D(2026, 6, 1))


def test_end_of_workday_is_the_last_second_of_that_day_in_china(settings):
    moment = datetime.datetime(2026, 9, 30, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))
    deadline = workdays.end_of_workday(moment, 1)
    assert deadline.astimezone(zoneinfo.ZoneInfo("Asia/Shanghai")).replace(tzinfo=None) == datetime.datetime(
        2026, 10, 8, 23, 59, 59)
