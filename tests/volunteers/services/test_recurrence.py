"""When a fixed-day service falls, with the Chinese calendar: holidays skipped or moved, 调休 days, 2027 provisional."""

import datetime
from types import SimpleNamespace

from nanjie import workdays
from volunteers.services import recurrence

D = datetime.date


def rule(**fields):
    fields.setdefault("frequency", recurrence.WEEKLY)
    fields.setdefault("weekday", None)
    fields.setdefault("every_weeks", 1)
    fields.setdefault("day_of_month", None)
    fields.setdefault("week_of_month", None)
    fields.setdefault("on_holiday", recurrence.SKIP)
    fields.setdefault("starts_on", D(2026, 1, 1))
    fields.setdefault("ends_on", None)
    return SimpleNamespace(**fields)


def held(pattern, start, end):
    return recurrence.sessions_between(pattern, start, end)


def test_every_wednesday_falls_on_each_wednesday():
    assert [day for day, _moved in held(rule(weekday=2), D(2026, 3, 1), D(2026, 3, 31))] == [
        D(2026, 3, 4), D(2026, 3, 11), D(2026, 3, 18), D(2026, 3, 25)]


def test_every_other_friday_keeps_its_rhythm_from_the_first_date():
    pattern = rule(weekday=4, every_weeks=2, starts_on=D(2026, 1, 2))
    assert [day for day, _moved in held(pattern, D(2026, 3, 1), D(2026, 3, 31))] == [D(2026, 3, 13), D(2026, 3, 27)]


def test_the_15th_of_each_month():
    pattern = rule(frequency=recurrence.MONTHLY_DAY, day_of_month=15)
    assert [day for day, _moved in held(pattern, D(2026, 3, 1), D(2026, 5, 31))] == [
        D(2026, 3, 15), D(2026, 4, 15), D(2026, 5, 15)]


def test_the_first_monday_of_each_month():
    pattern = rule(frequency=recurrence.MONTHLY_WEEKDAY, weekday=0, week_of_month=1)
    assert [day for day, _moved in held(pattern, D(2026, 6, 1), D(2026, 8, 31))] == [
        D(2026, 6, 1), D(2026, 7, 6), D(2026, 8, 3)]


def test_the_first_mondays_in_the_qingming_and_labour_day_holidays_are_skipped():
    # 2026-04-06 is in the Tomb-sweeping Day holiday, 2026-05-04 in the Labour Day one.
    pattern = rule(frequency=recurrence.MONTHLY_WEEKDAY, weekday=0, week_of_month=1)
    assert [day for day, _moved in held(pattern, D(2026, 3, 1), D(2026, 5, 31))] == [D(2026, 3, 2)]


def test_the_last_friday_of_each_month():
    pattern = rule(frequency=recurrence.MONTHLY_WEEKDAY, weekday=4, week_of_month=recurrence.LAST)
    assert [day for day, _moved in held(pattern, D(2026, 3, 1), D(2026, 4, 30))] == [D(2026, 3, 27), D(2026, 4, 24)]


def test_a_fifth_monday_does_not_exist_in_most_months():
    assert recurrence.nth_weekday(2026, 2, 0, 5) is None


def test_a_session_on_a_public_holiday_is_skipped_by_default():
    # 2026-10-01 (Thursday) is National Day.
    days = [day for day, _moved in held(rule(weekday=3), D(2026, 9, 28), D(2026, 10, 16))]
    assert days == [D(2026, 10, 8), D(2026, 10, 15)]


def test_a_session_moved_to_the_working_day_before_lands_on_the_tiaoxiu_saturday():
    # Monday 2026-02-16 is in the Spring Festival holiday; the working day before it is Saturday 2026-02-14 (调休).
    pattern = rule(weekday=0, on_holiday=recurrence.PREVIOUS_WORKDAY)
    moved = [(day, origin) for day, origin in held(pattern, D(2026, 2, 9), D(2026, 2, 22)) if origin]
    assert moved == [(D(2026, 2, 14), D(2026, 2, 16))]
    assert workdays.is_makeup_workday(D(2026, 2, 14))


def test_two_holiday_dates_moved_onto_the_same_day_make_one_session():
    # Mondays 16 and 23 February 2026 are both in the holiday: both would move back to the 14th.
    pattern = rule(weekday=0, on_holiday=recurrence.PREVIOUS_WORKDAY)
    assert [day for day, _moved in held(pattern, D(2026, 2, 9), D(2026, 3, 2))] == [
        D(2026, 2, 9), D(2026, 2, 14), D(2026, 3, 2)]


def test_a_session_moved_to_the_next_working_day():
    # National Day 2026 runs 1–7 October: Thursday the 1st moves to Thursday the 8th.
    pattern = rule(weekday=3, on_holiday=recurrence.NEXT_WORKDAY)
    assert held(pattern, D(2026, 9, 28), D(2026, 10, 4)) == [(D(2026, 10, 8), D(2026, 10, 1))]


def test_a_moved_session_and_the_rules_own_date_on_the_same_day_are_one_session():
    pattern = rule(weekday=3, on_holiday=recurrence.NEXT_WORKDAY)
    assert held(pattern, D(2026, 9, 28), D(2026, 10, 11)) == [(D(2026, 10, 8), D(2026, 10, 1))]


def test_a_service_kept_on_holidays_is_held_on_the_holiday():
    assert held(rule(weekday=3, on_holiday=recurrence.KEEP), D(2026, 10, 1), D(2026, 10, 1)) == [(D(2026, 10, 1), None)]


def test_an_ordinary_saturday_is_the_rules_own_choice_not_a_holiday():
    assert held(rule(weekday=5), D(2026, 3, 7), D(2026, 3, 7)) == [(D(2026, 3, 7), None)]


def test_a_moved_session_before_the_rules_first_date_is_dropped():
    pattern = rule(weekday=0, on_holiday=recurrence.PREVIOUS_WORKDAY, starts_on=D(2026, 2, 15))
    assert held(pattern, D(2026, 2, 15), D(2026, 2, 22)) == []


def test_in_2027_new_years_day_is_skipped_though_the_calendar_does_not_know_the_year():
    pattern = rule(weekday=4)  # Fridays; 2027-01-01 is a Friday
    assert [day for day, _moved in held(pattern, D(2027, 1, 1), D(2027, 1, 8))] == [D(2027, 1, 8)]


def test_a_2027_date_is_provisional():
    assert workdays.is_official(D(2027, 1, 8)) is False
