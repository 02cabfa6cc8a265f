"""When a fixed-day service falls: "every Wednesday", "every other Friday", "the 15th of each month", "the first
Monday", "the last Friday", then moved or skipped on a public holiday by the rule's setting.

Pure functions of dates (no database), so a rule can be checked before it is saved. The Chinese calendar
(public holidays, 调休 make-up working days) comes from nanjie/workdays.py; a year it does not know yet is
provisional there, and the sessions in it are shown so.
"""

import calendar
import datetime

from nanjie import workdays

WEEKLY, MONTHLY_DAY, MONTHLY_WEEKDAY = "weekly", "monthly_day", "monthly_weekday"
SKIP, NEXT_WORKDAY, PREVIOUS_WORKDAY, KEEP = "skip", "next_workday", "previous_workday", "keep"
LAST = -1
MAX_DAY_OF_MONTH = 28  # every month has a 28th; "the 30th" would silently skip February


def _months(start, end):
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def nth_weekday(year, month, weekday, week):
    """The `week`-th (1–4, or LAST) `weekday` of a month, or None when that month has none (a 5th Monday)."""
    days = [day for day in calendar.Calendar().itermonthdates(year, month)
            if day.month == month and day.weekday() == weekday]
    if week == LAST:
        return days[-1]
    return days[week - 1] if 1 <= week <= len(days) else None


def pattern_dates(pattern, start, end):
    """The dates the rule's pattern names in [start, end], before any holiday is considered.

    `pattern` has: frequency, weekday, every_weeks, day_of_month, week_of_month, starts_on (the anchor of
    "every other week").
    """
    if start > end:
        return []
    if pattern.frequency == WEEKLY:
        step = datetime.timedelta(weeks=pattern.every_weeks or 1)
        first = pattern.starts_on + datetime.timedelta(days=(pattern.weekday - pattern.starts_on.weekday()) % 7)
        if first < start:  # jump to the first occurrence on or after start, keeping the fortnightly rhythm
            first += step * -(-(start - first).days // step.days)
        dates, day = [], first
        while day <= end:
            dates.append(day)
            day += step
        return dates
    dates = []
    for year, month in _months(start, end):
        if pattern.frequency == MONTHLY_DAY:
            day = datetime.date(year, month, pattern.day_of_month)
        else:
            day = nth_weekday(year, month, pattern.weekday, pattern.week_of_month)
        if day is not None and start <= day <= end:
            dates.append(day)
    return dates


def place(day, policy):
    """(date the session is held, or None when skipped; True when moved). Only public holidays count: an
    ordinary weekend is the rule's own choice, and a 调休 Saturday is a working day like any other."""
    if workdays.holiday_name(day) is None or policy == KEEP:
        return day, False
    if policy == NEXT_WORKDAY:
        return workdays.next_workday(day), True
    if policy == PREVIOUS_WORKDAY:
        return workdays.previous_workday(day), True
    return None, False


def sessions_between(pattern, start, end):
    """[(date held, the holiday it was moved from or None)] for the pattern's dates in [start, end], after the
    holiday policy; a moved date that another date of the rule already holds, or that falls outside the rule's
    own dates, is dropped."""
    held, taken = [], set()
    for day in pattern_dates(pattern, start, end):
        moved_to, moved = place(day, pattern.on_holiday)
        if moved_to is None or moved_to in taken or moved_to < pattern.starts_on:
            continue
        if pattern.ends_on and moved_to > pattern.ends_on:
            continue
        taken.add(moved_to)
        held.append((moved_to, day if moved else None))
    return held
