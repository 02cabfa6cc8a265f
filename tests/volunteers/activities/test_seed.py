"""The activities' seed: a plan for every month of the year, published and claimed; the past items held with their
beneficiaries and confirmed hours; waiting lists; a second run adds nothing. On the foundation only."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from volunteers.models import Activity, ActivityDay, ActivityLog, Certificate, SignUp

STEPS = ["grid.territory", "grid.people", "partners.units", "partners.meeting", "volunteers.teams",
         "volunteers.activities"]
MODELS = (ActivityDay, Activity, SignUp, ActivityLog, Certificate)


def seed():
    call_command("seed", *(f"--only={step}" for step in STEPS), stdout=io.StringIO())
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed(), seed()
        transaction.set_rollback(True)


@pytest.fixture
def db_seeded(seeded, django_db_blocker):
    with django_db_blocker.unblock():
        yield seeded


def test_a_second_run_adds_nothing(db_seeded):
    first, second = db_seeded
    assert first == second


def test_every_month_of_the_year_has_a_published_plan(db_seeded):
    plans = ActivityDay.objects.filter(month__year=timezone.localdate().year)
    assert (plans.count(), plans.filter(state="published").count()) == (12, 12)


def test_every_item_is_claimed_by_a_team_of_its_colour(db_seeded):
    items = Activity.objects.filter(plan__isnull=False)
    assert items.filter(team__isnull=True).count() == 0
    assert all(item.team.colour == item.colour for item in items)


def test_no_past_activity_is_left_unrecorded(db_seeded):
    assert not Activity.objects.filter(ends__lt=timezone.now(), state="planned").exists()


def test_each_held_activity_has_beneficiaries_and_confirmed_hours(db_seeded):
    for activity in Activity.objects.filter(state="held"):
        assert activity.beneficiaries > 0
        assert activity.signups.filter(hours_state="confirmed").exists()


def test_there_are_waiting_lists(db_seeded):
    assert SignUp.objects.filter(state="waiting").exists()
