"""The last slot, raced on PostgreSQL: eight residents booking at the same moment, real threads, one connection each.

Exactly one gets it; the others are told it is full or taken; there is one active booking for the slot. And the
database's own word: a second active booking of a slot is an IntegrityError even past the model's lock.
"""

import datetime
import uuid

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import requires_postgres
from tests.factories import make_tree
from tests.races import together
from tests.volunteers.factories import make_position, make_rule, session_on
from volunteers.models import Booking

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
BOOKERS = 8
T = datetime.time


@pytest.fixture
def last_slot():
    """Next week's session with three slots, two of them already booked."""
    make_tree(grids=1, micro_per_grid=1)
    day = timezone.localdate() + datetime.timedelta(days=7)
    session = session_on(make_rule(make_position(), weekday=day.weekday(), starts_on=timezone.localdate()), day)
    for slot in (T(9), T(9, 20)):
        Booking.book(session, slot, name="李春华", phone="13800001111")
    return session


def test_of_eight_residents_booking_the_last_slot_exactly_one_gets_it(last_slot):
    calls = [lambda n=n: Booking.book(last_slot, T(9, 40), name=f"居民{n}", phone=f"1380000{n:04d}")
             for n in range(BOOKERS)]
    won, refused = together(calls)
    assert (len(won), sorted(set(refused)), Booking.objects.active().filter(slot_at=T(9, 40)).count()) == (
        1, ["full"], 1)


def test_the_losers_leave_nothing_behind(last_slot):
    calls = [lambda n=n: Booking.book(last_slot, T(9, 40), name=f"居民{n}", phone=f"1380000{n:04d}")
             for n in range(BOOKERS)]
    together(calls)
    assert (Booking.objects.count(), last_slot.bookings.filter(events__event="booked").count()) == (3, 3)


def test_eight_residents_posting_the_form_at_once_get_one_booking_and_seven_messages(last_slot):
    def press(number):
        client = Client(REMOTE_ADDR=f"10.0.0.{number + 1}")
        return client.post(reverse("volunteers:book", args=[last_slot.pk]), {
            "slot": "09:40", "resident_name": f"居民{number}", "resident_phone": f"1380000{number:04d}",
            "submission": str(uuid.uuid4())})

    answers, _refused = together([lambda n=n: press(n) for n in range(BOOKERS)])
    assert sorted(answer.status_code for answer in answers) == [302] + [400] * (BOOKERS - 1)
    refusals = [answer.content.decode() for answer in answers if answer.status_code == 400]
    assert [page for page in refusals if "刚刚被别人预约了" not in page and "已约满" not in page] == []


def test_the_database_refuses_a_second_active_booking_of_a_slot(last_slot):
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(session=last_slot, slot_at=T(9), resident_name="王秀英", resident_phone="13800001112")
