"""The positions' seed: the centre's 13, the red stations, one kit expired, a year of sessions; a second run adds
nothing. Run on the foundation only (no households or requests: those steps take a minute)."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from volunteers.models import Amenity, Booking, Inspection, Position, ServiceRule, Session

STEPS = ["grid.territory", "grid.people", "partners.units", "partners.meeting", "volunteers.teams",
         "volunteers.positions", "volunteers.services"]
MODELS = (Position, Amenity, Inspection, ServiceRule, Session, Booking)


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


def test_the_centre_has_the_articles_13_positions(db_seeded):
    names = set(Position.objects.centre().values_list("name", flat=True))
    assert len(names) == 13
    assert {"社区警务站", "司法行政服务站", "妇女儿童之家", "社会组织孵化站"} <= names


def test_some_red_stations_stand_in_compounds_and_some_on_streets(db_seeded):
    compounds = list(Position.objects.stations().values_list("compound", flat=True))
    assert len(compounds) == 8
    assert "" in compounds
    assert len([name for name in compounds if name]) == 6


def test_one_first_aid_kit_is_past_its_date(db_seeded):
    expired = Amenity.objects.filter(kind=Amenity.Kind.FIRST_AID_KIT, expires_on__lt=timezone.localdate())
    assert list(expired.values_list("position__name", flat=True)) == ["南街农贸市场红色驿站"]


def test_a_year_of_sessions_is_held_with_counts_and_some_cancelled(db_seeded):
    past = Session.objects.filter(on__lt=timezone.localdate())
    assert past.filter(state="held", served_count__gt=0).count() > 300
    assert past.filter(state="cancelled").exists()


def test_no_past_session_is_left_unrecorded(db_seeded):
    assert not Session.objects.filter(on__lt=timezone.localdate(), state="planned").exists()
