"""A rule's sessions are made ahead (eight weeks), once; cancelled and extra sessions are kept as recorded."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.volunteers.factories import make_position, make_rule, session_on
from volunteers.models import Booking, ServiceRule, Session

pytestmark = pytest.mark.django_db
T, D = datetime.time, datetime.date


@pytest.fixture
def rule(tree):
    return make_rule(make_position(name="司法行政服务站"))


def test_the_sessions_are_made_up_to_the_horizon(rule):
    ServiceRule.objects.schedule_through(D(2026, 3, 31))
    assert rule.sessions.filter(on__month=3).count() == 4


def test_making_them_again_adds_nothing(rule):
    rule.schedule_through(D(2026, 3, 31))
    ServiceRule.objects.filter(pk=rule.pk).update(scheduled_until=None)
    rule.refresh_from_db()
    rule.schedule_through(D(2026, 3, 31))
    assert rule.sessions.filter(on__month=3).count() == 4


def test_when_nothing_lags_the_pages_pay_one_query(rule, django_assert_num_queries):
    ServiceRule.objects.schedule_through(D(2026, 3, 31))
    with django_assert_num_queries(1):
        ServiceRule.objects.schedule_through(D(2026, 3, 31))


def test_a_session_moved_off_a_holiday_says_where_it_came_from(tree):
    rule = make_rule(make_position(), weekday=0, on_holiday="previous_workday")
    rule.schedule_through(D(2026, 2, 28))
    moved = rule.sessions.get(on=D(2026, 2, 14))
    assert (moved.origin, moved.moved_from, moved.makeup_workday) == ("moved", D(2026, 2, 16), True)


def test_a_2027_session_is_provisional_and_made_without_error(tree):
    rule = make_rule(make_position(), weekday=4)
    rule.schedule_through(D(2027, 1, 31))
    assert [session.provisional for session in rule.sessions.filter(on__year=2027)] == [True] * 4


def test_a_cancelled_session_stays_cancelled_when_sessions_are_made_again(rule, branch):
    session = session_on(rule, D(2026, 3, 11))
    session.cancel("律师出庭", by=branch)
    ServiceRule.objects.filter(pk=rule.pk).update(scheduled_until=None)
    rule.refresh_from_db()
    rule.schedule_through(D(2026, 3, 31))
    assert Session.objects.get(rule=rule, on=D(2026, 3, 11)).state == "cancelled"


def test_an_extra_session_is_recorded_beside_the_rules_own(rule, branch):
    rule.schedule_through(D(2026, 3, 31))
    extra = rule.add_extra(D(2026, 3, 12), by=branch, starts_at=T(14), ends_at=T(16), note="加开一场")
    assert (extra.origin, rule.sessions.filter(on__month=3).count()) == ("extra", 5)


def test_an_extra_session_at_the_time_of_an_existing_one_is_refused(rule, branch):
    rule.schedule_through(D(2026, 3, 31))
    with pytest.raises(ValidationError) as refused:
        rule.add_extra(D(2026, 3, 11), by=branch)
    assert "unique_session" in {e.code for es in refused.value.error_dict.values() for e in es}


def test_an_extra_session_outside_the_rules_dates_is_refused(rule, branch):
    with pytest.raises(ValidationError) as refused:
        rule.add_extra(D(2025, 12, 1), by=branch)
    assert refused.value.code == "outside_rule"


def test_a_changed_rule_plans_again_but_keeps_the_sessions_residents_booked(tree, branch):
    today = timezone.localdate()
    rule = make_rule(make_position(), weekday=today.weekday(), starts_on=today)
    rule.schedule_through(today + datetime.timedelta(days=21))
    booked = rule.sessions.get(on=today + datetime.timedelta(days=7))
    Booking.book(booked, T(9), name="李春华", phone="13800001111")
    rule.starts_at, rule.ends_at = T(14), T(15)
    rule.save()
    kept = rule.replan(by=branch)
    times = set(rule.sessions.filter(on__gt=today).values_list("starts_at", flat=True))
    assert (kept, times) == (1, {T(9), T(14)})
