"""Sign-up: a place while there is one, then the waiting list; one sign-up per person and activity; a cancellation
moves the first waiting up; a clash with another activity at the same time is refused unless its organiser allows."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.volunteers.activities.factories import make_activity, make_volunteer
from volunteers.models import ActivityDay, SignUp

pytestmark = pytest.mark.django_db


def sign(activity, volunteer, **kwargs):
    return SignUp.sign_up(activity, volunteer.person, by=volunteer, **kwargs)


def test_a_volunteer_gets_a_place(tree):
    assert sign(make_activity(), make_volunteer()).state == "active"


def test_past_the_capacity_a_volunteer_waits(tree):
    activity = make_activity(capacity=1)
    sign(activity, make_volunteer())
    assert sign(activity, make_volunteer()).state == "waiting"


def test_a_second_sign_up_of_the_same_person_is_refused(tree):
    activity, volunteer = make_activity(), make_volunteer()
    sign(activity, volunteer)
    with pytest.raises(ValidationError) as refusal:
        sign(activity, volunteer)
    assert refusal.value.code == "already_signed_up"


def test_the_database_holds_one_sign_up_per_person_and_activity(tree):
    activity, volunteer = make_activity(), make_volunteer()
    sign(activity, volunteer)
    with pytest.raises(IntegrityError), transaction.atomic():
        SignUp.objects.create(activity=activity, person=volunteer.person, state="waiting")


def test_a_cancellation_moves_the_first_waiting_up(tree):
    activity = make_activity(capacity=1)
    first, second, third = make_volunteer(), make_volunteer(), make_volunteer()
    place = sign(activity, first)
    sign(activity, second)
    sign(activity, third)
    place.cancel(by=first)
    assert dict(SignUp.objects.filter(activity=activity).values_list("person__user__username", "state")) == {
        first.username: "cancelled", second.username: "active", third.username: "waiting"}


def test_a_cancelled_volunteer_may_sign_up_again_at_the_end_of_the_queue(tree):
    activity, volunteer = make_activity(capacity=1), make_volunteer()
    signup = sign(activity, volunteer)
    signup.cancel(by=volunteer)
    sign(activity, make_volunteer())
    assert sign(activity, volunteer).state == "waiting"


def test_a_cancellation_after_the_start_is_refused(tree):
    activity, volunteer = make_activity(), make_volunteer()
    signup = sign(activity, volunteer)
    with pytest.raises(ValidationError) as refusal:
        signup.cancel(by=volunteer, now=activity.starts + datetime.timedelta(minutes=1))
    assert refusal.value.code == "started"


def test_an_activity_that_has_started_takes_no_sign_up(tree):
    activity = make_activity()
    with pytest.raises(ValidationError) as refusal:
        sign(activity, make_volunteer(), now=activity.starts)
    assert refusal.value.code == "closed"


def test_an_item_of_a_draft_plan_takes_no_sign_up(tree):
    activity = make_activity(plan=ActivityDay.for_month(timezone.localdate()))
    with pytest.raises(ValidationError) as refusal:
        sign(activity, make_volunteer())
    assert refusal.value.code == "closed"


def test_a_clash_with_another_activity_at_the_same_time_is_refused(tree):
    volunteer, first = make_volunteer(), make_activity()
    sign(first, volunteer)
    overlapping = make_activity(starts=first.starts + datetime.timedelta(hours=1),
                                ends=first.ends + datetime.timedelta(hours=1))
    with pytest.raises(ValidationError) as refusal:
        sign(overlapping, volunteer)
    assert refusal.value.code == "clash"


def test_back_to_back_activities_do_not_clash(tree):
    volunteer, first = make_volunteer(), make_activity()
    sign(first, volunteer)
    after = make_activity(starts=first.ends, ends=first.ends + datetime.timedelta(hours=2))
    assert sign(after, volunteer).state == "active"


def test_the_organiser_may_allow_a_clash(tree):
    volunteer, organiser, first = make_volunteer(), make_volunteer(), make_activity()
    sign(first, volunteer)
    overlapping = make_activity(starts=first.starts, ends=first.ends, organiser=organiser.person)
    signup = SignUp.sign_up(overlapping, volunteer.person, by=organiser, allow_clash=True)
    assert signup.clash_allowed_by == organiser


def test_the_volunteer_cannot_allow_their_own_clash(tree):
    volunteer, first = make_volunteer(), make_activity()
    sign(first, volunteer)
    with pytest.raises(ValidationError) as refusal:
        sign(make_activity(starts=first.starts, ends=first.ends), volunteer, allow_clash=True)
    assert refusal.value.code == "clash"
