"""The month's plan: activity day is the 7th, moved off a public holiday; published only when every grid has an
item or a reason; published once."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from grid.models import GridNode
from tests.volunteers.activities.factories import make_activity
from volunteers.activities.models import activity_day_of
from volunteers.models import ActivityDay, ActivityLog

pytestmark = pytest.mark.django_db


def test_activity_day_is_the_seventh():
    assert activity_day_of(2026, 3) == (datetime.date(2026, 3, 7), None)


def test_a_seventh_in_the_national_day_holiday_moves_to_the_first_day_after_it():
    assert activity_day_of(2026, 10) == (datetime.date(2026, 10, 8), datetime.date(2026, 10, 7))


def test_a_seventh_on_an_ordinary_weekend_does_not_move():
    assert activity_day_of(2026, 2) == (datetime.date(2026, 2, 7), None)  # a Saturday, no holiday


def test_the_plan_of_a_month_says_where_its_day_moved_from(tree):
    plan = ActivityDay.for_month(datetime.date(2026, 10, 20))
    assert (plan.month, plan.held_on, plan.moved_from) == (datetime.date(2026, 10, 1), datetime.date(2026, 10, 8),
                                                           datetime.date(2026, 10, 7))


def test_a_month_has_one_plan(tree):
    assert ActivityDay.for_month(datetime.date(2026, 5, 1)) == ActivityDay.for_month(datetime.date(2026, 5, 30))


def test_it_refuses_to_publish_while_a_grid_has_no_item_nor_reason(tree, branch):
    plan = ActivityDay.for_month(datetime.date(2026, 12, 1))
    make_activity(grids=("NJ-01",), plan=plan)
    with pytest.raises(ValidationError) as refusal:
        plan.publish(by=branch)
    assert refusal.value.code == "grid_uncovered"


def test_the_refusal_names_the_grid_left_out(tree, branch):
    plan = ActivityDay.for_month(datetime.date(2026, 12, 1))
    make_activity(grids=("NJ-01",), plan=plan)
    with pytest.raises(ValidationError) as refusal:
        plan.publish(by=branch)
    assert "第2网格" in refusal.value.messages[0]
    assert plan.state == "draft"


def test_a_reason_covers_a_grid_without_an_item(tree, branch):
    plan = ActivityDay.for_month(datetime.date(2026, 12, 1))
    make_activity(grids=("NJ-01",), plan=plan)
    plan.give_reason(GridNode.objects.get(code="NJ-02"), "本月轮空", by=branch)
    plan.publish(by=branch)
    assert (plan.state, ActivityLog.objects.filter(plan=plan, event="published").count()) == ("published", 1)


def test_a_reason_must_say_something(tree, branch):
    plan = ActivityDay.for_month(datetime.date(2026, 12, 1))
    with pytest.raises(ValidationError) as refusal:
        plan.give_reason(GridNode.objects.get(code="NJ-02"), "  ", by=branch)
    assert refusal.value.code == "no_reason"


def test_an_item_for_several_grids_covers_each(tree, branch):
    plan = ActivityDay.for_month(datetime.date(2026, 12, 1))
    make_activity(grids=("NJ-01", "NJ-02"), plan=plan)
    plan.publish(by=branch)
    assert plan.is_published


def test_a_plan_is_published_once(tree, branch):
    plan = ActivityDay.for_month(datetime.date(2026, 12, 1))
    make_activity(grids=("NJ-01", "NJ-02"), plan=plan)
    plan.publish(by=branch)
    with pytest.raises(ValidationError) as refusal:
        plan.publish(by=branch)
    assert refusal.value.code == "already_published"
