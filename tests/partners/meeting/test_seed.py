"""The seed's year of joint meetings: monthly, with attendance, decisions (some overdue, some carried over), the
held meetings' minutes confirmed but the last; a second run changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from partners.models import Attendance, Decision, Meeting
from tests.nanjie.test_seed import FOUNDATION, row_counts

STEPS = [*FOUNDATION, "partners.meetings"]


def seed():
    call_command("seed", *(f"--only={step}" for step in STEPS), stdout=io.StringIO())


@pytest.fixture(scope="module")
def seeded_twice(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        seed()
        first = row_counts()
        seed()
        yield {"first": first, "second": row_counts()}
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_twice, django_db_blocker):
    with django_db_blocker.unblock():
        yield seeded_twice


def test_a_meeting_for_every_month_of_the_year_so_far_and_the_next(seeded):
    today = timezone.localdate()
    months = {day.month for day in Meeting.objects.filter(held_on__year=today.year).values_list("held_on", flat=True)}
    assert set(range(1, today.month + 1)) <= months


def test_every_held_meeting_has_attendance_with_a_quorum(seeded):
    held = Meeting.objects.filter(held_on__lte=timezone.localdate())
    assert all(meeting.quorum()[2] for meeting in held)
    assert Attendance.objects.exists()


def test_some_decisions_are_overdue(seeded):
    assert Decision.objects.overdue().exists()


def test_some_decisions_were_carried_over(seeded):
    assert Decision.objects.filter(state="carried", carried_to__isnull=False).exists()


def test_some_decisions_were_done_on_time_and_some_late(seeded):
    done = Decision.objects.filter(state="done")
    assert done.filter(pk__in=Decision.objects.done_on_time()).exists()
    assert (done.exclude(
        pk__in=Decision.objects.done_on_time()).exists())


def test_the_held_meetings_minutes_are_confirmed_but_the_last(seeded):
    held = list(Meeting.objects.filter(held_on__lte=timezone.localdate()).order_by("held_on"))
    assert all(m.is_confirmed for m in held[:-1])
    assert not held[-1].is_confirmed


def test_a_second_seed_leaves_every_row_count_unchanged(seeded):
    assert seeded["second"] == seeded["first"]
