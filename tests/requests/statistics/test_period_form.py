"""The period a statistics page counts: this year by default, a month or a range; bad input gets a message."""

import datetime

import pytest
from django.utils import timezone

from nanjie.figures import Period
from requests.statistics.forms import PeriodForm

pytestmark = pytest.mark.django_db


def codes(data):
    form = PeriodForm(data)
    form.is_valid()
    return sorted(error.code for errors in form.errors.as_data().values() for error in errors)


def test_nothing_chosen_is_this_year():
    today = timezone.localdate()
    assert PeriodForm({}).chosen_period() == Period.year(today.year)


def test_a_month_is_its_first_to_its_last_day():
    assert PeriodForm({"month": "2026-02"}).chosen_period() == Period(datetime.date(2026, 2, 1),
                                                                      datetime.date(2026, 2, 28))


def test_a_range_is_taken_as_given():
    form = PeriodForm({"start": "2026-09-25", "end": "2026-10-08"})
    assert form.chosen_period() == Period(datetime.date(2026, 9, 25), datetime.date(2026, 10, 8))


@pytest.mark.parametrize("data, code", [
    ({"month": "2026-13"}, "month"), ({"month": "十一月"}, "month"),
    ({"start": "2026-10-31", "end": "2026-10-01"}, "reversed"),
    ({"start": "2020-01-01", "end": "2026-01-02"}, "too_long"),
    ({"month": "2026-10", "start": "2026-10-01", "end": "2026-10-31"}, "both"),
    ({"start": "2026-10-01"}, "half_range"),
    ({"grid": "NJ-99"}, "invalid_choice"), ({"grid": "NJ\x00"}, "invalid_choice"),
])
def test_a_bad_period_is_refused_with_its_code(data, code):
    assert codes(data) == [code]


def test_a_refused_period_falls_back_to_this_year():
    assert PeriodForm({"month": "2026-13"}).chosen_period() == Period.this_year()
