"""Teams claim the items of a published plan: the colour asked for, one team an item."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.volunteers.activities.factories import make_activity, make_published_plan, make_team
from volunteers.models import ActivityDay, ActivityLog

pytestmark = pytest.mark.django_db


def test_a_team_claims_an_item_of_the_published_plan(tree, branch):
    _plan, item = make_published_plan(branch)
    item.claim(make_team("red"), by=branch)
    assert (item.team.colour, ActivityLog.objects.filter(activity=item, event="claimed").count()) == ("red", 1)


def test_an_item_of_a_draft_plan_cannot_be_claimed(tree, branch):
    item = make_activity(grids=("NJ-01",), plan=ActivityDay.for_month(datetime.date(2026, 12, 1)))
    with pytest.raises(ValidationError) as refusal:
        item.claim(make_team("red"), by=branch)
    assert refusal.value.code == "not_published"


def test_an_item_for_the_white_team_refuses_the_red_one(tree, branch):
    _plan, item = make_published_plan(branch, colour="white")
    with pytest.raises(ValidationError) as refusal:
        item.claim(make_team("red"), by=branch)
    assert refusal.value.code == "wrong_colour"


def test_the_second_team_is_told_it_is_taken(tree, branch):
    _plan, item = make_published_plan(branch)
    item.claim(make_team("red"), by=branch)
    with pytest.raises(ValidationError) as refusal:
        item.claim(make_team("green"), by=branch)
    assert (refusal.value.code, item.team.colour) == ("taken", "red")


def test_an_ordinary_activity_is_not_claimed(tree, branch):
    with pytest.raises(ValidationError) as refusal:
        make_activity().claim(make_team("red"), by=branch)
    assert refusal.value.code == "not_an_item"
