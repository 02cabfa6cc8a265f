"""Chinese working days (工作日): public holidays (法定节假日) and 调休 make-up working days.

The calendar comes from chinese-calendar, which follows the State Council's yearly notice. The notice for the
next year comes out around November and the library some weeks later: a year it does not know yet falls back
to Monday–Friday minus the fixed-date holidays, and `is_official(day)` says so, so a page can mark such a date
as provisional instead of presenting a guess as the law.
"""

import datetime
from functools import lru_cache

import chinese_calendar
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# chinese-calendar's holiday names, in the words the portal shows.
HOLIDAY_NAMES = {
    "New Year's Day": _("New Year's Day"),
    "Spring Festival": _("Spring Festival"),
    "Tomb-sweeping Day": _("Tomb-sweeping Day"),
    "Labour Day": _("Labour Day"),
    "Dragon Boat Festival": _("Dragon Boat Festival"),
    "National Day": _("National Day"),
    "Mid-autumn Festival": _("Mid-autumn Festival"),
    "Anti-Fascist 70th Day": _("Victory Day"),
}
# Without the year's notice only the solar-calendar holidays are certain (the lunar ones move every year).
FIXED_HOLIDAYS = {(1, 1): "New Year's Day", (5, 1): "Labour Day",
                  (10, 1): "National Day", (10, 2): "National Day", (10, 3): "National Day"}
LONGEST_BREAK = 14  # no run of days off is longer (the Spring Festival week with its weekends is 9)


@lru_cache(maxsize=4096)
def _day(day):
    """(is_workday, holiday name or None, official) for one date."""
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        return chinese_calendar.is_workday(day), (name if on_holiday else None), True
    except NotImplementedError:
        name = FIXED_HOLIDAYS.get((day.month, day.day))
        return (day.weekday() < 5 and name is None), name, False


def is_workday(day):
    return _day(day)[0]


def is_official(day):
    """Whether the year's official calendar is known (False: weekends and fixed-date holidays only)."""
    return _day(day)[2]


def holiday_name(day):
    """The public holiday's name on `day` (translated), or None for a working day or an ordinary weekend."""
    name = _day(day)[1]
    return HOLIDAY_NAMES.get(name, name) if name else None


def is_makeup_workday(day):
    """A Saturday or Sunday that is a working day (调休上班)."""
    return day.weekday() >= 5 and is_workday(day)


def next_workday(day):
    """`day` itself when it is a working day, else the first working day after it."""
    for offset in range(LONGEST_BREAK + 1):
        candidate = day + datetime.timedelta(days=offset)
        if is_workday(candidate):
            return candidate
    raise ValueError(f"no working day within {LONGEST_BREAK} days of {day}")  # pragma: no cover


def previous_workday(day):
    """`day` itself when it is a working day, else the last working day before it."""
    for offset in range(LONGEST_BREAK + 1):
        candidate = day - datetime.timedelta(days=offset)
        if is_workday(candidate):
            return candidate
    raise ValueError(f"no working day within {LONGEST_BREAK} days before {day}")  # pragma: no cover


def add_workdays(day, count):
    """The `count`-th working day after `day` (count ≥ 1; `day` itself is not counted)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    current = day
    for _index in range(count):
        current = next_workday(current + datetime.timedelta(days=1))
    return current


def subtract_workdays(day, count):
    """The `count`-th working day before `day` (count ≥ 1; `day` itself is not counted)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    current = day
    for _index in range(count):
        current = previous_workday(current - datetime.timedelta(days=1))
    return current


def workdays_between(start, end):
    """How many working days d there are with start < d ≤ end (0 when end ≤ start)."""
    days = (end - start).days
    return sum(1 for offset in range(1, days + 1) if is_workday(start + datetime.timedelta(days=offset)))


def end_of_workday(moment, count):
    """A deadline `count` working days after an aware moment: 23:59:59 local time of that working day."""
    day = add_workdays(timezone.localtime(moment).date(), count)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))
