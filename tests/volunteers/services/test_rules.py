"""An impossible rule is refused with a message saying why (and the database refuses it too)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import make_unit
from tests.volunteers.factories import make_position, make_rule
from volunteers.models import ServiceRule, Team

pytestmark = pytest.mark.django_db
T, D = datetime.time, datetime.date


@pytest.fixture
def position(tree):
    return make_position(name="司法行政服务站")


def codes(position, **fields):
    with pytest.raises(ValidationError) as refused:
        make_rule(position, **fields)
    return {error.code for errors in refused.value.error_dict.values() for error in errors}


def test_a_service_that_ends_before_it_starts_is_refused(position):
    assert "ends_before_start" in codes(position, starts_at=T(11), ends_at=T(9))


def test_the_31st_of_each_month_is_refused_as_not_every_month_has_one(position):
    assert codes(position, frequency="monthly_day", weekday=None, day_of_month=31) == {"not_every_month"}


def test_a_day_of_the_month_that_no_month_has_is_refused(position):
    assert codes(position, frequency="monthly_day", weekday=None, day_of_month=32) == {"impossible_day"}


def test_the_fifth_monday_is_refused(position):
    assert "impossible_week" in codes(position, frequency="monthly_weekday", weekday=0, week_of_month=5)


def test_a_weekly_rule_without_a_weekday_is_refused(position):
    assert codes(position, weekday=None) == {"no_weekday"}


def test_a_rule_that_never_falls_within_its_dates_is_refused(position):
    # Every Monday, from a Tuesday to the Thursday after it.
    assert codes(position, weekday=0, starts_on=D(2026, 3, 3), ends_on=D(2026, 3, 5)) == {"never"}


def test_a_booking_slot_longer_than_the_session_is_refused(position):
    assert codes(position, slot_minutes=90) == {"slot_too_long"}


def test_a_rule_with_both_a_unit_and_a_team_is_refused(position):
    team = Team.objects.create(colour="blue", name="蓝色法律援助队")
    assert codes(position, unit=make_unit(name="县司法局"), team=team) == {"provider"}


def test_the_refusal_reads_in_chinese(position, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    from django.utils import translation

    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        make_rule(position, frequency="monthly_day", weekday=None, day_of_month=30)
    assert "不是每个月都有30号" in refused.value.message_dict["day_of_month"][0]


def test_fields_the_frequency_does_not_use_are_forgotten(position):
    rule = make_rule(position, frequency="monthly_day", weekday=3, day_of_month=15)
    assert rule.weekday is None


def test_the_database_refuses_an_impossible_rule_written_past_the_forms(position):
    rule = make_rule(position)
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceRule.objects.filter(pk=rule.pk).update(frequency="monthly_day", day_of_month=31)


def test_the_database_refuses_a_rule_that_ends_before_it_starts(position):
    rule = make_rule(position)
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceRule.objects.filter(pk=rule.pk).update(ends_at=T(8))


@pytest.mark.parametrize(("rule", "label"), [
    ({"weekday": 2}, "Every Wednesday"),
    ({"weekday": 4, "every_weeks": 2}, "Every 2 weeks on Friday"),
    ({"frequency": "monthly_day", "weekday": None, "day_of_month": 15}, "The 15th of each month"),
    ({"frequency": "monthly_weekday", "weekday": 0, "week_of_month": 1}, "The first Monday of each month"),
])
def test_a_rule_reads_as_staff_say_it(position, rule, label):
    from django.utils import translation

    with translation.override("en"):
        assert make_rule(position, **rule).repeats_label() == label
